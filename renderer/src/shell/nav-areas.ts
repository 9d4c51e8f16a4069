import {
  IconAddressBook,
  IconChartBar,
  IconGavel,
  IconInbox,
  IconListCheck,
  IconSettings,
  IconShieldCheck,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';

/** The product areas in navbar order; each id is also its route and its nav-<id> test id. */
export const areaIds = ['inbox', 'cases', 'customers', 'evidence', 'appeals', 'reports', 'team', 'settings'] as const;
export type AreaId = (typeof areaIds)[number];

/** Areas not built yet; they show an empty state explaining what will live there. */
export const upcomingAreaIds = ['customers', 'appeals', 'reports'] as const;
export type UpcomingAreaId = (typeof upcomingAreaIds)[number];

export const areaIcons: Record<AreaId, Icon> = {
  inbox: IconInbox,
  cases: IconListCheck,
  customers: IconAddressBook,
  evidence: IconShieldCheck,
  appeals: IconGavel,
  reports: IconChartBar,
  team: IconUsersGroup,
  settings: IconSettings,
};

/** Each area's name in the navbar and on its page header. */
export const areaLabelKey: Record<AreaId, ParseKeys<'common'>> = {
  inbox: 'nav.inbox',
  cases: 'nav.cases',
  customers: 'nav.customers',
  evidence: 'nav.evidence',
  appeals: 'nav.appeals',
  reports: 'nav.reports',
  team: 'nav.team',
  settings: 'nav.settings',
};

/** What an upcoming area's empty state says. */
export const upcomingAreaKeys: Record<UpcomingAreaId, { emptyTitle: ParseKeys<'common'>; description: ParseKeys<'common'> }> = {
  customers: { emptyTitle: 'upcoming.customers.emptyTitle', description: 'upcoming.customers.description' },
  appeals: { emptyTitle: 'upcoming.appeals.emptyTitle', description: 'upcoming.appeals.description' },
  reports: { emptyTitle: 'upcoming.reports.emptyTitle', description: 'upcoming.reports.description' },
};
