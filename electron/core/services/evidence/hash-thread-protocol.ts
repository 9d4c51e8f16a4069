/**
 * What the main thread and a hashing thread (hash-thread.ts) say to each other. Types only: the
 * thread imports this file with `import type`, which leaves nothing to load at run time.
 */

/** The source's identity when it was opened: the copy must be of exactly that file, unchanged. */
export interface SourceIdentity {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** Given to each thread when it starts. */
export interface HashThreadData {
  /** false: write through the page cache even where direct I/O works (tests cover that path on Linux). */
  direct: boolean;
}

/** One file's preparation: copy the open source `fd` (opened at `from`) to the new file `to`, hashing it. */
export interface HashJob {
  id: number;
  from: string;
  fd: number;
  opened: SourceIdentity;
  to: string;
  headBytes: number;
}

export type HashReply =
  /** Sent once, when the thread is ready for jobs. */
  | { ready: true; id?: undefined }
  /** `head` (the first `headBytes` bytes) is transferred, not copied. */
  | { id: number; sha256: string; size: number; head: ArrayBuffer }
  /** The source was replaced, changed or grown while it was copied; the caller removes the temporary file. */
  | { id: number; changed: true }
  | { id: number; error: { message: string; code?: string } };
