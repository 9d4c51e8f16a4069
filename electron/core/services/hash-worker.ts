import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** What the worker stored: a private temporary file, hashed, read-only, still open. */
export interface PreparedInWorker {
  sha256: string;
  size: number;
  /** The first `headBytes` bytes. */
  head: Buffer;
  /** The temporary file, open for the flush; the caller closes it. */
  fd: number;
}

/** The source's identity when it was opened: the copy must be of exactly that file, unchanged. */
export interface SourceIdentity {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** The source was replaced, changed or grown while it was copied; the temporary file is removed. */
export class SourceChangedError extends Error {
  constructor() {
    super('The source changed while it was copied.');
    this.name = 'SourceChangedError';
  }
}

/**
 * The worker's source, as a string: the same code then runs under tsx, vitest, the CLI and the
 * bundled Electron main process, none of which would agree on where a separate worker file is.
 * One job is a whole file's preparation, synchronously: this thread has nothing else to do, and
 * each step the main thread once awaited (a dozen per file, each a trip through libuv's pool and
 * back) cost it more than the copy. A read followed by the hash of the same buffer keeps that
 * buffer in the CPU cache.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafeSlow(${256 * 1024});
const same = (a, b) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
parentPort.on('message', ({ id, from, fd, opened, to, headBytes }) => {
  let out = -1;
  try {
    // EXCL: a temporary name is never reused. The copy takes the source's mode.
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    // The descriptor is the main thread's, open since the checks: the same file, unchanged,
    // and still at its path (statSync throws ENOENT when it was deleted).
    if (!same(opened, fs.fstatSync(fd, { bigint: true })) || !same(opened, fs.statSync(from, { bigint: true }))) {
      parentPort.postMessage({ id, changed: true });
      return;
    }
    fs.chmodSync(to, 0o600);
    out = fs.openSync(to, 'r+');
    const hash = createHash('sha256');
    const head = Buffer.allocUnsafeSlow(headBytes);
    let headLength = 0;
    let size = 0;
    for (;;) {
      const read = fs.readSync(out, buffer, 0, buffer.length, size);
      if (read === 0) break;
      if (headLength < headBytes) headLength += buffer.copy(head, headLength, 0, Math.min(read, headBytes - headLength));
      hash.update(read === buffer.length ? buffer : buffer.subarray(0, read));
      size += read;
    }
    // Read-only before the flush, so the mode is on disk with the bytes.
    fs.fchmodSync(out, 0o444);
    const headCopy = head.buffer.slice(0, headLength);
    parentPort.postMessage({ id, sha256: hash.digest('hex'), size, head: headCopy, fd: out }, [headCopy]);
  } catch (error) {
    if (out >= 0) fs.close(out, () => {});
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
parentPort.postMessage({ ready: true });
`;

type Reply =
  | { ready: true; id?: undefined }
  | { id: number; sha256: string; size: number; head: ArrayBuffer; fd: number }
  | { id: number; changed: true }
  | { id: number; error: { message: string; code?: string } };

interface Request {
  from: string;
  fd: number;
  opened: SourceIdentity;
  to: string;
  headBytes: number;
}

interface Job {
  resolve(value: PreparedInWorker): void;
  reject(error: Error): void;
}

/**
 * No worker thread could be started (or it died before it ran anything): the job never ran, so
 * the caller may do it on this thread instead. Any other error is the job's own.
 */
export class WorkerStartError extends Error {
  constructor(cause: unknown) {
    super(`No hashing thread could be started: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WorkerStartError';
  }
}

// The descriptors a job opens are handed to the main thread, which closes them: a worker that
// tracked them would close whatever reuses those numbers when it exits.
const defaultStartWorker = (source: string) => new Worker(source, { eval: true, trackUnmanagedFds: false });
let startWorker = defaultStartWorker;

/**
 * Tests only: replaces how worker threads are started (null restores the default) and stops the
 * idle threads already running, so the next job starts a thread through `factory`.
 */
export async function setWorkerStartForTests(factory: ((source: string) => Worker) | null): Promise<void> {
  startWorker = factory ?? defaultStartWorker;
  await Promise.all(threads.splice(0).map((thread) => thread.terminate()));
}

class HashThread {
  readonly jobs = new Map<number, Job>();
  private readonly worker: Worker;
  /** Until the thread says it is ready for jobs, a failure means no job ran in it. */
  private ready = false;

  constructor(private readonly onExit: (thread: HashThread) => void) {
    try {
      this.worker = startWorker(workerSource);
    } catch (error) {
      throw new WorkerStartError(error);
    }
    // An idle hasher must not keep the app or the CLI from exiting; a busy one must.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        this.ready = true;
        return;
      }
      const job = this.jobs.get(reply.id);
      if (!job) return;
      this.jobs.delete(reply.id);
      if (this.jobs.size === 0) this.worker.unref();
      if ('error' in reply) job.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code } : {}));
      else if ('changed' in reply) job.reject(new SourceChangedError());
      else job.resolve({ sha256: reply.sha256, size: reply.size, head: Buffer.from(reply.head), fd: reply.fd });
    });
    const fail = (cause: Error) => {
      const error = this.ready ? cause : new WorkerStartError(cause);
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
      this.onExit(this);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The hashing thread stopped (exit code ${code}).`)));
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  run(id: number, request: Request): Promise<PreparedInWorker> {
    return new Promise((resolve, reject) => {
      if (this.jobs.size === 0) this.worker.ref();
      this.jobs.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }
}

/**
 * Two threads prepare files while the main thread only orchestrates, flushes, names and records:
 * while one file is copied in one thread, another is hashed in the other. More than two only adds
 * threads waiting for the same cores and disk.
 */
const threadCount = Math.min(2, availableParallelism());
const threads: HashThread[] = [];
let nextId = 0;

function leastBusy(): HashThread {
  while (threads.length < threadCount) {
    threads.push(
      new HashThread((gone) => {
        const index = threads.indexOf(gone);
        if (index >= 0) threads.splice(index, 1);
      }),
    );
  }
  return threads.reduce((best, thread) => (thread.jobs.size < best.jobs.size ? thread : best));
}

/**
 * In a worker thread: copies `from` (open as `fd`, which the caller keeps open until this
 * settles) to the new file `to` in the kernel, checks the source is still the file `opened`
 * describes, then hashes the copy and makes it read-only. Rejects with SourceChangedError when
 * the source changed, with the file system's error (ENOENT, EACCES …) otherwise; either way the
 * caller removes `to`. Rejects with WorkerStartError (never throws: it is async) when no thread
 * can be started, or the thread died before it ran anything.
 */
export async function prepareInWorker(request: Request): Promise<PreparedInWorker> {
  nextId += 1;
  return leastBusy().run(nextId, request);
}
