import type { ShopCalendar, SlaCalendar } from '../../../../shared/contract';
import { defaultTimeZone } from '../../../../shared/domain/sla';
import { deleteCalendar, findCalendar, listOpenCaseIdsOfShop, saveCalendarJson, shopExists } from '../../../../db/queries/sla-policies';
import { listShops } from '../../../../db/queries/shops';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { AuthService } from '../auth/auth-service';
import type { ServiceDeps } from '../service-deps';
import type { SlaTimers } from './timers';
import type { WorkCalendars } from './work-calendars';

const defaultCalendar = (): SlaCalendar => ({ timeZone: defaultTimeZone, week: [[], [], [], [], [], [], []], holidays: [], extraWorkdays: [] });

/** VALIDATION for an unknown time zone, or working periods that end before they start or overlap. */
function validateCalendar(calendar: SlaCalendar): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: calendar.timeZone });
  } catch {
    throw new AppError('VALIDATION', `Unknown time zone ${calendar.timeZone}.`, { issues: [{ path: 'calendar.timeZone', reason: 'unknown', message: 'Unknown time zone.' }] });
  }
  for (const [index, day] of calendar.week.entries()) {
    const sorted = [...day].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((period, i) => {
      if (period.end <= period.start || (i > 0 && period.start < sorted[i - 1]!.end)) {
        throw new AppError('VALIDATION', 'Working periods must end after they start and must not overlap.', { issues: [{ path: `calendar.week.${index}`, reason: 'overlap', message: 'Bad periods.' }] });
      }
    });
  }
}

/** Shops' work calendars (business hours for the targets that count them); a change recomputes the shop's open cases. */
export class SlaCalendars {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    private readonly workCalendars: WorkCalendars,
    private readonly timers: SlaTimers,
  ) {}

  get(shopId: number): ShopCalendar {
    const sqlite = this.deps.sqlite;
    if (!shopExists(sqlite, shopId)) throw notFound('Shop', shopId);
    const row = findCalendar(sqlite, shopId);
    return row ? { shopId, configured: true, calendar: JSON.parse(row.json) as SlaCalendar, updatedAt: row.updatedAt } : { shopId, configured: false, calendar: defaultCalendar(), updatedAt: null };
  }

  /** Every shop's calendar, in the shops' order. */
  async list(): Promise<ShopCalendar[]> {
    return (await listShops(this.deps.db)).map((shop) => this.get(shop.id));
  }

  /** Saves (or, with null, removes) a shop's calendar. */
  save(shopId: number, calendar: SlaCalendar | null, actor: string): ShopCalendar {
    const sqlite = this.deps.sqlite;
    if (calendar) validateCalendar(calendar);
    const before = this.get(shopId);
    const now = this.deps.clock.now();
    const open = listOpenCaseIdsOfShop(sqlite, shopId);
    inTransaction(sqlite, () => {
      if (calendar) saveCalendarJson(sqlite, shopId, calendar, now);
      else deleteCalendar(sqlite, shopId);
      this.workCalendars.forget(shopId);
      this.auth.audit(actor, 'sla.saveCalendar', 'shop', String(shopId), before.configured ? before.calendar : null, calendar);
      this.timers.recompute(open, now);
    });
    this.timers.changed(open);
    // The working-hours form and the policy cards that name this calendar reload.
    this.deps.events.emit('data.changed', { domain: 'sla' });
    return this.get(shopId);
  }
}
