import type { ParseKeys } from 'i18next';

/** The settings pages, in the order the section navigation lists them; each is `/settings/<id>`. */
export const settingsSectionIds = ['shops', 'access', 'sla', 'notifications', 'watch', 'data', 'preferences', 'activity'] as const;

export type SettingsSectionId = (typeof settingsSectionIds)[number];

export const defaultSettingsSection: SettingsSectionId = 'shops';

type SettingsKey = ParseKeys<'settings'>;

/** Each section's name in the navigation, and whether only the owner may change what it holds. */
export const settingsSections: Record<SettingsSectionId, { label: SettingsKey; hint: SettingsKey; ownerOnly: boolean }> = {
  shops: { label: 'sections.shops', hint: 'sections.shopsHint', ownerOnly: false },
  access: { label: 'sections.access', hint: 'sections.accessHint', ownerOnly: true },
  sla: { label: 'sections.sla', hint: 'sections.slaHint', ownerOnly: true },
  notifications: { label: 'sections.notifications', hint: 'sections.notificationsHint', ownerOnly: false },
  watch: { label: 'sections.watch', hint: 'sections.watchHint', ownerOnly: false },
  data: { label: 'sections.data', hint: 'sections.dataHint', ownerOnly: true },
  preferences: { label: 'sections.preferences', hint: 'sections.preferencesHint', ownerOnly: false },
  activity: { label: 'sections.activity', hint: 'sections.activityHint', ownerOnly: false },
};

/** The section a `/settings/...` path names, or null when it names none. */
export function sectionOf(rest: string | undefined): SettingsSectionId | null {
  const first = (rest ?? '').split('/')[0] ?? '';
  return (settingsSectionIds as readonly string[]).includes(first) ? (first as SettingsSectionId) : null;
}
