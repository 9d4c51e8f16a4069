import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const families = sql.raw(`('general','electronics','food','beauty','clothing','appliances')`);

// Frozen in time: never edit once released; add a new migration instead.
export const classificationScorer: Migration = {
  async up(db: Kysely<any>) {
    // Why the scorer chose the category (winner, runner-up, reasons with spans, confidence), and
    // whether the case waits for a person to pick one (待确认). NULL on cases from before the scorer.
    await sql`ALTER TABLE cases ADD COLUMN category_explanation_json TEXT CHECK (category_explanation_json IS NULL OR json_valid(category_explanation_json))`.execute(db);
    await sql`ALTER TABLE cases ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0 CHECK (needs_review IN (0, 1))`.execute(db);
    await sql`CREATE INDEX cases_needs_review ON cases (posted_at, review_id) WHERE needs_review = 1`.execute(db);

    // Which product family a category rule's words belong to, and what a shop sells.
    await sql`ALTER TABLE category_rules ADD COLUMN product_family TEXT NOT NULL DEFAULT 'general' CHECK (product_family IN ${families})`.execute(db);
    await sql`ALTER TABLE shops ADD COLUMN product_family TEXT CHECK (product_family IS NULL OR product_family IN ${families})`.execute(db);

    // A buyer reporting the shop's own cash-for-review offer is a flag of its own, and an alert
    // of its own kind for the owner. SQLite cannot widen a CHECK in place: the flags table is
    // rebuilt (it is small and nothing references it).
    await sql`
      CREATE TABLE review_flags_new (
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('extortion','competitor','burst','high_return_rate','same_device','compliance_risk')),
        evidence TEXT NOT NULL,
        params_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params_json) AND json_type(params_json) = 'object'),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (review_id, type)
      ) STRICT, WITHOUT ROWID`.execute(db);
    await sql`INSERT INTO review_flags_new SELECT review_id, type, evidence, params_json, created_at FROM review_flags`.execute(db);
    await sql`DROP TABLE review_flags`.execute(db);
    await sql`ALTER TABLE review_flags_new RENAME TO review_flags`.execute(db);
    await sql`CREATE INDEX review_flags_type ON review_flags (type, review_id)`.execute(db);

    await sql`ALTER TABLE alerts ADD COLUMN kind TEXT NOT NULL DEFAULT 'monitor' CHECK (kind IN ('monitor','compliance_risk'))`.execute(db);
  },
};
