import type { FiredPoint } from '../../../../shared/contract';
import type { StaffRole } from '../../../../shared/domain/roles';
import { lateGraceMs, nextRoleUp } from '../../../../shared/domain/sla';
import type { PlannedPoint } from '../../../../shared/sla/timer';
import { insertCaseEvent } from '../../../../db/queries/cases';
import { findFiredPointContext, insertSlaEvent, listDueTargets, minNextFireAt, setNextFireAt } from '../../../../db/queries/sla-timers';
import { inTransaction } from '../../../../db/transaction';
import type { NotificationsService } from '../notifications/notifications-service';
import type { ServiceDeps } from '../service-deps';
import type { SlaBadge } from './badge';
import { changedIdsPerEvent, type SlaTimers } from './timers';

/** `sla.fired` events sent per tick; more fired points reach the UI as `sla.changed`. */
export const firedEventsPerTick = 200;
/** Timer targets one tick takes at most (40–60 ms at 1M reviews); a bigger catch-up takes several. */
export const tickTargetsMax = 2000;

/** A fired point plus what the notification needs. */
export interface Fired extends FiredPoint {
  key: string;
}

/** Points of one tick with the same kind, target and percent make one line in the centre. */
function groupKey(kind: 'sla_warning' | 'sla_breach', point: Fired): string {
  return `${kind}:${point.target}:${point.percent ?? ''}:${point.firedAt}`;
}

/**
 * What the scheduler runs: when to wake next, and the tick that fires what is due, exactly once
 * (through the UNIQUE key of sla_events), with its notifications written in the same transaction.
 */
export class SlaTick {
  /** The away summary of a catch-up that takes several ticks: later ticks add to its count. */
  private catchUpNote: number | null = null;
  /** Set when a tick added to that count: the notification centre is told after the commit. */
  private catchUpCounted = false;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly timers: SlaTimers,
    private readonly badge: SlaBadge,
    private readonly notifications: NotificationsService,
  ) {}

  /** Earliest pending point, or the end of quiet hours when notifications are held. */
  nextWakeAt(): number | null {
    const at = minNextFireAt(this.deps.sqlite);
    const quietEnd = this.notifications.quietEndsAt(this.deps.clock.now());
    if (at === null) return quietEnd;
    return quietEnd === null ? at : Math.min(at, quietEnd);
  }

  /**
   * Fires everything due at the clock's now: each point through INSERT OR IGNORE into sla_events
   * (exactly once, never before its instant), late when more than the grace after it. The
   * notifications of the fired points are written in the same transaction (an outbox); only
   * their delivery happens after the commit, and whatever a crash or a failing platform left
   * undelivered is delivered by the next tick (the scheduler ticks at start-up).
   */
  tick(): Fired[] {
    const sqlite = this.deps.sqlite;
    const now = this.deps.clock.now();
    this.timers.openAll();
    const fired: Fired[] = [];
    let recorded: number[] = [];
    let full = false;
    inTransaction(sqlite, () => {
      const rows = listDueTargets(sqlite, now, tickTargetsMax);
      full = rows.length === tickTargetsMax;
      for (const row of rows) {
        const points = JSON.parse(row.pointsJson) as PlannedPoint[];
        let next: number | null = null;
        for (const point of points) {
          if (point.at === null) continue;
          if (point.at > now) {
            if (next === null || point.at < next) next = point.at;
            continue;
          }
          const late = now - point.at > lateGraceMs;
          if (insertSlaEvent(sqlite, { caseId: row.caseId, target: row.target, point: point.key, percent: point.percent, dueAt: point.at, firedAt: now, late })) {
            fired.push({ caseId: row.caseId, target: row.target, point: point.point, percent: point.percent, dueAt: point.at, firedAt: now, late, key: point.key });
            insertCaseEvent(sqlite, { caseId: row.caseId, at: now, kind: point.point, target: row.target, percent: point.percent, dueAt: point.at, late, actor: 'system' });
          }
        }
        setNextFireAt(sqlite, row.caseId, row.target, next);
      }
      recorded = fired.length > 0 ? this.recordNotifications(fired) : [];
    });
    // More due than one tick takes (a catch-up after a long sleep): the rest still have
    // next_fire_at <= now, so the scheduler wakes again at once, after other work had its turn.
    if (!full) this.catchUpNote = null;
    if (this.catchUpCounted) this.deps.events.emit('data.changed', { domain: 'notifications' });
    this.catchUpCounted = false;
    // A catch-up after a long sleep can fire hundreds of thousands of points: the UI hears of
    // the first few hundred one by one and of the rest as changed cases (what it reloads anyway).
    for (const point of fired.slice(0, firedEventsPerTick)) {
      this.deps.events.emit('sla.fired', { caseId: point.caseId, target: point.target, point: point.point, percent: point.percent, dueAt: point.dueAt, firedAt: point.firedAt, late: point.late });
    }
    if (fired.length > 0) this.deps.events.emit('sla.changed', { caseIds: [...new Set(fired.map((point) => point.caseId))].slice(0, changedIdsPerEvent) });
    // Delivery only: each step runs even when an earlier one fails; the first failure is rethrown.
    let failure: unknown = null;
    for (const step of [() => this.notifications.deliverPending(recorded), () => this.notifications.releaseHeld(), () => this.badge.update()]) {
      try {
        step();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== null) throw failure;
    return fired;
  }

  /**
   * Records the escalation of a breached case (its history says to which role, and whether the
   * breach was noticed late) and routes it there; inside tick's transaction. Returns the role.
   */
  private escalate(point: Fired, row: { assigneeRole: StaffRole | null; poolRole: StaffRole | null; escalation: string }): StaffRole {
    const escalateTo = nextRoleUp(JSON.parse(row.escalation) as StaffRole[], row.assigneeRole ?? row.poolRole);
    insertCaseEvent(this.deps.sqlite, { caseId: point.caseId, at: point.firedAt, kind: 'escalated', target: point.target, late: point.late, actor: 'system', detail: escalateTo });
    this.timers.router.escalated(point.caseId, escalateTo, point.firedAt);
    return escalateTo;
  }

  /** Writes the notifications (and escalations) of fired points; inside tick's transaction. Returns the notification ids. */
  private recordNotifications(fired: Fired[]): number[] {
    const sqlite = this.deps.sqlite;
    const ids: number[] = [];
    let lateCount = 0;
    // Breaches after warnings: the centre lists lines of one instant newest first, so they lead.
    const ordered = [...fired.filter((point) => point.point !== 'breach'), ...fired.filter((point) => point.point === 'breach')];
    for (const point of ordered) {
      const row = findFiredPointContext(sqlite, point.caseId);
      if (!row) continue;
      // A breach escalates whenever it fires, late ones too (the app was closed past the deadline,
      // or a catch-up fired several points at once): each breach point fires once (sla_events), so
      // each escalates once, and the case ends where it would have had the app been open.
      const escalateTo = point.point === 'breach' ? this.escalate(point, row) : null;
      if (point.late) {
        lateCount++;
        continue;
      }
      const malicious = row.category === 'malicious';
      if (point.point === 'warning') {
        const note = this.notifications.record({
          kind: 'sla_warning',
          params: { caseId: point.caseId, percent: point.percent, category: row.category, shopName: row.shopName, target: point.target, assignee: row.assignee },
          route: `/cases/${point.caseId}`,
          caseId: point.caseId,
          urgent: malicious,
          sound: malicious,
          groupKey: groupKey('sla_warning', point),
        });
        ids.push(note.id);
      } else {
        const note = this.notifications.record({
          kind: 'sla_breach',
          params: { caseId: point.caseId, category: row.category, shopName: row.shopName, target: point.target, escalateTo },
          route: `/cases/${point.caseId}`,
          caseId: point.caseId,
          urgent: true,
          sound: malicious,
          groupKey: groupKey('sla_breach', point),
        });
        ids.push(note.id);
      }
    }
    if (lateCount > 0 && this.catchUpNote !== null && this.notifications.addToCount(this.catchUpNote, lateCount)) {
      this.catchUpCounted = true;
      return ids;
    }
    if (lateCount > 0) {
      const note = this.notifications.record({ kind: 'away_summary', params: { count: lateCount }, route: '/sla/away', caseId: null, urgent: false, sound: false });
      ids.push(note.id);
      this.catchUpNote = note.id;
    }
    return ids;
  }
}
