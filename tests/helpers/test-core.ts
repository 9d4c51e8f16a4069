import { AdjustableClock } from '../../electron/core/clock';
import { startCore, type CoreOptions } from '../../electron/core/core';
import { RecordingPlatform } from '../../electron/core/platform';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';

/** The real core on a real SQLite file, with a frozen clock and a recording platform. */
export async function startTestCore(dataDir: string, overrides: Partial<CoreOptions> = {}) {
  const clock = new AdjustableClock();
  clock.set(Date.UTC(2026, 10, 24, 1, 30), { freeze: true });
  const platform = new RecordingPlatform();
  const logs: string[] = [];
  const core = await startCore({
    dataDir,
    platform,
    clock,
    version: '0.0.0-test',
    validateOutput: true,
    log: (line) => logs.push(line),
    // The daily backup would add a backup and an audit entry to every test's data; the tests of
    // the backup schedule pass timers of their own.
    backupTimers: { setTimeout: () => null, clearTimeout: () => {} },
    ...overrides,
  });
  /**
   * Calls a method with input the contract accepts and returns its typed value, failing the test with
   * the envelope's error otherwise. Tests of refused input use `core.call`, which takes anything.
   */
  const call = async <M extends MethodName>(method: M, ...input: Record<never, never> extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]): Promise<MethodOutput<M>> => {
    const envelope = await core.call(method, input[0] ?? {});
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as MethodOutput<M>;
  };
  /**
   * `call` as the local user (what the CLI is): raw paths are accepted. Plain `call` is a caller
   * like the window or a browser, which must name files by token or upload.
   */
  const callTrusted = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const envelope = await core.call(method, input, { trusted: true });
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as MethodOutput<M>;
  };
  return { core, clock, platform, logs, call, callTrusted };
}
