import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';

const names = Object.keys(migrations).sort();

function memoryDb() {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return { sqlite, db, migrator };
}

/** Tables, columns and indexes as text, so any schema change shows up in review as a snapshot diff. */
function describeSchema(sqlite: Database.Database): string {
  const rows = sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  return rows.map((row) => `${row.type} ${row.name}\n${(row.sql ?? '').replace(/\s+/g, ' ').trim()}`).join('\n\n');
}

describe('migrations', () => {
  it('are named YYYY-MM-DD-NNN-words and sort in the order they were written', () => {
    for (const name of names) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{3}-[a-z0-9-]+$/);
  });

  it('2026-11-24-001-foundation creates the foundation tables with their rules', async () => {
    const { sqlite, db, migrator } = memoryDb();
    const result = await migrator.migrateTo('2026-11-24-001-foundation');
    expect(result.error).toBeUndefined();
    const insertShop = sqlite.prepare('INSERT INTO shops (platform, name, created_at, updated_at) VALUES (?, ?, 1, 1)');
    insertShop.run('taobao', '木棉生活小店');
    expect(() => insertShop.run('taobao', '木棉生活小店')).toThrow(/UNIQUE/);
    expect(() => insertShop.run('amazon', 'x')).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO staff (name, role, created_at, updated_at) VALUES ('a', 'boss', 1, 1)").run()).toThrow(/CHECK/);
    // STRICT: a wrong type is refused instead of silently stored.
    expect(() => sqlite.prepare("INSERT INTO audit_log (at, actor, action, entity) VALUES ('yesterday', 'a', 'b', 'c')").run()).toThrow();
    await db.destroy();
  });

  it('match the schema snapshot', async () => {
    const { sqlite, db, migrator } = memoryDb();
    const result = await migrator.migrateToLatest();
    expect(result.error).toBeUndefined();
    expect(describeSchema(sqlite)).toMatchSnapshot();
    await db.destroy();
  });
});
