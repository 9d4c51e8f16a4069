import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';

/*
 * Kill tests: a real child process (the CLI, or a fixture script) does the work, the test waits
 * until the work is observably under way, SIGKILLs it and then starts the core again.
 */

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliMain = fileURLToPath(new URL('../../electron/core/cli/main.ts', import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Everything printed so far, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then wait until it is gone. */
  kill(): Promise<void>;
}

/** Starts a TypeScript entry point in Node (this one: Node 24) through tsx. */
export function spawnTs(script: string, args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    process: child,
    output: () => output,
    exited,
    async kill() {
      child.kill('SIGKILL');
      const end = await exited;
      if (end.signal !== 'SIGKILL') throw new Error(`The child ended on its own (${JSON.stringify(end)}) before it was killed:\n${output}`);
    },
  };
}

/**
 * Polls `probe` until it returns a value (not undefined). Fails when the child ends first (the
 * work finished or broke before the state was seen) or after `timeoutMs`.
 */
export async function waitUntil<T>(child: Child, what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  let ended = false;
  void child.exited.then(() => (ended = true));
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (ended) throw new Error(`The child ended before ${what}:\n${child.output()}`);
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${child.output()}`);
    await delay(5);
  }
}
