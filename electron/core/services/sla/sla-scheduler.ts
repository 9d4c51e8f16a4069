import type { Clock } from '../../clock';
import type { SlaService } from './sla-service';

/** Timer functions, injectable so tests drive the scheduler with a fake clock. */
export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Monotonic ms, to notice wall-clock jumps. */
  monotonic(): number;
}

export const realSchedulerTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  monotonic: () => performance.now(),
};

/** Longest sleep: a wall-clock jump (sleep, manual change) is noticed within this. */
export const maxSleepMs = 60_000;

/**
 * Sleeps until the next SLA instant (one timer, `min(next_fire_at)` through an index), then fires
 * everything due. After sleep, restart or a clock jump it catches up: the tick fires every point
 * whose instant has passed, exactly once (sla_events UNIQUE), marking late ones.
 */
export class SlaScheduler {
  private handle: unknown = null;
  private running = false;
  private armedAt = { wall: 0, mono: 0 };
  /** Wall-clock jumps noticed (wall time moved unlike monotonic time). */
  jumps = 0;

  constructor(
    private readonly sla: SlaService,
    private readonly clock: Clock,
    private readonly timers: SchedulerTimers = realSchedulerTimers,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  start(): void {
    this.running = true;
    this.sla.onChange = () => this.poke();
    this.poke();
  }

  /** Re-evaluate now (the test clock route, a policy edit, a transition). */
  poke(): void {
    if (!this.running) return;
    this.run();
  }

  /** Re-reads the next wake-up without ticking (cases another process opened); takes no write lock. */
  rearm(): void {
    if (!this.running) return;
    this.arm();
  }

  private run(): void {
    try {
      this.sla.tick();
    } catch (error) {
      this.log(`[sla] tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.arm();
  }

  private arm(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    if (!this.running) return;
    const now = this.clock.now();
    // This runs inside the timer callback: a throw here would be an uncaughtException that ends
    // the core process, so on failure sleep the longest and try again.
    let wait = maxSleepMs;
    try {
      const next = this.sla.nextWakeAt();
      if (next !== null) wait = Math.min(maxSleepMs, Math.max(0, next - now));
    } catch (error) {
      this.log(`[sla] next wake-up failed, retrying in ${maxSleepMs} ms: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.armedAt = { wall: now, mono: this.timers.monotonic() };
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      const wallMoved = this.clock.now() - this.armedAt.wall;
      const monoMoved = this.timers.monotonic() - this.armedAt.mono;
      if (Math.abs(wallMoved - monoMoved) > 2_000) this.jumps++;
      this.run();
    }, wait);
  }

  stop(): void {
    this.running = false;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
