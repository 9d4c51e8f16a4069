/** Wall-clock time in UTC epoch ms. Injected everywhere so tests and the e2e clock route control it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that follows real time plus an adjustable offset, or stays frozen at a set instant. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(private readonly base: Clock = systemClock) {}

  now(): number {
    return this.frozenAt ?? this.base.now() + this.offsetMs;
  }

  /** Jump to an instant; `freeze` keeps it there until the next call. */
  set(at: number, options: { freeze?: boolean } = {}): void {
    if (options.freeze) {
      this.frozenAt = at;
    } else {
      this.frozenAt = null;
      this.offsetMs = at - this.base.now();
    }
  }

  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }
}
