import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const casesList: Migration = {
  async up(db: Kysely<any>) {
    // The cases list's orders, walked by index instead of sorting every case at each page. The
    // expressions are the ones db/queries/cases-list.ts orders by (dueKeySql, urgencyRankSql):
    // deadline (closed cases last), then malicious first, then severity, then id.
    await sql`CREATE INDEX cases_list_deadline ON cases (
      coalesce(due_at, 9007199254740991),
      ((CASE WHEN category = 'malicious' THEN 0 ELSE 4 END) + (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)),
      id)`.execute(db);
    await sql`CREATE INDEX cases_list_severity ON cases (
      ((CASE WHEN category = 'malicious' THEN 0 ELSE 4 END) + (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)),
      coalesce(due_at, 9007199254740991),
      id)`.execute(db);
    await sql`CREATE INDEX cases_list_opened ON cases (opened_at, id)`.execute(db);
    // The board's 暂停 badges count paused cases from their SLA rows alone.
    await sql`CREATE INDEX case_sla_paused ON case_sla (case_id) WHERE paused_reason IS NOT NULL`.execute(db);
    // A board column (one status, one person) reads its first cards in deadline order from these.
    await sql`CREATE INDEX cases_list_status ON cases (
      status,
      coalesce(due_at, 9007199254740991),
      ((CASE WHEN category = 'malicious' THEN 0 ELSE 4 END) + (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)),
      id)`.execute(db);
    await sql`CREATE INDEX cases_list_assignee ON cases (
      assignee_id,
      coalesce(due_at, 9007199254740991),
      ((CASE WHEN category = 'malicious' THEN 0 ELSE 4 END) + (CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END)),
      id)`.execute(db);
  },
};
