import type { StaffRole } from '../../shared/domain/roles';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * Routing: who of a role may be given a new case and how loaded they are, the role a case is
 * routed to (its pool while unassigned), and the pools themselves. Synchronous: routing runs
 * inside the transactions that open a case's timers or fire its breach.
 */

/** An active member of a role with their open cases and the newest case ever given to them. */
export interface RoutingCandidate {
  id: number;
  name: string;
  open: number;
  /** Highest case id assigned to them (0: none yet); the round-robin tie-break. */
  lastCaseId: number;
}

/** Active members of a role, by id (the staff table is small). */
export function listActiveOfRole(sqlite: Sqlite, role: StaffRole): { id: number; name: string }[] {
  return prepareCached(sqlite, 'SELECT id, name FROM staff WHERE active = 1 AND role = ? ORDER BY id').all(role) as { id: number; name: string }[];
}

/**
 * Everyone's load: open cases and the highest case id ever given, per assignee. Two index-only
 * scans (cases_open_assignee, cases_assignee), so routing re-reads it cheaply now and then.
 */
export function listAssigneeLoads(sqlite: Sqlite): Map<number, { open: number; lastCaseId: number }> {
  const open = prepareCached(sqlite, "SELECT assignee_id AS id, count(*) AS n FROM cases WHERE assignee_id IS NOT NULL AND status <> 'closed' GROUP BY assignee_id").all() as { id: number; n: number }[];
  const last = prepareCached(sqlite, 'SELECT assignee_id AS id, max(id) AS n FROM cases WHERE assignee_id IS NOT NULL GROUP BY assignee_id').all() as { id: number; n: number }[];
  const loads = new Map<number, { open: number; lastCaseId: number }>();
  for (const row of last) loads.set(row.id, { open: 0, lastCaseId: row.n });
  for (const row of open) loads.set(row.id, { open: row.n, lastCaseId: loads.get(row.id)?.lastCaseId ?? 0 });
  return loads;
}

/** Gives a case to someone (or to the pool with null) and records the role it is routed to. */
export function setRouting(sqlite: Sqlite, caseId: number, assigneeId: number | null, poolRole: StaffRole, at: number): void {
  prepareCached(sqlite, 'UPDATE cases SET assignee_id = ?, pool_role = ?, updated_at = ? WHERE id = ?').run(assigneeId, poolRole, at, caseId);
}

/** What escalation needs of a case: its assignee, their role, and the role it is routed to. */
export function findRoutingState(sqlite: Sqlite, caseId: number) {
  return prepareCached(
    sqlite,
    `SELECT c.status, c.assignee_id AS assigneeId, st.name AS assigneeName, st.role AS assigneeRole, c.pool_role AS poolRole
     FROM cases c LEFT JOIN staff st ON st.id = c.assignee_id WHERE c.id = ?`,
  ).get(caseId) as { status: string; assigneeId: number | null; assigneeName: string | null; assigneeRole: StaffRole | null; poolRole: StaffRole | null } | undefined;
}

/** A person's open cases with the role each is routed to (its policy owner's when never routed). */
export function listOpenCasesOf(sqlite: Sqlite, staffId: number): { id: number; role: StaffRole }[] {
  return prepareCached(
    sqlite,
    `SELECT c.id, coalesce(c.pool_role, v.owner_role) AS role
     FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN sla_policy_versions v ON v.id = s.policy_version_id
     WHERE c.assignee_id = ? AND c.status <> 'closed' ORDER BY c.id`,
  ).all(staffId) as { id: number; role: StaffRole }[];
}
