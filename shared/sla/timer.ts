import { addWorkingMs, workingMsBetween, type WorkCalendar } from './calendar';

/** A stretch when the clock was stopped; `to` null while it still is. */
export interface PauseInterval {
  from: number;
  to: number | null;
}

/** What a target's arithmetic needs: when it started, how much (working) time it allows. */
export interface TimerSpec {
  startedAt: number;
  targetMs: number;
  /** Null: count wall-clock time (24/7). */
  calendar: WorkCalendar | null;
  pauses: readonly PauseInterval[];
}

function sortedPauses(pauses: readonly PauseInterval[]): PauseInterval[] {
  return [...pauses].sort((a, b) => a.from - b.from);
}

/** Counted time in [startedAt, at): working time minus the paused parts. */
export function elapsedMs(spec: TimerSpec, at: number): number {
  if (at <= spec.startedAt) return 0;
  let total = workingMsBetween(spec.calendar, spec.startedAt, at);
  for (const pause of spec.pauses) {
    const from = Math.max(pause.from, spec.startedAt);
    const to = Math.min(pause.to ?? at, at);
    if (to > from) total -= workingMsBetween(spec.calendar, from, to);
  }
  return Math.max(0, total);
}

/**
 * The instant when `amountMs` of counted time has passed since the start, skipping non-working
 * time and pauses. Null when an open pause comes first (the clock is stopped).
 */
export function instantAfter(spec: TimerSpec, amountMs: number): number | null {
  let cursor = spec.startedAt;
  let remaining = Math.max(0, amountMs);
  for (const pause of sortedPauses(spec.pauses)) {
    if (pause.to !== null && pause.to <= cursor) continue;
    const pauseFrom = Math.max(pause.from, cursor);
    const available = workingMsBetween(spec.calendar, cursor, pauseFrom);
    if (remaining <= available) {
      return addWorkingMs(spec.calendar, cursor, remaining);
    }
    remaining -= available;
    if (pause.to === null) return null;
    cursor = Math.max(cursor, pause.to);
  }
  return addWorkingMs(spec.calendar, cursor, remaining);
}

/** The deadline (null while paused). */
export function deadline(spec: TimerSpec): number | null {
  return instantAfter(spec, spec.targetMs);
}

/** Counted time left at `now` (negative when overdue); frozen while paused. */
export function remainingMs(spec: TimerSpec, now: number): number {
  return spec.targetMs - elapsedMs(spec, now);
}

export interface PlannedPoint {
  /** 'warn50', 'warn80', 'breach': the key that fires exactly once. */
  key: string;
  point: 'warning' | 'breach';
  percent: number | null;
  /** Null while paused. */
  at: number | null;
}

/** Warning points and the breach of a target, in time order. */
export function plannedPoints(spec: TimerSpec, warnAtPercents: readonly number[]): PlannedPoint[] {
  const points: PlannedPoint[] = warnAtPercents.map((percent) => ({
    key: `warn${percent}`,
    point: 'warning' as const,
    percent,
    at: instantAfter(spec, Math.round((spec.targetMs * percent) / 100)),
  }));
  points.push({ key: 'breach', point: 'breach', percent: null, at: deadline(spec) });
  return points;
}

/** The earliest point not yet fired (by key), or null. */
export function nextFireAt(points: readonly PlannedPoint[], fired: ReadonlySet<string>): number | null {
  let next: number | null = null;
  for (const point of points) {
    if (point.at === null || fired.has(point.key)) continue;
    if (next === null || point.at < next) next = point.at;
  }
  return next;
}

export type TargetState = 'running' | 'paused' | 'warning' | 'breached' | 'met';

/** A target's state at `now` from its points (not from what fired: a view is never late). */
export function targetState(options: { metAt: number | null; paused: boolean; points: readonly PlannedPoint[]; now: number; dueAt: number | null; remainingMs: number }): TargetState {
  if (options.metAt !== null) return 'met';
  if (options.remainingMs <= 0 && (options.dueAt === null || options.dueAt <= options.now)) return 'breached';
  if (options.paused) return 'paused';
  if (options.points.some((point) => point.point === 'warning' && point.at !== null && point.at <= options.now)) return 'warning';
  return 'running';
}
