import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const foundation: Migration = {
  async up(db: Kysely<any>) {
    await sql`
      CREATE TABLE shops (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('taobao','tmall','douyin','jd','pinduoduo','kuaishou')),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (platform, name)
      ) STRICT`.execute(db);
    await sql`
      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
        role TEXT NOT NULL CHECK (role IN ('agent','supervisor','legal','owner')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT`.execute(db);
    await sql`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before_json TEXT,
        after_json TEXT
      ) STRICT`.execute(db);
    await sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at)`.execute(db);
    await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);
    await sql`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT`.execute(db);
  },
};
