import type { StaffRole } from '../../../../shared/domain/roles';
import { nextFireAt, plannedPoints, type TimerSpec } from '../../../../shared/sla/timer';
import { findCase, insertCaseEvent, type CaseRow } from '../../../../db/queries/cases';
import type { VersionRow } from '../../../../db/queries/sla-policies';
import {
  findSla,
  hasUntimedCaseUpTo,
  insertCaseSla,
  listFiredPoints,
  listPauses,
  listTargetsMet,
  listUntimedCasesAfter,
  maxTimedCaseId,
  setCaseDue,
  upsertTarget,
  type SlaRow,
} from '../../../../db/queries/sla-timers';
import { inTransaction } from '../../../../db/transaction';
import { notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';
import type { SlaBadge } from './badge';
import type { PolicyVersions } from './policy-versions';
import type { WorkCalendars } from './work-calendars';

/** Cases given timers per turn of the event loop by openMissingSoon (about 20 ms at 1M reviews). */
export const openSliceSize = 250;
/** Case ids in one `sla.changed` event: beyond this a view reloads what it shows anyway. */
export const changedIdsPerEvent = 1000;

/** Gives new and breached cases to someone (services/cases/case-routing.ts); wired in services/index.ts. */
export interface CaseRouter {
  opened(cases: readonly { caseId: number; ownerRole: StaffRole; assigneeId: number | null }[], at: number): void;
  escalated(caseId: number, toRole: StaffRole, at: number): unknown;
}

const noRouting: CaseRouter = { opened: () => {}, escalated: () => null };

/**
 * Each case's timers: opened for new cases (from imports or manual entry), recomputed as absolute
 * deadlines with planned points and the next wake-up whenever what they depend on changes.
 */
export class SlaTimers {
  /** Cases up to this id have timers (0: not known yet, look again). */
  private watermark = 0;
  /** An openMissingSoon run is under way (later calls join it). */
  private openingSoon = false;
  /** Called after anything that may move the next wake-up (the scheduler re-arms). */
  onChange: () => void = () => {};
  /** Routes the cases whose timers just opened, in the same transaction. */
  router: CaseRouter = noRouting;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly versions: PolicyVersions,
    private readonly calendars: WorkCalendars,
    private readonly badge: SlaBadge,
  ) {}

  private get sqlite() {
    return this.deps.sqlite;
  }

  /** Gives timers to every case that has none (new cases from imports or manual entry). */
  openMissing(): number {
    const opened = this.openAll();
    if (opened > 0) this.onChange();
    return opened;
  }

  openAll(): number {
    let opened = 0;
    let slice: number;
    do {
      slice = this.openSlice(5000);
      opened += slice;
    } while (slice === 5000);
    return opened;
  }

  /**
   * Opens timers for new cases on a later turn of the event loop, a few hundred cases per turn:
   * during a long import this keeps each piece of work short, so inbox pages keep answering
   * between the import's batches.
   */
  openMissingSoon(): void {
    if (this.openingSoon) return;
    this.openingSoon = true;
    const step = () => {
      let opened = 0;
      try {
        if (this.sqlite.open) opened = this.openSlice(openSliceSize);
      } catch (error) {
        console.error('[sla] opening timers failed', error);
      }
      if (opened === openSliceSize) return void setImmediate(step);
      this.openingSoon = false;
      // Once, at the end: the scheduler's tick would otherwise open all the rest in one piece.
      this.onChange();
    };
    setImmediate(step);
  }

  /**
   * Opens timers for up to `limit` cases in one transaction; returns how many. Tells the UI, not
   * the scheduler (the callers do, once) nor the badge: no point of a new timer has fired yet.
   */
  private openSlice(limit: number): number {
    const sqlite = this.sqlite;
    const now = this.deps.clock.now();
    if (this.watermark === 0) {
      this.watermark = maxTimedCaseId(sqlite);
      // Older cases (from before this migration) get timers too.
      if (hasUntimedCaseUpTo(sqlite, this.watermark)) this.watermark = 0;
    }
    const rows = listUntimedCasesAfter(sqlite, this.watermark, limit);
    if (rows.length === 0) return 0;
    inTransaction(sqlite, () => {
      const routed: { caseId: number; ownerRole: StaffRole; assigneeId: number | null }[] = [];
      for (const row of rows) {
        const versionId = this.versions.currentForCase(row);
        const terms = this.versions.termsOf(versionId);
        insertCaseSla(sqlite, row.id, versionId, row.openedAt);
        insertCaseEvent(sqlite, { caseId: row.id, at: row.openedAt, kind: 'opened', actor: 'system', detail: `v${terms.version}` });
        routed.push({ caseId: row.id, ownerRole: terms.ownerRole, assigneeId: row.assigneeId });
      }
      this.router.opened(routed, now);
      this.recompute(rows.map((row) => row.id), now);
    });
    this.watermark = rows.at(-1)!.id;
    this.deps.events.emit('sla.changed', { caseIds: rows.slice(0, changedIdsPerEvent).map((row) => row.id) });
    return rows.length;
  }

  /** A case's timers, opening any missing first; NOT_FOUND when the case does not exist. */
  requireSla(caseId: number): SlaRow {
    this.openMissing();
    const sla = findSla(this.sqlite, caseId);
    if (!sla) throw notFound('Case', caseId);
    return sla;
  }

  caseOf(caseId: number): CaseRow {
    const row = findCase(this.sqlite, caseId);
    if (!row) throw notFound('Case', caseId);
    return row;
  }

  /** Both targets' arithmetic for a case, and its pauses. */
  specs(caseRow: CaseRow, sla: SlaRow, version: VersionRow) {
    const calendar = this.calendars.of(caseRow.shopId);
    const pauses = listPauses(this.sqlite, caseRow.id);
    const make = (minutes: number): TimerSpec => ({ startedAt: sla.startedAt, targetMs: minutes * 60_000, calendar: version.businessHours === 1 ? calendar : null, pauses });
    return { first_response: make(version.firstResponseMinutes), resolution: make(version.resolutionMinutes), pauses } as const;
  }

  /** Recomputes deadlines, planned points and the next wake-up of cases; fills cases.due_at. Call inside a transaction. */
  recompute(caseIds: readonly number[], _now: number): void {
    const sqlite = this.sqlite;
    for (const caseId of caseIds) {
      const sla = findSla(sqlite, caseId);
      if (!sla) continue;
      const caseRow = this.caseOf(caseId);
      const version = this.versions.termsOf(sla.versionId);
      const warn = JSON.parse(version.warnJson) as number[];
      const specs = this.specs(caseRow, sla, version);
      const fired = listFiredPoints(sqlite, caseId);
      const met = listTargetsMet(sqlite, caseId);
      let caseDue: number | null = null;
      for (const kind of ['first_response', 'resolution'] as const) {
        const spec = specs[kind];
        const points = plannedPoints(spec, warn);
        const metAt = met.get(kind) ?? null;
        const firedKeys = new Set(fired.filter((row) => row.target === kind).map((row) => row.point));
        const due = points.at(-1)!.at;
        const next = metAt !== null || caseRow.status === 'closed' ? null : nextFireAt(points, firedKeys);
        upsertTarget(sqlite, { caseId, target: kind, targetMs: spec.targetMs, businessHours: version.businessHours, dueAt: due, pointsJson: JSON.stringify(points), metAt, nextFireAt: next });
        if (metAt === null && due !== null && (caseDue === null || due < caseDue)) caseDue = due;
      }
      setCaseDue(sqlite, caseId, caseRow.status === 'closed' ? null : caseDue);
    }
  }

  /** Tells the UI and the scheduler that timers of these cases moved. */
  changed(caseIds: readonly number[]): void {
    if (caseIds.length > 0) this.deps.events.emit('sla.changed', { caseIds: caseIds.slice(0, changedIdsPerEvent) });
    this.badge.update();
    this.onChange();
  }
}
