import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const slaBreachIndex: Migration = {
  async up(db: Kysely<any>) {
    // The breached-cases badge is counted after every tick and transition. Without this index the
    // planner walked every case to find the few with a breach; with it the count reads only the
    // breach points that fired.
    await sql`CREATE INDEX sla_events_breach ON sla_events (case_id, target) WHERE point = 'breach'`.execute(db);
  },
};
