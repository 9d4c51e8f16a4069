import type { StaffRole } from '../../shared/domain/roles';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/** The case workspace's own reads: the whole history (notes too), the compensation offered, names → roles. */

export interface WorkspaceEventRow {
  at: number;
  kind: string;
  target: string | null;
  percent: number | null;
  late: number;
  actor: string;
  detail: string | null;
}

/** Every case event, notes included, oldest first. */
export function listWorkspaceEvents(sqlite: Sqlite, caseId: number): WorkspaceEventRow[] {
  return prepareCached(sqlite, 'SELECT at, kind, target, percent, late, actor, detail FROM case_events WHERE case_id = ? ORDER BY at, id').all(caseId) as WorkspaceEventRow[];
}

/** Each solution offered with an amount, as the lifecycle audited it, oldest first. */
export function listCompensationOffers(sqlite: Sqlite, caseId: number): { at: number; actor: string; cents: number }[] {
  return prepareCached(
    sqlite,
    `SELECT at, actor, CAST(json_extract(after_json, '$.compensationCents') AS INTEGER) AS cents FROM audit_log
     WHERE action = 'cases.transition' AND entity = 'case' AND entity_id = ?
       AND json_extract(after_json, '$.status') = 'solution_offered' AND json_extract(after_json, '$.compensationCents') IS NOT NULL
     ORDER BY at, id`,
  ).all(String(caseId)) as { at: number; actor: string; cents: number }[];
}

/** The role of each staff name that is on the team (names not on it are absent). */
export function listRolesByName(sqlite: Sqlite, names: readonly string[]): Map<string, StaffRole> {
  if (names.length === 0) return new Map();
  const rows = prepareCached(sqlite, 'SELECT name, role FROM staff WHERE name IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify([...new Set(names)])) as { name: string; role: StaffRole }[];
  return new Map(rows.map((row) => [row.name, row.role]));
}

/** The case's assignee (name and role) and the pool it waits in. */
export function findCaseHolder(sqlite: Sqlite, caseId: number): { assigneeId: number | null; assigneeName: string | null; assigneeRole: StaffRole | null; poolRole: StaffRole | null } | undefined {
  return prepareCached(
    sqlite,
    `SELECT c.assignee_id AS assigneeId, s.name AS assigneeName, s.role AS assigneeRole, c.pool_role AS poolRole
     FROM cases c LEFT JOIN staff s ON s.id = c.assignee_id WHERE c.id = ?`,
  ).get(caseId) as { assigneeId: number | null; assigneeName: string | null; assigneeRole: StaffRole | null; poolRole: StaffRole | null } | undefined;
}
