import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
const categories = sql.raw(`('logistics','quality','mismatch','wrong_item','service','malicious','other')`);

export const classifyExamples: Migration = {
  async up(db: Kysely<any>) {
    // A person's recategorisation, kept as a labelled example the learned model trains on. The
    // text is copied, not joined: the example outlives a re-import, a deleted review or a purged
    // shop's rows, and it is what the person saw when they chose. Every correction is a row (the
    // history); training takes the newest per case.
    await sql`
      CREATE TABLE classify_examples (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
        shop_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        follow_up_text TEXT,
        from_category TEXT NOT NULL CHECK (from_category IN ${categories}),
        to_category TEXT NOT NULL CHECK (to_category IN ${categories}),
        actor TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX classify_examples_case ON classify_examples (case_id, id)`.execute(db);
    await sql`CREATE INDEX classify_examples_shop ON classify_examples (shop_id, at)`.execute(db);
  },
};
