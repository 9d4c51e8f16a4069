/** How far a deadline is from now, in the two largest units a glance needs. */
export interface DueSpan {
  overdue: boolean;
  /** 'days' → days + hours, 'hours' → hours + minutes, 'minutes' → minutes only. */
  unit: 'days' | 'hours' | 'minutes';
  days: number;
  hours: number;
  minutes: number;
  /** overdue: past the deadline; soon: within two hours; later: anything else. */
  tone: 'overdue' | 'soon' | 'later';
}

const minute = 60_000;
const soonMs = 2 * 60 * minute;

export function dueSpan(dueAt: number, now: number): DueSpan {
  const left = dueAt - now;
  const overdue = left < 0;
  // Whole minutes, rounded towards the deadline's side so "0 min" never shows while time remains.
  const total = Math.max(overdue ? 1 : 0, Math.floor(Math.abs(left) / minute));
  const days = Math.floor(total / (24 * 60));
  const hours = Math.floor((total % (24 * 60)) / 60);
  const minutes = total % 60;
  const unit = days > 0 ? 'days' : hours > 0 ? 'hours' : 'minutes';
  return { overdue, unit, days, hours, minutes, tone: overdue ? 'overdue' : left <= soonMs ? 'soon' : 'later' };
}
