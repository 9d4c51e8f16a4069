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
