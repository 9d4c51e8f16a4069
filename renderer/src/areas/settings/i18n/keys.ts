import type { ParseKeys } from 'i18next';

type SettingsKey = ParseKeys<'settings'>;

/** Monday first, as the working-hours form lists the days. */
export const weekdayKey: Record<0 | 1 | 2 | 3 | 4 | 5 | 6, SettingsKey> = {
  0: 'calendar.weekdays.mon',
  1: 'calendar.weekdays.tue',
  2: 'calendar.weekdays.wed',
  3: 'calendar.weekdays.thu',
  4: 'calendar.weekdays.fri',
  5: 'calendar.weekdays.sat',
  6: 'calendar.weekdays.sun',
};
