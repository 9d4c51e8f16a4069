import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { caseSeed, replayHint, Rng } from './fuzz-rng';
import { residentBytes, stackPattern } from './fuzz-checks';
import { fileCase } from './file-cases';
import type { ChildCase, ChildMessage } from './import-fuzz-child';

/**
 * Drives tests/fuzz/import-fuzz-child.ts: builds each case's file here (so the child's memory is
 * the core's alone), sends it, and watches the child: a per-case deadline, its resident memory
 * polled from /proc and reported by the child, and its exit. A child that is killed or dies is
 * replaced by a fresh one on a new data directory, and the run goes on.
 */
export interface CaseResult {
  seed: number;
  label: string;
  bytes: number;
  outcome: string;
  problems: string[];
  ms: number;
  rssOverBaselineMb: number;
}

export interface RunnerOptions {
  root: string;
  seed: number;
  iterations: number;
  caseMs: number;
  memoryBoundBytes: number;
  /** Only cases whose label matches (FUZZ_ONLY=csv: explore one family without the others' cost). */
  only?: RegExp;
}

const childPath = fileURLToPath(new URL('./import-fuzz-child.ts', import.meta.url));
/** tsx's loader by absolute URL: the child runs in an empty folder, where the package cannot be found by name. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

type Exit = { type: 'exit'; code: number | null; signal: string | null };
type Ending = Extract<ChildMessage, { type: 'end' }> | Exit;

interface LiveChild {
  process: ChildProcess;
  /** Resident memory at the start of the current case (at spawn until the first case begins). */
  baseline: number;
  stderr: string;
  next: () => Promise<ChildMessage | Exit>;
}

async function spawnChild(root: string, generation: number): Promise<LiveChild> {
  const dataDir = join(root, `data-${generation}`);
  const child = spawn(process.execPath, ['--import', tsxLoader, '--expose-gc', '--max-old-space-size=2048', childPath, dataDir], {
    cwd: join(root, 'cwd'),
    env: { ...process.env, TMPDIR: join(root, 'tmp'), TMP: join(root, 'tmp'), TEMP: join(root, 'tmp') },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const queue: (ChildMessage | Exit)[] = [];
  let wake: (() => void) | null = null;
  const push = (message: (typeof queue)[number]) => {
    queue.push(message);
    wake?.();
  };
  const live: LiveChild = {
    process: child,
    baseline: 0,
    stderr: '',
    next: async () => {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return queue.shift()!;
    },
  };
  child.stderr!.on('data', (chunk: Buffer) => {
    live.stderr = (live.stderr + chunk.toString('utf8')).slice(-20_000);
  });
  child.on('message', (message: ChildMessage) => push(message));
  child.on('exit', (code, signal) => push({ type: 'exit', code, signal }));
  const first = await live.next();
  if (first.type !== 'ready') throw new Error(`The fuzz child did not start (${JSON.stringify(first)}): ${live.stderr.slice(-2000)}`);
  live.baseline = residentBytes(child.pid!) ?? first.rssBytes;
  return live;
}

/** Waits for the case's end, or kills the child at the deadline or past the memory bound. */
async function awaitCase(live: LiveChild, options: RunnerOptions): Promise<{ message: Ending; killedFor: string | null; peak: number }> {
  let killedFor: string | null = null;
  let peak = 0;
  const deadline = setTimeout(() => {
    killedFor = `no answer within ${options.caseMs} ms (hang)`;
    live.process.kill('SIGKILL');
  }, options.caseMs);
  const poll = setInterval(() => {
    const rss = residentBytes(live.process.pid!);
    if (rss === null) return;
    peak = Math.max(peak, rss);
    if (rss - live.baseline > options.memoryBoundBytes && killedFor === null) {
      killedFor = `resident memory reached ${mb(rss)} MB, ${mb(rss - live.baseline)} MB over the ${mb(live.baseline)} MB baseline (bound ${mb(options.memoryBoundBytes)} MB)`;
      live.process.kill('SIGKILL');
    }
  }, 20);
  try {
    for (;;) {
      const message = await live.next();
      // The case's baseline: the child's memory as it starts it, after a GC.
      if (message.type === 'begin') {
        live.baseline = message.rssBytes;
        peak = 0;
      }
      if (message.type === 'end' || message.type === 'exit') return { message, killedFor, peak };
    }
  } finally {
    clearTimeout(deadline);
    clearInterval(poll);
  }
}

export async function runImportFuzz(options: RunnerOptions): Promise<{ results: CaseResult[]; inputs: Map<string, string> }> {
  for (const dir of ['inputs', 'tmp', 'cwd']) mkdirSync(join(options.root, dir), { recursive: true });
  const results: CaseResult[] = [];
  const inputs = new Map<string, string>();
  let generation = 0;
  let live: LiveChild | null = null;
  try {
    for (let index = 0; index < options.iterations; index++) {
      const seed = caseSeed(options.seed, index);
      const made = fileCase(new Rng(seed));
      if (options.only && !options.only.test(made.label)) continue;
      const path = join(options.root, 'inputs', made.fileName);
      writeFileSync(path, made.bytes);
      inputs.set(path, createHash('sha256').update(made.bytes).digest('hex'));
      live ??= await spawnChild(options.root, generation++);
      const job: ChildCase = { seed, label: made.label, path, platform: made.platform, valid: made.valid };
      const stderrBefore = live.stderr.length;
      live.process.send(job);
      const { message, killedFor, peak } = await awaitCase(live, options);
      const problems: string[] = [];
      let outcome = 'no answer';
      let ms = options.caseMs;
      let maxRss = peak;
      if (message.type === 'end') {
        problems.push(...message.problems);
        outcome = message.outcome;
        ms = message.ms;
        maxRss = Math.max(maxRss, message.peakRssBytes);
      } else {
        problems.push(killedFor ?? `the backend process died (exit ${message.code}, signal ${message.signal}): ${live.stderr.slice(stderrBefore).slice(-600)}`);
      }
      const logged = live.stderr.slice(stderrBefore);
      if (stackPattern.test(logged)) problems.push(`a stack trace was logged: ${logged.slice(0, 400)}`);
      if (message.type === 'end' && maxRss - live.baseline > options.memoryBoundBytes) {
        problems.push(`peak resident memory ${mb(maxRss)} MB, ${mb(maxRss - live.baseline)} MB over the baseline (bound ${mb(options.memoryBoundBytes)} MB)`);
      }
      results.push({ seed, label: made.label, bytes: made.bytes.length, outcome, problems, ms, rssOverBaselineMb: mb(Math.max(0, maxRss - live.baseline)) });
      // A child that was killed, died or went over the bound is replaced.
      if (message.type !== 'end' || problems.some((problem) => /memory/.test(problem))) {
        if (message.type === 'end') live.process.kill('SIGKILL');
        live = null;
      }
    }
  } finally {
    if (live) {
      const exited = new Promise((resolve) => live!.process.once('exit', resolve));
      live.process.kill('SIGTERM');
      await exited;
    }
  }
  return { results, inputs };
}

/** Input files must be as the fuzz wrote them: the importer reads, never writes, its source. */
export function changedInputs(inputs: Map<string, string>): string[] {
  return [...inputs].filter(([path, hash]) => createHash('sha256').update(readFileSync(path)).digest('hex') !== hash).map(([path]) => path);
}

export function describeFailure(result: CaseResult): string {
  return `${result.label} seed ${result.seed} (${result.bytes} bytes, ${result.ms} ms, +${result.rssOverBaselineMb} MB) [${replayHint(result.seed)}]\n    ${result.problems.join('\n    ')}\n    outcome: ${result.outcome}`;
}
