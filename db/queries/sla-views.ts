import type { QueueItem } from '../../shared/contract';
import type { CaseSla } from '../../shared/contract';
import type { StaffRole } from '../../shared/domain/roles';
import type { SlaTargetKind } from '../../shared/domain/sla';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';
import { urgencyRankSql } from './cases-list';

/** What the SLA screens read: a case's fired points and history, queues, the board, the summary, the away list. */

export interface FiredEventRow {
  target: string;
  point: string;
  firedAt: number;
  late: number;
  dueAt: number;
}

export interface HistoryRow {
  at: number;
  kind: CaseSla['history'][number]['kind'];
  target: SlaTargetKind | null;
  percent: number | null;
  dueAt: number | null;
  late: number;
  actor: string;
  detail: string | null;
}

export type QueueRow = Omit<QueueItem, 'next'>;

/** Whose queue: everyone's, one assignee's, the unassigned cases, or one role's pool (unassigned, routed to the role). */
export type QueueScope = { kind: 'all' } | { kind: 'assignee'; staffId: number } | { kind: 'unassigned' } | { kind: 'pool'; role: StaffRole };

export interface BoardGroupRow {
  assigneeId: number | null;
  name: string | null;
  role: StaffRole | null;
  open: number;
  breached: number;
  paused: number;
  warning: number;
}

export interface LateEventRow {
  caseId: number;
  target: SlaTargetKind;
  point: string;
  percent: number | null;
  dueAt: number;
  firedAt: number;
  late: number;
}

export function listFiredEvents(sqlite: Sqlite, caseId: number): FiredEventRow[] {
  return prepareCached(sqlite, 'SELECT target, point, fired_at AS firedAt, late, due_at AS dueAt FROM sla_events WHERE case_id = ?').all(caseId) as FiredEventRow[];
}

/** The SLA's part of a case's history: notes (kind note) belong to the case workspace's history only. */
export function listCaseHistory(sqlite: Sqlite, caseId: number): HistoryRow[] {
  return prepareCached(sqlite, "SELECT at, kind, target, percent, due_at AS dueAt, late, actor, detail FROM case_events WHERE case_id = ? AND kind <> 'note' ORDER BY at, id").all(caseId) as HistoryRow[];
}

const queueWhere: Record<QueueScope['kind'], string> = {
  all: '',
  assignee: 'AND c.assignee_id = ?',
  unassigned: 'AND c.assignee_id IS NULL',
  pool: 'AND c.assignee_id IS NULL AND c.pool_role = ?',
};

/** Open cases with timers, soonest deadline first; equal deadlines malicious first, then by severity (`urgencyRank`). */
export function listQueue(sqlite: Sqlite, scope: QueueScope, limit: number): QueueRow[] {
  const params = scope.kind === 'assignee' ? [scope.staffId] : scope.kind === 'pool' ? [scope.role] : [];
  return prepareCached(
    sqlite,
    `SELECT c.id AS caseId, c.review_id AS reviewId, c.status, c.category, c.severity, c.assignee_id AS assigneeId, st.name AS assigneeName,
       sh.name AS shopName, substr(r.text, 1, 60) AS excerpt, c.opened_at AS openedAt, s.paused_reason AS paused
     FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN shops sh ON sh.id = c.shop_id JOIN reviews r ON r.id = c.review_id
     LEFT JOIN staff st ON st.id = c.assignee_id
     WHERE c.status <> 'closed' ${queueWhere[scope.kind]}
     ORDER BY c.due_at IS NULL, c.due_at, ${urgencyRankSql}, c.id LIMIT ?`,
  ).all(...params, limit) as QueueRow[];
}

/** A case's unmet targets, soonest first. */
export function listOpenTargets(sqlite: Sqlite, caseId: number) {
  return prepareCached(sqlite, 'SELECT target, due_at AS dueAt, points_json AS pointsJson FROM case_sla_targets WHERE case_id = ? AND met_at IS NULL ORDER BY due_at').all(caseId) as {
    target: SlaTargetKind;
    dueAt: number | null;
    pointsJson: string;
  }[];
}

/** Open cases per assignee (null: unassigned) with how many are breached, paused or warned at `now`. */
export function listBoardGroups(sqlite: Sqlite, now: number): BoardGroupRow[] {
  return prepareCached(
    sqlite,
    `SELECT c.assignee_id AS assigneeId, st.name, st.role, count(*) AS open,
       sum(c.due_at IS NOT NULL AND c.due_at <= ?) AS breached,
       sum(s.paused_reason IS NOT NULL) AS paused,
       sum(c.due_at > ? AND EXISTS (SELECT 1 FROM sla_events e WHERE e.case_id = c.id AND e.point <> 'breach')) AS warning
     FROM cases c JOIN case_sla s ON s.case_id = c.id LEFT JOIN staff st ON st.id = c.assignee_id
     WHERE c.status <> 'closed' GROUP BY c.assignee_id ORDER BY st.name IS NULL, st.name`,
  ).all(now, now) as BoardGroupRow[];
}

/** Open cases whose clock runs toward a future deadline, and paused ones (sums are null with no rows). */
export function countRunningAndPaused(sqlite: Sqlite, now: number) {
  return prepareCached(
    sqlite,
    `SELECT sum(c.due_at IS NOT NULL AND c.due_at > ? AND s.paused_reason IS NULL) AS running,
       sum(s.paused_reason IS NOT NULL) AS paused FROM cases c JOIN case_sla s ON s.case_id = c.id WHERE c.status <> 'closed'`,
  ).get(now) as { running: number | null; paused: number | null };
}

/** Open cases past a warning point of an unmet target that is not yet due. */
export function countWarnedCases(sqlite: Sqlite, now: number): number {
  return (
    prepareCached(
      sqlite,
      `SELECT count(DISTINCT e.case_id) AS n FROM sla_events e JOIN case_sla_targets t ON t.case_id = e.case_id AND t.target = e.target
       JOIN cases c ON c.id = e.case_id WHERE e.point <> 'breach' AND t.met_at IS NULL AND c.status <> 'closed' AND (t.due_at IS NULL OR t.due_at > ?)`,
    ).get(now) as { n: number }
  ).n;
}

/** Points that fired late (a catch-up) after the event id, newest first. */
export function listLateEventsAfter(sqlite: Sqlite, afterEventId: number): LateEventRow[] {
  return prepareCached(
    sqlite,
    'SELECT case_id AS caseId, target, point, percent, due_at AS dueAt, fired_at AS firedAt, late FROM sla_events WHERE late = 1 AND id > ? ORDER BY id DESC',
  ).all(afterEventId) as LateEventRow[];
}

export function lastSlaEventId(sqlite: Sqlite): number {
  return (prepareCached(sqlite, 'SELECT ifnull(max(id), 0) AS id FROM sla_events').get() as { id: number }).id;
}
