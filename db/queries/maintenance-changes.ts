import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * The highest row id of each table whose growth a window shows. Rows are only appended to these
 * (ids never reused), so "id above the mark" is what was added since; each max is one seek to the
 * end of the table's b-tree, whatever its size.
 */
export interface ChangeMarks {
  reviews: number;
  cases: number;
  caseEvents: number;
  imports: number;
  evidence: number;
  alerts: number;
  notifications: number;
  slaEvents: number;
  audit: number;
}

/**
 * SQLite's counter of commits made by OTHER connections to this file (this connection's own
 * commits leave it alone). Reading it touches no table: it is the whole cost of a quiet poll.
 */
export function dataVersion(sqlite: Sqlite): number {
  return (prepareCached(sqlite, 'PRAGMA data_version').get() as { data_version: number }).data_version;
}

export function readChangeMarks(sqlite: Sqlite): ChangeMarks {
  return prepareCached(
    sqlite,
    `SELECT
       coalesce((SELECT max(id) FROM reviews), 0) AS reviews,
       coalesce((SELECT max(id) FROM cases), 0) AS cases,
       coalesce((SELECT max(id) FROM case_events), 0) AS caseEvents,
       coalesce((SELECT max(id) FROM import_runs), 0) AS imports,
       coalesce((SELECT max(id) FROM evidence), 0) AS evidence,
       coalesce((SELECT max(id) FROM alerts), 0) AS alerts,
       coalesce((SELECT max(id) FROM notifications), 0) AS notifications,
       coalesce((SELECT max(id) FROM sla_events), 0) AS slaEvents,
       coalesce((SELECT max(id) FROM audit_log), 0) AS audit`,
  ).get() as ChangeMarks;
}

export interface Arrivals {
  /** Reviews added above the mark, leaving out those of this process's own import runs. */
  reviews: number;
  /** Cases opened above the mark, with the same exclusion through their review. */
  cases: number;
  alerts: number;
  evidence: number;
  /** Distinct audit entities written above the mark (`case`, `shop`, `settings` …). */
  auditEntities: string[];
}

/**
 * What was added between two marks. Each count is a range scan over the new ids only. Rows of
 * runs `ownInstance` owns are left out: when this process's import and another process's commit
 * land within one poll, the notice still counts only what came from elsewhere.
 */
export function readArrivals(sqlite: Sqlite, from: ChangeMarks, to: ChangeMarks, ownInstance: string): Arrivals {
  const counts = prepareCached(
    sqlite,
    `SELECT
       (SELECT count(*) FROM reviews r WHERE r.id > ? AND r.id <= ?
          AND NOT EXISTS (SELECT 1 FROM import_runs i WHERE i.id = r.import_id AND i.owner_instance = ?)) AS reviews,
       (SELECT count(*) FROM cases c JOIN reviews r ON r.id = c.review_id WHERE c.id > ? AND c.id <= ?
          AND NOT EXISTS (SELECT 1 FROM import_runs i WHERE i.id = r.import_id AND i.owner_instance = ?)) AS cases,
       (SELECT count(*) FROM alerts WHERE id > ? AND id <= ?) AS alerts,
       (SELECT count(*) FROM evidence WHERE id > ? AND id <= ?) AS evidence`,
  ).get(from.reviews, to.reviews, ownInstance, from.cases, to.cases, ownInstance, from.alerts, to.alerts, from.evidence, to.evidence) as Omit<
    Arrivals,
    'auditEntities'
  >;
  const entities = prepareCached(sqlite, 'SELECT DISTINCT entity FROM audit_log WHERE id > ? AND id <= ?').all(from.audit, to.audit) as { entity: string }[];
  return { ...counts, auditEntities: entities.map((row) => row.entity) };
}
