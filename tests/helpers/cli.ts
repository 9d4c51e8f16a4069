import { runCli } from '../../electron/core/cli/main';

/** Runs one CLI invocation in-process and collects what it printed, as a person would see it. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (text) => out.push(text), (text) => err.push(text));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
