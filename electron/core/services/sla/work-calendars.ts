import type { WorkCalendar } from '../../../../shared/sla/calendar';
import type { Sqlite } from '../../../../db/connection';
import { findCalendar } from '../../../../db/queries/sla-policies';

/** Each shop's work calendar as the timers count business hours with it, kept in memory until it is saved again. */
export class WorkCalendars {
  private readonly cache = new Map<number, WorkCalendar | null>();

  constructor(private readonly sqlite: Sqlite) {}

  /** Null: the shop has no calendar (business-hours targets count wall-clock time). */
  of(shopId: number): WorkCalendar | null {
    if (!this.cache.has(shopId)) {
      const row = findCalendar(this.sqlite, shopId);
      this.cache.set(shopId, row ? (JSON.parse(row.json) as WorkCalendar) : null);
    }
    return this.cache.get(shopId) ?? null;
  }

  forget(shopId: number): void {
    this.cache.delete(shopId);
  }
}
