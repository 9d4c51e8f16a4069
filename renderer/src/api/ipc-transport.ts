import { ApiError } from './api-error';
import type { Bridge } from './bridge';
import type { Transport } from './transport';

/** Transport for the Electron app: the preload's bridge already speaks envelopes. */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    on: (event, handler) => bridge.on(event, handler),
    // The backend reads the file where it lies, so nothing is copied through the renderer.
    async stageFile(file) {
      const path = bridge.pathForFile?.(file) ?? '';
      if (!path) throw new ApiError('BAD_FILE', `"${file.name}" has no path on disk`, [], 'not_on_disk');
      return { kind: 'path', path };
    },
  };
}
