import type { VouchOutcome } from '../../../shared/contract';
import { ApiError } from './api-error';
import type { Bridge } from './bridge';
import type { Transport } from './transport';

/** A vouching that gave no token, as the error every screen already words. */
function refusal(outcome: Extract<VouchOutcome, { ok: false }>, fileName: string): ApiError {
  // No path: the File was made in memory (a pasted screenshot); the evidence adder sends its bytes.
  if (outcome.reason === 'not_on_disk') return new ApiError('BAD_FILE', `"${fileName}" has no path on disk`, [], 'not_on_disk');
  return new ApiError(outcome.code, outcome.message, [], outcome.reason ?? null);
}

/** Transport for the Electron app: the preload's bridge already speaks envelopes. */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    on: (event, handler) => bridge.on(event, handler),
    // The backend reads the file where it lies, by the token the main process gave for it, so
    // nothing is copied through the renderer and the renderer never names a path.
    async stageFile(file) {
      const [outcome] = await bridge.vouchFiles([file]);
      if (!outcome) throw new ApiError('UNAVAILABLE', 'The file could not be handed to the backend.');
      if (!outcome.ok) throw refusal(outcome, file.name);
      return { kind: 'vouched', token: outcome.token };
    },
    async pickFolder() {
      const picked = await bridge.pickFiles('folder');
      const [outcome] = picked.items;
      if (picked.cancelled || !outcome) return null;
      if (!outcome.ok) throw refusal(outcome, outcome.name);
      return { folder: { kind: 'vouched', token: outcome.token }, path: outcome.name };
    },
  };
}
