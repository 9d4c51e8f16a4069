import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Bytes per direct write: large enough that the disk's latency is paid rarely. */
const directChunkBytes = 1024 * 1024;
/** Bytes per buffered write (see below). */
const bufferedChunkBytes = 64 * 1024;

/** What the worker stored: a private temporary file, hashed, read-only, flushed and closed. */
export interface PreparedInWorker {
  sha256: string;
  size: number;
  /** The first `headBytes` bytes. */
  head: Buffer;
  /** Flushed and closed here: nothing for the caller to flush or close. */
  fd: null;
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
 * back) cost it more than the copy.
 *
 * The bytes pass through this thread once: read from the source's descriptor, hashed, written
 * to the temporary file from the same buffer, so the name is the hash of exactly the bytes
 * written. Where the system allows it (Linux, a file system with direct I/O) the writes bypass
 * the page cache. Measured per 1078 MB on one thread: read, hash and direct writes 1.00–1.05
 * CPU-s; the same with buffered 64 KB writes 1.12–1.31, with 256 KB buffered writes 1.5–1.8;
 * what this replaced, a kernel copy then reading the copy back to hash it, 1.18–1.29 per GB. A
 * vault's files, written once and seldom read, also no longer push everything else out of the cache.
 * Direct I/O needs memory aligned to the disk's blocks, which a WebAssembly memory is (it starts
 * on a page boundary), and whole blocks: the last one is padded and the file truncated to its
 * size. Where direct I/O is refused (EINVAL: macOS and Windows have no O_DIRECT, tmpfs and some
 * network file systems refuse it) the thread writes through the page cache in 64 KB pieces.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const { O_RDWR, O_CREAT, O_EXCL, O_DIRECT } = fs.constants;
const block = 4096;
let aligned = null;
try {
  if (O_DIRECT && workerData.direct) aligned = Buffer.from(new WebAssembly.Memory({ initial: ${directChunkBytes / 65536} }).buffer);
} catch {
  // No WebAssembly (a --jitless build): buffered writes only.
}
let direct = aligned !== null;
const buffered = Buffer.allocUnsafeSlow(${bufferedChunkBytes});
const same = (a, b) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

// Copies the source (open as fd) into out and hashes it. null when the source grew past the size it had when opened.
function copyAndHash(fd, limit, out, useDirect, headBytes) {
  const buffer = useDirect ? aligned : buffered;
  const hash = createHash('sha256');
  const head = Buffer.allocUnsafeSlow(headBytes);
  let headLength = 0;
  let size = 0;
  for (;;) {
    // A full buffer before each write, so direct writes start on a block boundary whatever
    // short reads the source's file system returns.
    let filled = 0;
    while (filled < buffer.length) {
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, size + filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled === 0) break;
    if (size + filled > limit) return null;
    const chunk = filled === buffer.length ? buffer : buffer.subarray(0, filled);
    if (headLength < headBytes) headLength += buffer.copy(head, headLength, 0, Math.min(filled, headBytes - headLength));
    hash.update(chunk);
    const length = useDirect && filled % block !== 0 ? filled + block - (filled % block) : filled;
    if (length > filled) buffer.fill(0, filled, length);
    let written = 0;
    while (written < length) written += fs.writeSync(out, buffer, written, length - written, size + written);
    size += filled;
    if (filled < buffer.length) break;
  }
  if (useDirect && size % block !== 0) fs.ftruncateSync(out, size);
  return { sha256: hash.digest('hex'), size, head: head.buffer.slice(0, headLength) };
}

parentPort.on('message', ({ id, from, fd, opened, to, headBytes }) => {
  let out = -1;
  // Forgotten before it is closed, so the error path never closes a number another open reused.
  const closeOut = () => {
    const closing = out;
    out = -1;
    fs.closeSync(closing);
  };
  try {
    let useDirect = direct;
    if (useDirect) {
      try {
        out = fs.openSync(to, O_RDWR | O_CREAT | O_EXCL | O_DIRECT, 0o600);
      } catch (error) {
        if (error.code !== 'EINVAL') throw error;
        useDirect = direct = false;
      }
    }
    // EXCL: a temporary name is never reused. Private until it is made read-only below.
    if (out < 0) out = fs.openSync(to, 'wx+', 0o600);
    let copied;
    try {
      copied = copyAndHash(fd, Number(opened.size), out, useDirect, headBytes);
    } catch (error) {
      if (!useDirect || error.code !== 'EINVAL') throw error;
      // The file system took the open but not the writes: again, through the page cache.
      direct = false;
      closeOut();
      out = fs.openSync(to, 'r+');
      fs.ftruncateSync(out, 0);
      copied = copyAndHash(fd, Number(opened.size), out, false, headBytes);
    }
    // The descriptor is the main thread's, open since the checks: the file must still be at
    // its path (statSync throws ENOENT when it was deleted: "vanished"), the same file, unchanged.
    const atPath = fs.statSync(from, { bigint: true });
    if (!copied || !same(opened, atPath) || !same(opened, fs.fstatSync(fd, { bigint: true }))) {
      closeOut();
      parentPort.postMessage({ id, changed: true });
      return;
    }
    // Read-only before the flush, so the mode is on disk with the bytes. Flushed here, where
    // waiting for the disk blocks only this thread: on the main thread the flush and close were
    // two more trips through libuv's pool per file.
    fs.fchmodSync(out, 0o444);
    fs.fsyncSync(out);
    closeOut();
    parentPort.postMessage({ id, sha256: copied.sha256, size: copied.size, head: copied.head }, [copied.head]);
  } catch (error) {
    if (out >= 0) fs.close(out, () => {});
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
parentPort.postMessage({ ready: true });
`;

type Reply =
  | { ready: true; id?: undefined }
  | { id: number; sha256: string; size: number; head: ArrayBuffer }
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

/**
 * How a hashing thread is started. `direct: false` makes it write through the page cache even
 * where direct I/O works (tests use it to cover that path on Linux). Descriptors are not tracked:
 * the thread reads the main thread's source descriptor, which it must never close.
 */
export const hashThreadOptions = (direct = true): WorkerOptions => ({ eval: true, trackUnmanagedFds: false, workerData: { direct } });
const defaultStartWorker = (source: string, options: WorkerOptions) => new Worker(source, options);
let startWorker: (source: string, options: WorkerOptions) => Worker = defaultStartWorker;

/**
 * Tests only: replaces how worker threads are started (null restores the default) and stops the
 * idle threads already running, so the next job starts a thread through `factory`.
 */
export async function setWorkerStartForTests(factory: ((source: string, options: WorkerOptions) => Worker) | null): Promise<void> {
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
      this.worker = startWorker(workerSource, hashThreadOptions());
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
      else job.resolve({ sha256: reply.sha256, size: reply.size, head: Buffer.from(reply.head), fd: null });
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
 * Threads that prepare files while the main thread only orchestrates, flushes, names and records.
 * Two per core, at most four: a direct write blocks its thread until the disk has the bytes, and
 * the other thread on that core hashes meanwhile (1 GB of mixed files on 2 cores, medians of 5
 * rounds: two threads 1.28–1.33 s, four 1.10–1.20 s). More only adds threads contending for the
 * same cores, disk and file-system locks.
 */
const threadCount = Math.min(4, 2 * availableParallelism());
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
 * In a worker thread: reads the source through `fd` (the caller keeps it open until this
 * settles), hashing the bytes as it writes them to the new file `to`, then checks the source is
 * still the file `opened` describes (path `from`) and makes the copy read-only. Rejects with SourceChangedError when
 * the source changed, with the file system's error (ENOENT, EACCES …) otherwise; either way the
 * caller removes `to`. Rejects with WorkerStartError (never throws: it is async) when no thread
 * can be started, or the thread died before it ran anything.
 */
export async function prepareInWorker(request: Request): Promise<PreparedInWorker> {
  nextId += 1;
  return leastBusy().run(nextId, request);
}
