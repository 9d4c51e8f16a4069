import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const caseRouting: Migration = {
  async up(db: Kysely<any>) {
    // The role a case is routed to: its policy's owner role when it opens, the next role up after
    // an escalation. An open case with no assignee sits in that role's pool until someone claims it.
    await sql`ALTER TABLE cases ADD COLUMN pool_role TEXT CHECK (pool_role IS NULL OR pool_role IN ('agent','supervisor','legal','owner'))`.execute(db);
    // Open cases from before routing land in their policy owner's pool, so nobody's queue misses them.
    await sql`UPDATE cases SET pool_role = (
        SELECT v.owner_role FROM case_sla s JOIN sla_policy_versions v ON v.id = s.policy_version_id WHERE s.case_id = cases.id)
      WHERE status <> 'closed'`.execute(db);
    // Each person's open cases, counted by routing from the index alone.
    await sql`CREATE INDEX cases_open_assignee ON cases (assignee_id) WHERE status <> 'closed'`.execute(db);
    // The pool per role, most urgent first.
    await sql`CREATE INDEX cases_pool ON cases (pool_role, due_at) WHERE assignee_id IS NULL AND status <> 'closed'`.execute(db);
  },
};
