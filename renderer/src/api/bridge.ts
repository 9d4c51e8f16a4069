import type { Envelope } from '../../../shared/contract';

/** The only thing the Electron preload exposes to the page (see electron/preload). */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron app; the browser harness talks HTTP instead. */
    bridge?: Bridge;
  }
}
