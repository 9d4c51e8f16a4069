/**
 * The fuzz runs' seeded randomness. Every case is generated from its own seed (the run's seed plus
 * the case number), so a failure is replayed alone with `FUZZ_SEED=<case seed> FUZZ_ITERATIONS=1`
 * and a longer local run is `FUZZ_ITERATIONS=2000` (or `FUZZ_SEED=random` for new ground).
 */
export class Rng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** mulberry32: small, fast, and the same sequence on every machine. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = this.int(0, 255);
    return out;
  }

  /** Digits only, for order numbers that stay unique across cases. */
  digits(length: number): string {
    let text = String(this.int(1, 9));
    while (text.length < length) text += String(this.int(0, 9));
    return text;
  }
}

export interface FuzzConfig {
  seed: number;
  iterations: number;
  /** Per-case deadline in milliseconds. */
  caseMs: number;
}

function envNumber(name: string): number | null {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}.`);
  return Math.floor(value);
}

/** A fixed default seed keeps `npm test` repeatable; FUZZ_SEED / FUZZ_ITERATIONS / FUZZ_CASE_MS widen it. */
export function fuzzConfig(defaults: FuzzConfig): FuzzConfig {
  const seed = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : (envNumber('FUZZ_SEED') ?? defaults.seed);
  return { seed, iterations: envNumber('FUZZ_ITERATIONS') ?? defaults.iterations, caseMs: envNumber('FUZZ_CASE_MS') ?? defaults.caseMs };
}

export const caseSeed = (runSeed: number, index: number) => (runSeed + index) >>> 0;

export const replayHint = (seed: number) => `FUZZ_SEED=${seed} FUZZ_ITERATIONS=1`;

/** Text for a report line: control characters visible, long values cut. */
export function shown(value: string, max = 160): string {
  const visible = JSON.stringify(value);
  return visible.length > max ? `${visible.slice(0, max)}…(${value.length} chars)` : visible;
}
