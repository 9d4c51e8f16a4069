import { AdjustableClock } from '../../electron/core/clock';
import { startCore, type CoreOptions } from '../../electron/core/core';
import { RecordingPlatform } from '../../electron/core/platform';

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
    ...overrides,
  });
  /** Calls a method and returns its value, failing the test with the envelope's error otherwise. */
  const call = async (method: string, input: unknown = {}) => {
    const envelope = await core.call(method, input);
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as any;
  };
  return { core, clock, platform, logs, call };
}
