import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface HashedFile {
  sha256: string;
  size: number;
  /** The first `headBytes` bytes. */
  head: Buffer;
}

/**
 * The worker's source, as a string: the same code then runs under tsx, vitest, the CLI and the
 * bundled Electron main process, none of which would agree on where a separate worker file is.
 * Synchronous reads are right here: this thread has nothing else to do, and a read followed by
 * the hash of the same buffer keeps that buffer in the CPU cache.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { constants, copyFileSync, readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafeSlow(${256 * 1024});
parentPort.on('message', ({ id, op, fd, headBytes, from, to }) => {
  try {
    if (op === 'copy') {
      copyFileSync(from, to, constants.COPYFILE_EXCL);
      parentPort.postMessage({ id });
      return;
    }
    const hash = createHash('sha256');
    const head = Buffer.allocUnsafeSlow(headBytes);
    let headLength = 0;
    let size = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, size);
      if (read === 0) break;
      if (headLength < headBytes) headLength += buffer.copy(head, headLength, 0, Math.min(read, headBytes - headLength));
      hash.update(read === buffer.length ? buffer : buffer.subarray(0, read));
      size += read;
    }
    const headCopy = head.buffer.slice(0, headLength);
    parentPort.postMessage({ id, sha256: hash.digest('hex'), size, head: headCopy }, [headCopy]);
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
parentPort.postMessage({ ready: true });
`;

type Reply =
  | { ready: true; id?: undefined }
  | { id: number; sha256: string; size: number; head: ArrayBuffer }
  | { id: number; sha256?: undefined }
  | { id: number; error: { message: string; code?: string } };

type Request = { op: 'hash'; fd: number; headBytes: number } | { op: 'copy'; from: string; to: string };

interface Job {
  resolve(value: HashedFile | null): void;
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

const defaultStartWorker = (source: string) => new Worker(source, { eval: true });
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
      else job.resolve(reply.sha256 === undefined ? null : { sha256: reply.sha256, size: reply.size, head: Buffer.from(reply.head) });
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

  run(id: number, request: Request): Promise<HashedFile | null> {
    return new Promise((resolve, reject) => {
      if (this.jobs.size === 0) this.worker.ref();
      this.jobs.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request });
    });
  }
}

/**
 * Copies and hashes off the main thread, which then only orchestrates: while one file is hashed
 * in one thread, the kernel copies the next in the other and the main thread inspects and records
 * a third. Two: one measured slower on two cores (hashes queued behind copies), more than two
 * only adds threads waiting for the same cores and disk.
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
 * Hashes an open file from its start to its end, by descriptor, in a worker thread. The caller
 * keeps the descriptor open until this settles. Throws WorkerStartError at once when no thread
 * can be started, and rejects with it when the thread dies before running anything.
 */
export function hashDescriptor(fd: number, headBytes: number): Promise<HashedFile> {
  nextId += 1;
  return leastBusy().run(nextId, { op: 'hash', fd, headBytes }) as Promise<HashedFile>;
}

/**
 * copyFile(from, to, COPYFILE_EXCL) in a worker thread. The kernel copy of a large file holds
 * its thread for as long as it takes; in libuv's pool of four that stalled every stat, fsync and
 * rename queued behind it, which is most of what an add does. Rejects with WorkerStartError
 * (never throws: it is async) when no thread can be started.
 */
export async function copyInWorker(from: string, to: string): Promise<void> {
  nextId += 1;
  await leastBusy().run(nextId, { op: 'copy', from, to });
}
