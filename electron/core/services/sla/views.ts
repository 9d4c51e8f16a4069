import type { CaseSla, QueueItem, SlaTarget } from '../../../../shared/contract';
import type { StaffRole } from '../../../../shared/domain/roles';
import { remainingMs, targetState, type PlannedPoint } from '../../../../shared/sla/timer';
import { listTargets } from '../../../../db/queries/sla-timers';
import {
  countRunningAndPaused,
  countWarnedCases,
  listBoardGroups,
  listCaseHistory,
  listFiredEvents,
  listOpenTargets,
  listQueue,
  type QueueScope,
} from '../../../../db/queries/sla-views';
import type { AuthService } from '../auth/auth-service';
import type { ServiceDeps } from '../service-deps';
import type { SlaBadge } from './badge';
import type { PolicyVersions } from './policy-versions';
import type { SlaTick } from './tick';
import type { SlaTimers } from './timers';

/** What the SLA screens show: a case's timers and history, the queues, the board, the summary. */
export class SlaViews {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    private readonly versions: PolicyVersions,
    private readonly timers: SlaTimers,
    private readonly badge: SlaBadge,
    private readonly tick: SlaTick,
  ) {}

  private get sqlite() {
    return this.deps.sqlite;
  }

  getCase(caseId: number): CaseSla {
    const sla = this.timers.requireSla(caseId);
    const caseRow = this.timers.caseOf(caseId);
    const version = this.versions.row(sla.versionId);
    const now = this.deps.clock.now();
    const specs = this.timers.specs(caseRow, sla, version);
    const targetRows = listTargets(this.sqlite, caseId);
    const events = listFiredEvents(this.sqlite, caseId);
    const targets: SlaTarget[] = targetRows
      .sort((a, b) => (a.target === 'first_response' ? -1 : b.target === 'first_response' ? 1 : 0))
      .map((row) => {
        const points = JSON.parse(row.pointsJson) as PlannedPoint[];
        const spec = specs[row.target];
        const fired = (key: string) => events.find((event) => event.target === row.target && event.point === key);
        const remaining = remainingMs(spec, row.metAt ?? now);
        const breach = fired('breach');
        return {
          kind: row.target,
          targetMinutes: Math.round(row.targetMs / 60_000),
          businessHours: row.businessHours === 1,
          startedAt: sla.startedAt,
          dueAt: row.dueAt,
          warnAt: points.filter((point) => point.point === 'warning').map((point) => ({ percent: point.percent ?? 0, at: point.at, firedAt: fired(point.key)?.firedAt ?? null, late: fired(point.key)?.late === 1 })),
          state: targetState({ metAt: row.metAt, paused: sla.pausedReason !== null, points, now, dueAt: row.dueAt, remainingMs: remaining }),
          remainingMs: Math.round(remaining),
          metAt: row.metAt,
          breachedAt: breach?.firedAt ?? null,
          late: (row.metAt !== null && row.dueAt !== null && row.metAt > row.dueAt) || events.some((event) => event.target === row.target && event.late === 1),
        };
      });
    const history = listCaseHistory(this.sqlite, caseId).map((row) => ({ ...row, late: row.late === 1 }));
    return {
      caseId,
      status: caseRow.status,
      outcome: sla.outcome,
      category: caseRow.category,
      policy: { id: version.policyId, version: version.version, versionId: version.versionId, current: version.current === 1, ownerRole: version.ownerRole, requiresAppeal: version.requiresAppeal === 1 },
      paused: sla.pausedReason && sla.pausedSince !== null ? { reason: sla.pausedReason, since: sla.pausedSince } : null,
      targets,
      pauses: specs.pauses,
      history,
      firstResponseAt: sla.firstResponseAt,
      now,
    };
  }

  /** Queue rows with each case's next unmet target (its state and time left). */
  private queueRows(scope: QueueScope, limit: number): QueueItem[] {
    return this.withNext(listQueue(this.sqlite, scope, limit));
  }

  /** Adds each row's most urgent unmet target (state and time left) to queue-shaped rows. */
  withNext<T extends { caseId: number; paused: string | null }>(rows: readonly T[]): (T & { next: QueueItem['next'] })[] {
    const now = this.deps.clock.now();
    return rows.map((row) => {
      const first = listOpenTargets(this.sqlite, row.caseId)[0];
      if (!first) return { ...row, next: null };
      let remaining: number;
      if (first.dueAt !== null) remaining = first.dueAt - now;
      else remaining = this.getCase(row.caseId).targets.find((target) => target.kind === first.target)?.remainingMs ?? 0;
      const points = JSON.parse(first.pointsJson) as PlannedPoint[];
      const state = targetState({ metAt: null, paused: row.paused !== null, points, now, dueAt: first.dueAt, remainingMs: remaining });
      return { ...row, next: { kind: first.target, state, dueAt: first.dueAt, remainingMs: Math.round(remaining) } };
    });
  }

  /** A staff member's open cases (the signed-in one's by default; everyone's with nobody signed in), soonest deadline first. */
  myQueue(staffId: number | undefined, limit = 100) {
    const who = staffId ?? this.auth.current()?.id;
    const items = this.queueRows(who === undefined ? { kind: 'all' } : { kind: 'assignee', staffId: who }, limit);
    this.timers.openMissing();
    return { items, now: this.deps.clock.now() };
  }

  /** Unassigned open cases routed to a role (null: all unassigned ones), soonest deadline first. */
  pool(role: StaffRole | null, limit = 100) {
    this.timers.openMissing();
    const items = this.queueRows(role === null ? { kind: 'unassigned' } : { kind: 'pool', role }, limit);
    return { items, now: this.deps.clock.now() };
  }

  /** Open cases per assignee, with counts. */
  board(perColumn = 50) {
    this.timers.openMissing();
    const now = this.deps.clock.now();
    const columns = listBoardGroups(this.sqlite, now).map((group) => ({
      assigneeId: group.assigneeId,
      name: group.name,
      role: group.role,
      counts: { open: group.open, warning: group.warning ?? 0, breached: group.breached ?? 0, paused: group.paused ?? 0 },
      items: this.queueRows(group.assigneeId === null ? { kind: 'unassigned' } : { kind: 'assignee', staffId: group.assigneeId }, perColumn),
    }));
    return { columns, now };
  }

  summary() {
    this.timers.openMissing();
    const now = this.deps.clock.now();
    const row = countRunningAndPaused(this.sqlite, now);
    const warning = countWarnedCases(this.sqlite, now);
    return { running: row.running ?? 0, warning, breached: this.badge.breachedCount(), paused: row.paused ?? 0, nextFireAt: this.tick.nextWakeAt() };
  }
}
