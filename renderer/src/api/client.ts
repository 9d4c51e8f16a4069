import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, SourceInput } from '../../../shared/contract';
import { ApiError } from './api-error';
import { createHttpTransport, takeTokenFromUrl } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { PickedFolder, Transport } from './transport';

/** The typed API every screen uses; the transport underneath is chosen once at startup. */
export interface ApiClient {
  /** Calls a backend method; resolves with its value or throws an ApiError. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Listens to a backend event; returns the function that stops listening. */
  subscribe<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  /** Hands a picked or dropped file to the backend; the result is an import's `source`. */
  stageFile(file: File): Promise<SourceInput>;
  /** The desktop folder dialog (null when cancelled); undefined where there is none (browser harness). */
  pickFolder?: () => Promise<PickedFolder | null>;
}

export function createApiClient(transport: Transport): ApiClient {
  const pickFolder = transport.pickFolder?.bind(transport);
  return {
    ...(pickFolder && {
      async pickFolder() {
        try {
          return await pickFolder();
        } catch (error) {
          if (error instanceof ApiError) throw error;
          throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
        }
      },
    }),
    async call(method, input) {
      let envelope;
      try {
        envelope = await transport.invoke(method, input);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
      }
      if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) {
        throw new ApiError('INTERNAL', `Malformed response from ${method}`);
      }
      if (!envelope.ok) throw ApiError.fromBody(envelope.error);
      // The backend parses its own output against the contract, so the cast is checked upstream.
      return envelope.value as MethodOutput<typeof method>;
    },
    subscribe(event, handler) {
      return transport.on(event, (payload) => handler(payload as EventPayload<typeof event>));
    },
    async stageFile(file) {
      try {
        return await transport.stageFile(file);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** IPC inside Electron (the preload defines window.bridge), HTTP in a plain browser. */
export function createDefaultTransport(win: Window = window): Transport {
  if (win.bridge) return createIpcTransport(win.bridge);
  return createHttpTransport(takeTokenFromUrl(win));
}
