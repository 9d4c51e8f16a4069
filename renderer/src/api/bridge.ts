import type { Envelope, PickPurpose, PickResult, VouchOutcome } from '../../../shared/contract';

/** The only thing the Electron preload exposes to the page (see electron/preload). */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
  /** Shows the main process's open dialog; the chosen paths come back as tokens. */
  pickFiles(purpose: PickPurpose): Promise<PickResult>;
  /** Has the main process vouch for dropped or input-picked files: one outcome (a token) per file. */
  vouchFiles(files: File[]): Promise<VouchOutcome[]>;
}

declare global {
  interface Window {
    /** Present only inside the Electron app; the browser harness talks HTTP instead. */
    bridge?: Bridge;
  }
}
