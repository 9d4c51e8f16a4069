import type { ParseKeys } from 'i18next';
import { keyFor } from '../../../i18n/translation';

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

const auditActionKeys: Record<string, SettingsKey> = {
  'staff.create': 'activity.actions.staff.create',
  'staff.update': 'activity.actions.staff.update',
  'staff.deactivate': 'activity.actions.staff.deactivate',
  'staff.reactivate': 'activity.actions.staff.reactivate',
  'shops.create': 'activity.actions.shops.create',
  'shops.update': 'activity.actions.shops.update',
  'shops.remove': 'activity.actions.shops.remove',
  'demo.load': 'activity.actions.demo.load',
  'maintenance.backup': 'activity.actions.maintenance.backup',
  'maintenance.verify': 'activity.actions.maintenance.verify',
  'maintenance.restore': 'activity.actions.maintenance.restore',
  'maintenance.updateBackupSettings': 'activity.actions.maintenance.updateBackupSettings',
  'settings.updatePreferences': 'activity.actions.settings.updatePreferences',
};

/** An audit entry's action in words, or undefined for an action this build has no words for. */
export function auditActionKey(action: string): SettingsKey | undefined {
  return keyFor(auditActionKeys, action);
}
