/**
 * Working-hours arithmetic in a shop's time zone, with Intl only (no date library): the offset of
 * a zone at an instant comes from Intl.DateTimeFormat, and local wall times are turned back into
 * instants with a two-pass offset lookup, which is exact for fixed-offset zones such as
 * Asia/Shanghai and correct outside the skipped/repeated hour of DST zones.
 */

export interface Period {
  /** "HH:MM". */
  start: string;
  end: string;
}

export interface WorkCalendar {
  timeZone: string;
  /** week[0] Monday … week[6] Sunday. */
  week: readonly (readonly Period[])[];
  holidays: readonly string[];
  extraWorkdays: readonly string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

const offsetCache = new Map<string, number>();

/** Offset of `timeZone` from UTC at `utcMs`, in ms (Asia/Shanghai: +8 h). Cached per zone and hour. */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const key = `${timeZone}|${Math.floor(utcMs / 3_600_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** The instant of a local wall time (ms since the epoch as if the wall time were UTC). */
export function localToUtc(timeZone: string, localMs: number): number {
  const first = localMs - zoneOffsetMs(timeZone, localMs);
  const second = localMs - zoneOffsetMs(timeZone, first);
  return second;
}

/** Local wall time of an instant, as ms since the epoch "in UTC". */
export function utcToLocal(timeZone: string, utcMs: number): number {
  return utcMs + zoneOffsetMs(timeZone, utcMs);
}

function parseClock(value: string): number {
  const [h, m] = value.split(':');
  return (Number(h) * 60 + Number(m)) * MINUTE;
}

function dateKey(localDayStart: number): string {
  return new Date(localDayStart).toISOString().slice(0, 10);
}

/** Working periods of the local day starting at `localDayStart` ([start, end) local ms). */
function periodsOfDay(calendar: WorkCalendar, localDayStart: number): [number, number][] {
  const key = dateKey(localDayStart);
  let periods: readonly Period[];
  if (calendar.holidays.includes(key)) periods = [];
  else if (calendar.extraWorkdays.includes(key)) periods = calendar.week[0] ?? [];
  else {
    const weekday = (new Date(localDayStart).getUTCDay() + 6) % 7; // Monday 0
    periods = calendar.week[weekday] ?? [];
  }
  return periods
    .map((period): [number, number] => [localDayStart + parseClock(period.start), localDayStart + parseClock(period.end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
}

/** True when the calendar has any working time in an ordinary week (or any extra workday). */
export function hasWorkingTime(calendar: WorkCalendar): boolean {
  return calendar.week.some((day) => day.some((period) => parseClock(period.end) > parseClock(period.start)));
}

/** Search horizon: a calendar with no working time for this long is treated as 24/7. */
const horizonDays = 800;

/**
 * The instant when `ms` of working time has passed from `from`. With no calendar (null), plain
 * addition. `ms` = 0 returns `from` itself, even outside working hours.
 */
export function addWorkingMs(calendar: WorkCalendar | null, from: number, ms: number): number {
  if (ms <= 0 || !calendar || !hasWorkingTime(calendar)) return from + Math.max(0, ms);
  let remaining = ms;
  const tz = calendar.timeZone;
  let dayStart = Math.floor(utcToLocal(tz, from) / DAY) * DAY;
  for (let i = 0; i < horizonDays; i++, dayStart += DAY) {
    for (const [localStart, localEnd] of periodsOfDay(calendar, dayStart)) {
      const start = Math.max(localToUtc(tz, localStart), from);
      const end = localToUtc(tz, localEnd);
      if (end <= start) continue;
      const available = end - start;
      if (remaining <= available) return start + remaining;
      remaining -= available;
    }
  }
  return from + ms;
}

/** Working time in [from, to); plain difference with no calendar; 0 when to ≤ from. */
export function workingMsBetween(calendar: WorkCalendar | null, from: number, to: number): number {
  if (to <= from) return 0;
  if (!calendar || !hasWorkingTime(calendar)) return to - from;
  const tz = calendar.timeZone;
  let total = 0;
  const lastDay = Math.floor(utcToLocal(tz, to) / DAY) * DAY;
  for (let dayStart = Math.floor(utcToLocal(tz, from) / DAY) * DAY; dayStart <= lastDay; dayStart += DAY) {
    for (const [localStart, localEnd] of periodsOfDay(calendar, dayStart)) {
      const start = Math.max(localToUtc(tz, localStart), from);
      const end = Math.min(localToUtc(tz, localEnd), to);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** Whether an instant falls inside working time. */
export function isWorkingAt(calendar: WorkCalendar | null, at: number): boolean {
  return workingMsBetween(calendar, at, at + 1) === 1;
}

/** Minutes since local midnight of an instant in a zone (for quiet hours). */
export function localMinuteOfDay(timeZone: string, at: number): number {
  const local = utcToLocal(timeZone, at);
  return Math.floor((((local % DAY) + DAY) % DAY) / MINUTE);
}

/** "HH:MM" → minutes. */
export function clockMinutes(value: string): number {
  return parseClock(value) / MINUTE;
}

/** A weekday calendar: Monday–Friday `start`–`end` with an optional break, weekend off. */
export function weekdayCalendar(timeZone: string, periods: Period[]): WorkCalendar {
  return { timeZone, week: [periods, periods, periods, periods, periods, [], []], holidays: [], extraWorkdays: [] };
}
