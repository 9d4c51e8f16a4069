import type { IpcMain } from 'electron';
import type { Envelope } from '../../shared/contract/errors';
import { isTrustedSender } from './security';

export interface IpcRouterOptions {
  /** Relays a call to the backend in its utilityProcess. */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  devServerUrl?: string;
}

/**
 * The one IPC channel into the backend (`api:invoke`). The sender frame is checked before anything
 * else: a call from a frame that is not the app's own page is refused without reaching the core.
 */
export function installIpcRouter(ipcMain: IpcMain, options: IpcRouterOptions): void {
  ipcMain.handle('api:invoke', async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame, options.devServerUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are only accepted from the app itself.' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'VALIDATION', message: 'Method name must be a string.' } };
    }
    return options.call(method, input);
  });
}
