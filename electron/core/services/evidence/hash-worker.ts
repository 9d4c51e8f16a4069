/// <reference types="electron-vite/node" />
import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { HashJob, HashReply, HashThreadData } from './hash-thread-protocol';

/** What the worker stored: a private temporary file, hashed, read-only, flushed and closed. */
export interface PreparedInWorker {
  sha256: string;
  size: number;
  /** The first `headBytes` bytes. */
  head: Buffer;
  /** Flushed and closed here: nothing for the caller to flush or close. */
  fd: null;
}

/** The source was replaced, changed or grown while it was copied; the temporary file is removed. */
export class SourceChangedError extends Error {
  constructor() {
    super('The source changed while it was copied.');
    this.name = 'SourceChangedError';
  }
}

type Request = Omit<HashJob, 'id'>;

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

/** A worker thread's module: a path or a file URL. */
export type ThreadModule = string | URL;

/**
 * Where the hashing thread's module is. The core runs from source (vitest; tsx for the CLI and the
 * bench) and bundled by electron-vite (out/main/: the app's utility process, `npm run web`, the
 * installed CLI), and the module is found differently in each:
 * - From source this file's URL ends in .ts, and the thread is hash-thread.ts beside it: Node runs
 *   it with its types stripped, also under tsx and vitest (the thread gets none of their flags). A
 *   Node without type stripping (before 22.18) cannot start it: the WorkerStartError fallback
 *   then does the work on the main thread.
 * - Bundled, `?modulePath` (electron-vite's, typed by the reference above) makes electron-vite
 *   bundle hash-thread.ts on its own and turns the import into that bundle's path, relative to
 *   whichever chunk this code ends up in, so nothing here depends on the bundle's layout.
 * Not a string of JavaScript run with `eval: true`, the one form every tool agrees on: it is
 * neither linted nor type-checked. Nor a typed function's `toString()`: that text is whatever the
 * last tool made of it, and tsx's esbuild adds `__name(…)` calls to a helper an evaluated copy
 * does not have.
 */
function findThreadModule(): Promise<ThreadModule> {
  if (import.meta.url.endsWith('.ts')) return Promise.resolve(new URL('./hash-thread.ts', import.meta.url));
  return import('./hash-thread?modulePath').then((bundled) => bundled.default);
}

let threadModule: ThreadModule | null = null;

/**
 * How a hashing thread is started. `direct: false` makes it write through the page cache even
 * where direct I/O works (tests use it to cover that path on Linux). Descriptors are not tracked:
 * the thread reads the main thread's source descriptor, which it must never close. No inherited
 * Node flags: the thread needs none, and under tsx the inherited loader doubled each thread's start
 * (a pool of four: 750–930 ms with it, 330–370 ms without) for a module Node strips by itself.
 */
export const hashThreadOptions = (direct = true): WorkerOptions => ({
  execArgv: [],
  trackUnmanagedFds: false,
  workerData: { direct } satisfies HashThreadData,
});
const defaultStartWorker = (module: ThreadModule, options: WorkerOptions) => new Worker(module, options);
let startWorker: (module: ThreadModule, options: WorkerOptions) => Worker = defaultStartWorker;

/**
 * Tests only: replaces how worker threads are started (null restores the default) and stops the
 * idle threads already running, so the next job starts a thread through `factory`.
 */
export async function setWorkerStartForTests(factory: ((module: ThreadModule, options: WorkerOptions) => Worker) | null): Promise<void> {
  startWorker = factory ?? defaultStartWorker;
  await Promise.all(threads.splice(0).map((thread) => thread.terminate()));
}

class HashThread {
  readonly jobs = new Map<number, Job>();
  private readonly worker: Worker;
  /** Until the thread says it is ready for jobs, a failure means no job ran in it. */
  private ready = false;

  constructor(module: ThreadModule, private readonly onExit: (thread: HashThread) => void) {
    try {
      this.worker = startWorker(module, hashThreadOptions());
    } catch (error) {
      throw new WorkerStartError(error);
    }
    // An idle hasher must not keep the app or the CLI from exiting; a busy one must.
    this.worker.unref();
    this.worker.on('message', (reply: HashReply) => {
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
      this.worker.postMessage({ id, ...request } satisfies HashJob);
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

function leastBusy(module: ThreadModule): HashThread {
  while (threads.length < threadCount) {
    threads.push(
      new HashThread(module, (gone) => {
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
  threadModule ??= await findThreadModule().catch((error: unknown) => {
    throw new WorkerStartError(error);
  });
  nextId += 1;
  return leastBusy(threadModule).run(nextId, request);
}
