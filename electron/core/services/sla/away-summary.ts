import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { lastSlaEventId, listLateEventsAfter } from '../../../../db/queries/sla-views';
import { inTransaction } from '../../../../db/transaction';
import type { AuthService } from '../auth/auth-service';
import type { ServiceDeps } from '../service-deps';

/** When the away summary was last acknowledged, and the last SLA event it had then covered. */
const ackAtKey = 'sla.awayAck';
const ackEventKey = 'sla.awayAckEvent';

/** Items the away summary lists (its counts cover all). */
const listedItems = 200;

/**
 * What fired late while nobody was watching (the app was closed or the machine slept), since the
 * person last acknowledged the summary.
 */
export class AwaySummary {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
  ) {}

  private ackAt(): number | null {
    const stored = readSettingSync(this.deps.sqlite, ackAtKey);
    return stored === undefined ? null : (stored as number);
  }

  private ackEventId(): number {
    const stored = readSettingSync(this.deps.sqlite, ackEventKey);
    return stored === undefined ? 0 : (stored as number);
  }

  summary() {
    const since = this.ackAt();
    const until = this.deps.clock.now();
    const rows = listLateEventsAfter(this.deps.sqlite, since === null ? 0 : this.ackEventId());
    const items = rows.map((row) => ({ ...row, point: row.point === 'breach' ? ('breach' as const) : ('warning' as const), late: row.late === 1 }));
    return {
      since,
      until,
      counts: { warnings: items.filter((item) => item.point === 'warning').length, breaches: items.filter((item) => item.point === 'breach').length, late: items.length },
      items: items.slice(0, listedItems),
    };
  }

  ack(actor: string) {
    const sqlite = this.deps.sqlite;
    const now = this.deps.clock.now();
    const lastId = lastSlaEventId(sqlite);
    inTransaction(sqlite, () => {
      writeSettingSync(sqlite, ackAtKey, now, now);
      writeSettingSync(sqlite, ackEventKey, lastId, now);
    });
    this.auth.audit(actor, 'sla.ackAway', 'settings', ackAtKey, null, null);
    return { acknowledgedAt: now };
  }
}
