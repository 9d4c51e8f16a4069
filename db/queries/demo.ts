import type { CaseCategory } from '../../shared/domain/reviews';
import type { StaffRole } from '../../shared/domain/roles';
import type { SlaTargetKind } from '../../shared/domain/sla';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * Demo data: what the demo loader needs to give freshly imported cases a history. Synchronous,
 * run inside the loader's transactions.
 */

/** A case the demo just imported, with the time its review was posted and who owns its category. */
export interface DemoCaseRow {
  id: number;
  reviewId: number;
  category: CaseCategory;
  postedAt: number;
  ownerRole: StaffRole;
  /** 1 when the policy expects a platform appeal (malicious reviews). */
  requiresAppeal: number;
}

/** The cases of reviews the given import runs inserted, oldest review first. */
export function listCasesOfImports(sqlite: Sqlite, importIds: readonly number[]): DemoCaseRow[] {
  return prepareCached(
    sqlite,
    `SELECT c.id, c.review_id AS reviewId, c.category, r.posted_at AS postedAt, v.owner_role AS ownerRole, v.requires_appeal AS requiresAppeal
     FROM cases c JOIN reviews r ON r.id = c.review_id
       JOIN case_sla s ON s.case_id = c.id JOIN sla_policy_versions v ON v.id = s.policy_version_id
     WHERE r.import_id IN (SELECT value FROM json_each(?)) ORDER BY r.posted_at, c.id`,
  ).all(JSON.stringify(importIds)) as DemoCaseRow[];
}

/**
 * Moves a case's opening (and its review's import) back to when the shop would have imported
 * it: the case, its clock start and the history written on opening (the 'opened' entry and any
 * routing on open; nothing else has happened to the case yet). The caller recomputes timers.
 */
export function backdateCaseOpening(sqlite: Sqlite, caseId: number, reviewId: number, openedAt: number): void {
  prepareCached(sqlite, 'UPDATE cases SET opened_at = ?, updated_at = ? WHERE id = ?').run(openedAt, openedAt, caseId);
  prepareCached(sqlite, 'UPDATE case_sla SET started_at = ? WHERE case_id = ?').run(openedAt, caseId);
  prepareCached(sqlite, 'UPDATE case_events SET at = ? WHERE case_id = ?').run(openedAt, caseId);
  prepareCached(sqlite, 'UPDATE reviews SET imported_at = ? WHERE id = ?').run(openedAt, reviewId);
}

/** Each target of a case with its planned points and when it was met. */
export function listCaseTargets(sqlite: Sqlite, caseId: number) {
  return prepareCached(sqlite, 'SELECT target, due_at AS dueAt, points_json AS pointsJson, met_at AS metAt FROM case_sla_targets WHERE case_id = ?').all(caseId) as {
    target: SlaTargetKind;
    dueAt: number | null;
    pointsJson: string;
    metAt: number | null;
  }[];
}
