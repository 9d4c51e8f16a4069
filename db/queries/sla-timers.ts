import type { CaseCategory } from '../../shared/domain/reviews';
import type { StaffRole } from '../../shared/domain/roles';
import type { CaseOutcome, PauseReason, SlaTargetKind } from '../../shared/domain/sla';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * Each case's timers: its SLA row (version, start, pause), its two targets as absolute deadlines
 * with planned points, its pauses, and the points that fired (sla_events, UNIQUE per case, target
 * and point: a point fires once). Synchronous: the tick and every recompute run in a transaction.
 */

export interface SlaRow {
  caseId: number;
  versionId: number;
  startedAt: number;
  firstResponseAt: number | null;
  outcome: CaseOutcome | null;
  pausedReason: PauseReason | null;
  pausedSince: number | null;
}

export interface TargetRow {
  caseId: number;
  target: SlaTargetKind;
  targetMs: number;
  businessHours: number;
  dueAt: number | null;
  pointsJson: string;
  metAt: number | null;
  nextFireAt: number | null;
}

export interface PauseRow {
  reason: PauseReason;
  from: number;
  to: number | null;
}

/** A case without timers yet, with what its policy and start depend on. */
export interface UntimedCaseRow {
  id: number;
  category: CaseCategory;
  shopId: number;
  platform: string;
  openedAt: number;
  assigneeId: number | null;
  /** 1 while the case waits in the needs-review queue; `guesses` then holds its candidates (JSON). */
  needsReview: number;
  guesses: string | null;
}

export interface NewSlaEvent {
  caseId: number;
  target: SlaTargetKind;
  point: string;
  percent: number | null;
  dueAt: number;
  firedAt: number;
  late: boolean;
}

// ── opening timers ────────────────────────────────────────────────────────────────────────

export function maxTimedCaseId(sqlite: Sqlite): number {
  return (prepareCached(sqlite, 'SELECT ifnull(max(case_id), 0) AS m FROM case_sla').get() as { m: number }).m;
}

/**
 * Whether some case at or below `caseId` (the highest case with timers) still has no timers: cases
 * from before the SLA migration. Asked at every start, so by counting instead of joining every case
 * (about 1 ms at 1M reviews instead of 40–100): each case_sla row belongs to exactly one case (its
 * primary key references cases, foreign keys are on, deletes cascade), so every case up to
 * `caseId` has timers exactly when there are as many of those cases as case_sla rows.
 */
export function hasUntimedCaseUpTo(sqlite: Sqlite, caseId: number): boolean {
  const counts = prepareCached(
    sqlite,
    // Whole-table counts read a small index; the ranges above `caseId` are short.
    `SELECT (SELECT count(*) FROM cases) - (SELECT count(*) FROM cases WHERE id > ?) AS cases,
            (SELECT count(*) FROM case_sla) - (SELECT count(*) FROM case_sla WHERE case_id > ?) AS timed`,
  ).get(caseId, caseId) as { cases: number; timed: number };
  return counts.cases > counts.timed;
}

export function listUntimedCasesAfter(sqlite: Sqlite, afterId: number, limit: number): UntimedCaseRow[] {
  // CROSS JOIN keeps cases as the outer loop, read from `afterId` on in id order: left to choose,
  // SQLite starts from the few shops and reads every case of each (25-40 ms at 1M reviews, at
  // every start, where the cases above the newest timed one are usually none).
  return prepareCached(
    sqlite,
    `SELECT c.id, c.category, c.shop_id AS shopId, sh.platform, c.opened_at AS openedAt, c.assignee_id AS assigneeId, c.needs_review AS needsReview,
       CASE WHEN c.needs_review = 1 THEN json_extract(c.category_explanation_json, '$.guesses') END AS guesses
     FROM cases c CROSS JOIN shops sh ON sh.id = c.shop_id
     WHERE c.id > ? AND NOT EXISTS (SELECT 1 FROM case_sla s WHERE s.case_id = c.id) ORDER BY c.id LIMIT ?`,
  ).all(afterId, limit) as UntimedCaseRow[];
}

export function insertCaseSla(sqlite: Sqlite, caseId: number, versionId: number, startedAt: number): void {
  prepareCached(sqlite, 'INSERT OR IGNORE INTO case_sla (case_id, policy_version_id, started_at) VALUES (?, ?, ?)').run(caseId, versionId, startedAt);
}

// ── a case's timers ───────────────────────────────────────────────────────────────────────

export function findSla(sqlite: Sqlite, caseId: number): SlaRow | undefined {
  return prepareCached(
    sqlite,
    'SELECT case_id AS caseId, policy_version_id AS versionId, started_at AS startedAt, first_response_at AS firstResponseAt, outcome, paused_reason AS pausedReason, paused_since AS pausedSince FROM case_sla WHERE case_id = ?',
  ).get(caseId) as SlaRow | undefined;
}

export function listPauses(sqlite: Sqlite, caseId: number): PauseRow[] {
  return prepareCached(sqlite, 'SELECT reason, from_at AS "from", to_at AS "to" FROM sla_pauses WHERE case_id = ? ORDER BY from_at').all(caseId) as PauseRow[];
}

export function listTargets(sqlite: Sqlite, caseId: number): TargetRow[] {
  return prepareCached(
    sqlite,
    'SELECT case_id AS caseId, target, target_ms AS targetMs, business_hours AS businessHours, due_at AS dueAt, points_json AS pointsJson, met_at AS metAt, next_fire_at AS nextFireAt FROM case_sla_targets WHERE case_id = ? ORDER BY target',
  ).all(caseId) as TargetRow[];
}

/** When each target of a case was met (null: not yet). */
export function listTargetsMet(sqlite: Sqlite, caseId: number): Map<string, number | null> {
  const rows = prepareCached(sqlite, 'SELECT target, met_at AS metAt FROM case_sla_targets WHERE case_id = ?').all(caseId) as { target: string; metAt: number | null }[];
  return new Map(rows.map((row) => [row.target, row.metAt]));
}

export function listFiredPoints(sqlite: Sqlite, caseId: number): { target: string; point: string }[] {
  return prepareCached(sqlite, 'SELECT target, point FROM sla_events WHERE case_id = ?').all(caseId) as { target: string; point: string }[];
}

export function upsertTarget(sqlite: Sqlite, row: TargetRow): void {
  prepareCached(
    sqlite,
    `INSERT INTO case_sla_targets (case_id, target, target_ms, business_hours, due_at, points_json, met_at, next_fire_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (case_id, target) DO UPDATE SET target_ms = excluded.target_ms, business_hours = excluded.business_hours, due_at = excluded.due_at,
       points_json = excluded.points_json, met_at = excluded.met_at, next_fire_at = excluded.next_fire_at`,
  ).run(row.caseId, row.target, row.targetMs, row.businessHours, row.dueAt, row.pointsJson, row.metAt, row.nextFireAt);
}

/** The inbox sorts by cases.due_at: the earliest unmet deadline of an open case. */
export function setCaseDue(sqlite: Sqlite, caseId: number, dueAt: number | null): void {
  prepareCached(sqlite, 'UPDATE cases SET due_at = ? WHERE id = ?').run(dueAt, caseId);
}

// ── the lifecycle's effect on the clocks ──────────────────────────────────────────────────

export function setFirstResponse(sqlite: Sqlite, caseId: number, at: number): void {
  prepareCached(sqlite, 'UPDATE case_sla SET first_response_at = ? WHERE case_id = ?').run(at, caseId);
}

export function setOutcome(sqlite: Sqlite, caseId: number, outcome: CaseOutcome): void {
  prepareCached(sqlite, 'UPDATE case_sla SET outcome = ? WHERE case_id = ?').run(outcome, caseId);
}

export function meetTarget(sqlite: Sqlite, caseId: number, target: SlaTargetKind, at: number): void {
  prepareCached(sqlite, 'UPDATE case_sla_targets SET met_at = ? WHERE case_id = ? AND target = ? AND met_at IS NULL').run(at, caseId, target);
}

/** A reopened case runs its resolution clock again. */
export function unmeetResolution(sqlite: Sqlite, caseId: number): void {
  prepareCached(sqlite, "UPDATE case_sla_targets SET met_at = NULL WHERE case_id = ? AND target = 'resolution'").run(caseId);
}

export function insertPause(sqlite: Sqlite, caseId: number, reason: PauseReason, from: number): void {
  prepareCached(sqlite, 'INSERT INTO sla_pauses (case_id, reason, from_at) VALUES (?, ?, ?)').run(caseId, reason, from);
}

export function setPaused(sqlite: Sqlite, caseId: number, reason: PauseReason, since: number): void {
  prepareCached(sqlite, 'UPDATE case_sla SET paused_reason = ?, paused_since = ? WHERE case_id = ?').run(reason, since, caseId);
}

export function endOpenPause(sqlite: Sqlite, caseId: number, at: number): void {
  prepareCached(sqlite, 'UPDATE sla_pauses SET to_at = ? WHERE case_id = ? AND to_at IS NULL').run(at, caseId);
  prepareCached(sqlite, 'UPDATE case_sla SET paused_reason = NULL, paused_since = NULL WHERE case_id = ?').run(caseId);
}

// ── the tick ──────────────────────────────────────────────────────────────────────────────

/** Earliest pending point (partial index on next_fire_at). */
export function minNextFireAt(sqlite: Sqlite): number | null {
  return (prepareCached(sqlite, 'SELECT min(next_fire_at) AS at FROM case_sla_targets WHERE next_fire_at IS NOT NULL').get() as { at: number | null }).at;
}

export function listDueTargets(sqlite: Sqlite, now: number, limit: number) {
  return prepareCached(
    sqlite,
    'SELECT case_id AS caseId, target, points_json AS pointsJson FROM case_sla_targets WHERE next_fire_at IS NOT NULL AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ?',
  ).all(now, limit) as { caseId: number; target: SlaTargetKind; pointsJson: string }[];
}

/** Records a fired point; false when it had fired already (the UNIQUE key keeps it once). */
export function insertSlaEvent(sqlite: Sqlite, event: NewSlaEvent): boolean {
  const result = prepareCached(sqlite, 'INSERT OR IGNORE INTO sla_events (case_id, target, point, percent, due_at, fired_at, late) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    event.caseId,
    event.target,
    event.point,
    event.percent,
    event.dueAt,
    event.firedAt,
    event.late ? 1 : 0,
  );
  return result.changes === 1;
}

export function setNextFireAt(sqlite: Sqlite, caseId: number, target: SlaTargetKind, at: number | null): void {
  prepareCached(sqlite, 'UPDATE case_sla_targets SET next_fire_at = ? WHERE case_id = ? AND target = ?').run(at, caseId, target);
}

/** What a fired point's notification says: category, shop, assignee, the role it is routed to, and the policy's escalation chain. */
export function findFiredPointContext(sqlite: Sqlite, caseId: number) {
  return prepareCached(
    sqlite,
    `SELECT c.category, sh.name AS shopName, st.name AS assignee, st.role AS assigneeRole, c.pool_role AS poolRole, v.escalation_json AS escalation
     FROM cases c JOIN shops sh ON sh.id = c.shop_id LEFT JOIN staff st ON st.id = c.assignee_id
     JOIN case_sla s ON s.case_id = c.id JOIN sla_policy_versions v ON v.id = s.policy_version_id WHERE c.id = ?`,
  ).get(caseId) as { category: CaseCategory; shopName: string; assignee: string | null; assigneeRole: StaffRole | null; poolRole: StaffRole | null; escalation: string } | undefined;
}

/**
 * Breached open cases: those whose breach point fired and whose target is not met, counting at
 * most `cap` (-1: all).
 */
export function countBreachedCases(sqlite: Sqlite, cap: number): number {
  return (
    prepareCached(
      sqlite,
      // CROSS JOIN keeps this order: from the fired breaches out, never a walk over every case.
      `SELECT count(*) AS n FROM (SELECT DISTINCT e.case_id FROM sla_events e INDEXED BY sla_events_breach
         CROSS JOIN case_sla_targets t ON t.case_id = e.case_id AND t.target = e.target
         CROSS JOIN cases c ON c.id = e.case_id WHERE e.point = 'breach' AND t.met_at IS NULL AND c.status <> 'closed' LIMIT ?)`,
    ).get(cap) as { n: number }
  ).n;
}
