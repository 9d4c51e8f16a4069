import type { CaseCategory, CaseStatus } from '../../shared/domain/reviews';
import type { StaffRole } from '../../shared/domain/roles';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * Cases: assignment, category, status and the case's history (case_events). Synchronous: these
 * run inside the transactions that also move the case's SLA timers.
 */

/** What the lifecycle and the timers need of a case. */
export interface CaseRow {
  id: number;
  reviewId: number;
  shopId: number;
  platform: string;
  status: CaseStatus;
  category: CaseCategory;
  openedAt: number;
  assigneeId: number | null;
}

/** One entry of a case's history: a lifecycle step, a pause, a fired SLA point, a policy change. */
export interface CaseEvent {
  caseId: number;
  at: number;
  kind: string;
  actor: string;
  target?: string | null;
  percent?: number | null;
  dueAt?: number | null;
  late?: boolean;
  detail?: string | null;
}

export function findCase(sqlite: Sqlite, caseId: number): CaseRow | undefined {
  return prepareCached(
    sqlite,
    'SELECT c.id, c.review_id AS reviewId, c.shop_id AS shopId, sh.platform, c.status, c.category, c.opened_at AS openedAt, c.assignee_id AS assigneeId FROM cases c JOIN shops sh ON sh.id = c.shop_id WHERE c.id = ?',
  ).get(caseId) as CaseRow | undefined;
}

export function findReviewIdOfCase(sqlite: Sqlite, caseId: number): number | undefined {
  return (prepareCached(sqlite, 'SELECT review_id AS reviewId FROM cases WHERE id = ?').get(caseId) as { reviewId: number } | undefined)?.reviewId;
}

export function insertCaseEvent(sqlite: Sqlite, event: CaseEvent): void {
  prepareCached(sqlite, 'INSERT INTO case_events (case_id, at, kind, target, percent, due_at, late, actor, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    event.caseId,
    event.at,
    event.kind,
    event.target ?? null,
    event.percent ?? null,
    event.dueAt ?? null,
    event.late ? 1 : 0,
    event.actor,
    event.detail ?? null,
  );
}

export function setCaseStatus(sqlite: Sqlite, caseId: number, status: CaseStatus, at: number): void {
  prepareCached(sqlite, 'UPDATE cases SET status = ?, updated_at = ? WHERE id = ?').run(status, at, caseId);
}

/** The role that owns a case's category under its policy version (undefined without timers). */
export function findCaseOwnerRole(sqlite: Sqlite, caseId: number) {
  return prepareCached(
    sqlite,
    'SELECT c.category, v.owner_role AS ownerRole FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN sla_policy_versions v ON v.id = s.policy_version_id WHERE c.id = ?',
  ).get(caseId) as { category: CaseCategory; ownerRole: StaffRole } | undefined;
}

/** A staff member as assignment sees them: name, role and whether active. */
export function findAssignableStaff(sqlite: Sqlite, staffId: number) {
  const row = prepareCached(sqlite, 'SELECT name, role, active FROM staff WHERE id = ?').get(staffId) as { name: string; role: StaffRole; active: number } | undefined;
  return row ? { name: row.name, role: row.role, active: row.active === 1 } : undefined;
}

const chunk = 500;

/** Rows for ids, a chunk per statement (one shape: the ids travel as one JSON parameter); missing ids are simply absent. */
function selectByIds<T>(sqlite: Sqlite, sql: string, ids: readonly number[]): T[] {
  const statement = prepareCached(sqlite, sql);
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += chunk) {
    rows.push(...(statement.all(JSON.stringify(ids.slice(start, start + chunk))) as T[]));
  }
  return rows;
}

export function listAssignees(sqlite: Sqlite, caseIds: readonly number[]) {
  return selectByIds<{ id: number; assigneeId: number | null; assigneeName: string | null }>(
    sqlite,
    `SELECT id, assignee_id AS assigneeId, (SELECT name FROM staff WHERE staff.id = cases.assignee_id) AS assigneeName
     FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    caseIds,
  );
}

export function listCategories(sqlite: Sqlite, caseIds: readonly number[]) {
  return selectByIds<{ id: number; category: CaseCategory; source: string; ruleName: string | null; needsReview: number }>(
    sqlite,
    `SELECT id, category, category_source AS source, category_rule_name AS ruleName, needs_review AS needsReview
     FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    caseIds,
  );
}

export function setAssignee(sqlite: Sqlite, caseId: number, assigneeId: number | null, at: number): void {
  prepareCached(sqlite, 'UPDATE cases SET assignee_id = ?, updated_at = ? WHERE id = ?').run(assigneeId, at, caseId);
}

/** A person's category: kept over the rules from now on (re-import and reclassify leave it); out of the needs-review queue. The scorer's explanation stays, for the record. */
export function setManualCategory(sqlite: Sqlite, caseId: number, category: CaseCategory, at: number): void {
  prepareCached(
    sqlite,
    `UPDATE cases SET category = ?, category_source = 'manual', category_rule_id = NULL, category_rule_name = NULL,
       category_words_json = '[]', needs_review = 0, updated_at = ? WHERE id = ?`,
  ).run(category, at, caseId);
}
