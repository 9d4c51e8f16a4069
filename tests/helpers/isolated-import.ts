import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ApiErrorBody } from '../../shared/contract/errors';
import type { PlatformId } from '../../shared/domain/platforms';

/**
 * Runs files through the real import (preview, then start and wait) in a child process, so a
 * test can measure what one hostile file costs — time to the answer, the child's peak RSS — and
 * see a crash or a hang as such instead of taking the test runner down with it.
 */
const childScript = fileURLToPath(new URL('./isolated-import-child.ts', import.meta.url));

export interface ImportAnswer {
  preview: { ok: boolean; error?: ApiErrorBody };
  start: { ok: boolean; error?: ApiErrorBody };
  /** The run's end when the start was accepted. */
  run: {
    status: string;
    message: string | null;
    counts: { read: number; inserted: number; duplicates: number; rejected: number };
    notice: string | null;
    /** The distinct codes of the rejected rows. */
    rejectCodes: string[];
  } | null;
  /** Time in the child from the request to the answer. */
  ms: number;
  /** The child's peak resident memory so far (VmHWM on Linux, else process.resourceUsage().maxRSS). */
  maxRssMb: number;
  reviews: number;
}

/** Why there was no answer: the child died or ran past the time given. */
export interface NoAnswer {
  failed: 'timeout' | 'exit';
  ms: number;
  detail: string;
}

export interface IsolatedImporter {
  /** Memory and review count right after start-up, before any file. */
  ready: { maxRssMb: number; reviews: number };
  importFile(path: string, options?: { platform?: PlatformId; timeoutMs?: number }): Promise<ImportAnswer | NoAnswer>;
  ping(timeoutMs?: number): Promise<{ ok: true; reviews: number; maxRssMb: number } | NoAnswer>;
  close(): Promise<void>;
}

/** A running child's peak RSS (VmHWM), read from outside: a hung child cannot answer for itself. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? Math.round(Number(hwm[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function isNoAnswer(answer: object): answer is NoAnswer {
  return 'failed' in answer;
}

export async function startIsolatedImporter(dataDir: string, options: { maxOldSpaceMb?: number } = {}): Promise<IsolatedImporter> {
  const args = ['--import', 'tsx', ...(options.maxOldSpaceMb ? [`--max-old-space-size=${options.maxOldSpaceMb}`] : []), childScript, dataDir];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited: string | null = null;
  const exitWaiters: (() => void)[] = [];
  child.once('exit', (code, signal) => {
    exited = `exit code ${code}, signal ${signal}`;
    for (const waiter of exitWaiters.splice(0)) waiter();
  });
  const lines: string[] = [];
  const lineWaiters: (() => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    lines.push(line);
    for (const waiter of lineWaiters.splice(0)) waiter();
  });

  const nextLine = (timeoutMs: number): Promise<{ line: string } | NoAnswer> => {
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (value: { line: string } | NoAnswer) => {
        settled = true;
        clearTimeout(timer);
        resolve(value);
      };
      const check = () => {
        // A waiter left from an earlier wake-up must not take a line meant for the next request.
        if (settled) return;
        const line = lines.shift();
        if (line !== undefined) return finish({ line });
        if (exited !== null) return finish({ failed: 'exit', ms: performance.now() - started, detail: `${exited}\n${stderr}` });
        lineWaiters.push(check);
        exitWaiters.push(check);
      };
      const timer = setTimeout(() => {
        settled = true;
        const peak = peakRssMb(child.pid);
        child.kill('SIGKILL');
        resolve({ failed: 'timeout', ms: performance.now() - started, detail: `${peak === null ? '' : `peak RSS ${peak} MB when stopped\n`}${stderr}` });
      }, timeoutMs);
      check();
    });
  };

  const first = await nextLine(60_000);
  if ('failed' in first) throw new Error(`The import child did not start: ${first.failed} ${first.detail}`);
  const ready = JSON.parse(first.line) as { maxRssMb: number; reviews: number };
  let nextId = 1;
  const request = async <T>(body: object, timeoutMs: number): Promise<T | NoAnswer> => {
    const id = nextId++;
    const started = performance.now();
    if (exited !== null) return { failed: 'exit', ms: 0, detail: `${exited}\n${stderr}` };
    child.stdin!.write(`${JSON.stringify({ id, ...body })}\n`);
    const answer = await nextLine(timeoutMs);
    if ('failed' in answer) return { ...answer, ms: performance.now() - started };
    return JSON.parse(answer.line) as T;
  };

  return {
    ready,
    importFile: (path, { platform, timeoutMs = 30_000 } = {}) => request<ImportAnswer>({ op: 'import', path, platform }, timeoutMs),
    ping: (timeoutMs = 10_000) => request<{ ok: true; reviews: number; maxRssMb: number }>({ op: 'ping' }, timeoutMs),
    close: async () => {
      if (exited !== null) return;
      const gone = new Promise<void>((resolve) => exitWaiters.push(resolve));
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
