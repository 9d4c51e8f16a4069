import type { Envelope } from '../../../shared/contract';

/** The only thing the Electron preload exposes to the page (see electron/preload). */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
  /** The path on disk of a picked or dropped file; '' when it has none (e.g. made in memory). */
  pathForFile?(file: File): string;
}

declare global {
  interface Window {
    /** Present only inside the Electron app; the browser harness talks HTTP instead. */
    bridge?: Bridge;
  }
}
