import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const inboxPriority: Migration = {
  async up(db: Kysely<any>) {
    // The inbox's default order (差评, then 中评, then 好评; the most urgent first within each) reads
    // each group from its own index, so every keyset page is a short index walk at a million rows:
    // open cases of a level by due time, that level's cases without a due time newest first, and
    // reviews of a level newest first (好评 have no case).
    await sql`CREATE INDEX cases_level_due ON cases (level, due_at, posted_at DESC, review_id DESC) WHERE due_at IS NOT NULL`.execute(db);
    await sql`CREATE INDEX cases_level_nodue ON cases (level, posted_at, review_id) WHERE due_at IS NULL`.execute(db);
    await sql`CREATE INDEX reviews_level_posted ON reviews (level, posted_at, id)`.execute(db);
  },
};
