import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const notificationGroups: Migration = {
  async up(db: Kysely<any>) {
    // Points that fire in the same tick with the same kind, target and percent share a key, so the
    // centre shows one line ("12 个工单首次响应即将到期") that opens into its cases. NULL: a
    // notification of its own (away summary, a failed watched file, rows from before groups).
    await sql`ALTER TABLE notifications ADD COLUMN group_key TEXT`.execute(db);
    await sql`CREATE INDEX notifications_group ON notifications (group_key, id) WHERE group_key IS NOT NULL`.execute(db);
  },
};
