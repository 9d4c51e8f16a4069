import { describe, expect, it } from 'vitest';
import { addWorkingMs, localToUtc, weekdayCalendar, workingMsBetween, zoneOffsetMs } from './calendar';
import { deadline, elapsedMs, plannedPoints, remainingMs } from './timer';

const tz = 'Asia/Shanghai';
/** An instant from a Shanghai wall time. */
const sh = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const nineToSix = weekdayCalendar(tz, [{ start: '09:00', end: '18:00' }]);
const withLunch = weekdayCalendar(tz, [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
]);
const hour = 3_600_000;

describe('working-hours calendar (Asia/Shanghai, no DST)', () => {
  it('has a fixed +8 h offset all year', () => {
    expect(zoneOffsetMs(tz, sh(2026, 1, 15, 12))).toBe(8 * hour);
    expect(zoneOffsetMs(tz, sh(2026, 7, 15, 12))).toBe(8 * hour);
    expect(localToUtc(tz, Date.UTC(2026, 6, 15, 12))).toBe(sh(2026, 7, 15, 12));
  });

  it('a case opened Friday 17:30 with a 2 h target in a 9–18 calendar is due Monday 10:30', () => {
    // 2026-11-27 is a Friday.
    expect(new Date(sh(2026, 11, 27, 12)).getUTCDay()).toBe(5);
    expect(addWorkingMs(nineToSix, sh(2026, 11, 27, 17, 30), 2 * hour)).toBe(sh(2026, 11, 30, 10, 30));
    expect(deadline({ startedAt: sh(2026, 11, 27, 17, 30), targetMs: 2 * hour, calendar: nineToSix, pauses: [] })).toBe(sh(2026, 11, 30, 10, 30));
  });

  it('a lunch break pauses the clock', () => {
    // Opened 11:00 with 2 h: 11–12 counts, 12–13 is lunch, 13–14 counts → 14:00.
    expect(addWorkingMs(withLunch, sh(2026, 11, 25, 11), 2 * hour)).toBe(sh(2026, 11, 25, 14));
    expect(workingMsBetween(withLunch, sh(2026, 11, 25, 11), sh(2026, 11, 25, 14))).toBe(2 * hour);
    const spec = { startedAt: sh(2026, 11, 25, 11), targetMs: 2 * hour, calendar: withLunch, pauses: [] };
    expect(remainingMs(spec, sh(2026, 11, 25, 12, 30))).toBe(hour);
  });

  it('skips holidays and works extra workdays (调休)', () => {
    const calendar = { ...nineToSix, holidays: ['2026-11-30'], extraWorkdays: ['2026-11-29'] };
    // Friday 17:30 + 2 h: 30 min Friday, Saturday off, Sunday 29th worked (extra) → Sunday 10:30.
    expect(addWorkingMs(calendar, sh(2026, 11, 27, 17, 30), 2 * hour)).toBe(sh(2026, 11, 29, 10, 30));
    const noExtra = { ...nineToSix, holidays: ['2026-11-30'] };
    expect(addWorkingMs(noExtra, sh(2026, 11, 27, 17, 30), 2 * hour)).toBe(sh(2026, 12, 1, 10, 30));
  });

  it('runs 24/7 without a calendar', () => {
    expect(addWorkingMs(null, 1000, hour)).toBe(1000 + hour);
  });
});

describe('timers with pauses', () => {
  it('pauses move the deadline and freeze the remaining time', () => {
    const start = sh(2026, 11, 25, 10);
    const paused = { startedAt: start, targetMs: 2 * hour, calendar: null, pauses: [{ from: start + hour, to: null }] };
    expect(deadline(paused)).toBeNull();
    expect(remainingMs(paused, start + 5 * hour)).toBe(hour);
    const resumed = { ...paused, pauses: [{ from: start + hour, to: start + 3 * hour }] };
    expect(deadline(resumed)).toBe(start + 4 * hour);
    expect(elapsedMs(resumed, start + 4 * hour)).toBe(2 * hour);
  });

  it('plans warnings at 50 % and 80 % and the breach', () => {
    const start = 0;
    const points = plannedPoints({ startedAt: start, targetMs: 100 * 60_000, calendar: null, pauses: [] }, [50, 80]);
    expect(points.map((p) => [p.key, p.at])).toEqual([
      ['warn50', 50 * 60_000],
      ['warn80', 80 * 60_000],
      ['breach', 100 * 60_000],
    ]);
  });
});
