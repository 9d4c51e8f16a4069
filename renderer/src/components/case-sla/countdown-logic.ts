import { urgencyRank } from '../../../../shared/domain/case-order';
import type { CaseCategory, Severity } from '../../../../shared/domain/reviews';
import type { SlaTargetState } from '../../../../shared/domain/sla';

/** What a countdown needs: the server's view of one target at the time it answered. */
export interface CountdownInput {
  state: SlaTargetState;
  /** Absolute deadline; null while paused. */
  dueAt: number | null;
  /** Remaining ms when the server answered (frozen while paused). */
  remainingMs: number;
  /** Warning instants still ahead, if known (the SLA panel knows them; the queue does not). */
  warnAt?: readonly (number | null)[];
}

/**
 * The state at `now` on the server's clock: a deadline that has passed is breached even before the
 * backend's scheduler says so, and a known warning point that has passed turns running into warning.
 */
export function liveState(target: CountdownInput, now: number): SlaTargetState {
  if (target.state === 'met' || target.state === 'paused' || target.dueAt === null) return target.state;
  if (now >= target.dueAt) return 'breached';
  if (target.state === 'running' && target.warnAt?.some((at) => at !== null && now >= at)) return 'warning';
  return target.state;
}

/** Milliseconds left at `now` (negative when overdue); the frozen remainder while paused. */
export function liveRemaining(target: CountdownInput, now: number): number {
  if (target.dueAt === null) return target.remainingMs;
  return target.dueAt - now;
}

/** `1:05:09`, `26:00:00`, `-0:03:12`: hours, minutes and seconds, signed when overdue. */
export function formatRemaining(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${negative ? '-' : ''}${hours}:${pad(minutes)}:${pad(seconds)}`;
}

/** Colour of each state: running calm, warning orange, breached red. */
export const stateColors: Record<SlaTargetState, string> = {
  running: 'blue',
  warning: 'orange',
  breached: 'red',
  paused: 'gray',
  met: 'teal',
};

const stateRank: Record<SlaTargetState, number> = { breached: 0, warning: 1, running: 2, paused: 3, met: 4 };

/** Anything with an optional most-urgent target, as queue rows are. */
export interface Urgent {
  next: CountdownInput | null;
  openedAt: number;
  /** With both: equal times left put malicious, then more severe cases first (`urgencyRank`). */
  category?: CaseCategory;
  severity?: Severity;
}

/**
 * Most urgent first: breached (longest overdue first), then warning and running by time left,
 * then paused, then cases whose targets are all met; equal times malicious first, then by
 * severity, then by age.
 */
export function sortByUrgency<T extends Urgent>(items: readonly T[], now: number): T[] {
  const rank = (item: T) => (item.next ? stateRank[liveState(item.next, now)] : 5);
  const left = (item: T) => (item.next ? liveRemaining(item.next, now) : Number.POSITIVE_INFINITY);
  const urgency = (item: T) => (item.category && item.severity ? urgencyRank(item.category, item.severity) : 8);
  return [...items].sort((a, b) => rank(a) - rank(b) || left(a) - left(b) || urgency(a) - urgency(b) || a.openedAt - b.openedAt);
}
