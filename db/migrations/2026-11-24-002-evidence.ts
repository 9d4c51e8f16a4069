import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const evidence: Migration = {
  async up(db: Kysely<any>) {
    // One row per piece of evidence. The bytes live in the vault under their SHA-256, so the row
    // never changes what it points at: content is immutable, only the metadata can be edited.
    await sql`
      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        size INTEGER NOT NULL CHECK (size > 0),
        original_name TEXT NOT NULL CHECK (length(original_name) BETWEEN 1 AND 1024),
        detected_type TEXT NOT NULL,
        mime TEXT NOT NULL,
        media TEXT NOT NULL CHECK (media IN ('image','audio','video','pdf','text','other')),
        previewable INTEGER NOT NULL CHECK (previewable IN (0,1)),
        extension_mismatch INTEGER NOT NULL CHECK (extension_mismatch IN (0,1)),
        width INTEGER CHECK (width > 0),
        height INTEGER CHECK (height > 0),
        duration_ms INTEGER CHECK (duration_ms >= 0),
        kind TEXT NOT NULL CHECK (kind IN ('chat_record','call_recording','qc_report','logistics_proof','unboxing_video','other')),
        captured_at INTEGER,
        source TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 200),
        tags_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags_json) AND json_type(tags_json) = 'array'),
        notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
        added_at INTEGER NOT NULL,
        added_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        trashed_at INTEGER,
        trashed_by TEXT
      ) STRICT`.execute(db);
    // Deduplication: the same bytes are one live piece of evidence; a trashed copy does not block
    // adding them again.
    await sql`CREATE UNIQUE INDEX evidence_live_sha256 ON evidence (sha256) WHERE trashed_at IS NULL`.execute(db);
    await sql`CREATE INDEX evidence_sha256 ON evidence (sha256)`.execute(db);
    await sql`CREATE INDEX evidence_added_at ON evidence (added_at)`.execute(db);
    // Cases, orders, customers and reviews arrive in later issues, so links name their target by
    // type and id without a foreign key.
    await sql`
      CREATE TABLE evidence_links (
        evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
        target_type TEXT NOT NULL CHECK (target_type IN ('case','order','customer','review')),
        target_id TEXT NOT NULL CHECK (length(target_id) BETWEEN 1 AND 100),
        linked_at INTEGER NOT NULL,
        linked_by TEXT NOT NULL,
        PRIMARY KEY (evidence_id, target_type, target_id)
      ) STRICT`.execute(db);
    await sql`CREATE INDEX evidence_links_target ON evidence_links (target_type, target_id)`.execute(db);
  },
};
