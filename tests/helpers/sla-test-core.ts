import { afterEach } from 'vitest';
import type { SchedulerTimers } from '../../electron/core/services/sla/sla-scheduler';
import { useTempDirs } from './temp-dir';
import { startTestCore } from './test-core';

/** SLA scheduler timers that never fire: a test moves the clock and ticks when it means to. */
export const stillSlaTimers = (): SchedulerTimers => ({ setTimeout: () => 1, clearTimeout: () => {}, monotonic: () => 0 });

/**
 * For a test file: a function that starts a real core on its own temp folder with still SLA timers,
 * closed after each test (before its folder is removed).
 */
export function useSlaTestCores() {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return async () => {
    const test = await startTestCore(tempDir(), { slaTimers: stillSlaTimers() });
    cleanups.push(() => test.core.close());
    return test;
  };
}
