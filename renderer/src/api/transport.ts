import type { Envelope, EventName, MethodName, SourceInput, VouchedSource } from '../../../shared/contract';

/**
 * What every way of reaching the backend (IPC, HTTP, in-memory) must offer. A transport returns
 * the envelope as the backend sent it; it throws an ApiError only for failures of the channel
 * itself (unreachable server, refused token), which no envelope can describe.
 */
export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Envelope<unknown>>;
  /** Listens to one backend event; returns the function that stops listening. */
  on(event: EventName, handler: (payload: unknown) => void): () => void;
  /**
   * Makes a file the person picked readable by the backend, which never sees browser File
   * objects: a token the main process vouched for inside Electron, an upload (`POST /upload`) over HTTP.
   */
  stageFile(file: File): Promise<SourceInput>;
  /**
   * The desktop's folder dialog, run by the main process: a folder token and the folder's path to
   * show, or null when the person cancelled. Absent where there is none (the browser harness).
   */
  pickFolder?(): Promise<PickedFolder | null>;
}

export interface PickedFolder {
  folder: VouchedSource;
  /** The folder's full path, to show. */
  path: string;
}
