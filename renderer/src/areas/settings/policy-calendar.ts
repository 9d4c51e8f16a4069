import type { TFunction } from 'i18next';
import type { SlaPolicy, Shop, ShopCalendar, WorkPeriod } from '../../../../shared/contract';
import { weekdayKey } from './i18n/keys';

/** Which clock a policy's targets run on, shop by shop (how `sla/timers.ts` picks the calendar for a case). */
export type PolicyClock =
  | { kind: 'wallClock' }
  | { kind: 'noShops' }
  | { kind: 'shops'; shops: { name: string; calendar: ShopCalendar['calendar'] | null }[] };

type Scoped = Pick<SlaPolicy, 'category' | 'shopId' | 'platform' | 'businessHours' | 'current'>;

/**
 * The shops a policy decides for: its shop, or the shops of its platform, or every shop — less
 * those a more specific current policy of the same category takes (shop override, then platform),
 * as `findScopedVersionId` resolves a case's policy.
 */
export function shopsOfPolicy(policy: Scoped, policies: readonly Scoped[], shops: readonly Shop[]): Shop[] {
  const live = policies.filter((other) => other.current && other.category === policy.category);
  const specificity = (p: Scoped) => (p.shopId !== null ? 2 : p.platform !== null ? 1 : 0);
  return shops.filter((shop) => {
    const applies = (p: Scoped) => (p.shopId === null || p.shopId === shop.id) && (p.platform === null || p.platform === shop.platform);
    if (!applies(policy)) return false;
    return !live.some((other) => other !== policy && applies(other) && specificity(other) > specificity(policy));
  });
}

/** The clock of a policy: wall-clock unless it counts business hours, then each shop's calendar (none set: 24/7). */
export function policyClock(policy: Scoped, policies: readonly Scoped[], shops: readonly Shop[], calendars: readonly ShopCalendar[]): PolicyClock {
  if (!policy.businessHours) return { kind: 'wallClock' };
  const scoped = shopsOfPolicy(policy, policies, shops);
  if (scoped.length === 0) return { kind: 'noShops' };
  const byShop = new Map(calendars.map((entry) => [entry.shopId, entry]));
  return {
    kind: 'shops',
    shops: scoped.map((shop) => {
      const entry = byShop.get(shop.id);
      return { name: shop.name, calendar: entry?.configured ? entry.calendar : null };
    }),
  };
}

const periodsText = (periods: readonly WorkPeriod[]) => periods.map((period) => `${period.start}-${period.end}`).join(', ');

/** "周一至周五 09:00-18:00；周六 10:00-16:00": runs of days with the same hours; rest days left out. */
export function weekSummary(week: readonly (readonly WorkPeriod[])[], t: TFunction<'settings'>): string {
  const parts: string[] = [];
  let start = 0;
  while (start < 7) {
    const text = periodsText(week[start] ?? []);
    let end = start;
    while (end + 1 < 7 && periodsText(week[end + 1] ?? []) === text) end += 1;
    if (text !== '') {
      const first = t(weekdayKey[start as 0]);
      const days = end === start ? first : t('policies.clock.dayRange', { from: first, to: t(weekdayKey[end as 0]) });
      parts.push(`${days} ${text}`);
    }
    start = end + 1;
  }
  return parts.length === 0 ? t('policies.clock.noPeriods') : parts.join(t('policies.clock.separator'));
}

/** One line per shop (at most `max`, then "and N more") saying which hours a policy counts. */
export function policyClockLines(clock: PolicyClock, t: TFunction<'settings'>, max = 3): string[] {
  if (clock.kind === 'wallClock') return [t('policies.clock.wallClock')];
  if (clock.kind === 'noShops') return [t('policies.clock.noShops')];
  if (clock.shops.every((shop) => shop.calendar === null)) return [t('policies.clock.noneSet', { count: clock.shops.length })];
  const lines = clock.shops
    .slice(0, max)
    .map((shop) => (shop.calendar ? t('policies.clock.shopHours', { shop: shop.name, hours: weekSummary(shop.calendar.week, t) }) : t('policies.clock.shopNotSet', { shop: shop.name })));
  if (clock.shops.length > max) lines.push(t('policies.clock.more', { count: clock.shops.length - max }));
  return lines;
}
