import { createHash } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../tests/helpers/temp-dir';
import { databasePath } from './files';
import { migrations } from './migrations';
import { executedMigrationNames, openDatabase } from './open-database';

const tempDir = useTempDirs();
const now = () => Date.UTC(2026, 10, 24, 1, 30);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function createReadyDatabase(dataDir: string) {
  const opened = await openDatabase({ dataDir, now });
  if (!opened.ok) throw new Error(opened.message);
  await opened.db.insertInto('staff').values({ name: '张敏', role: 'owner', active: 1, created_at: 1, updated_at: 1 }).execute();
  await opened.db.destroy();
}

describe('openDatabase', () => {
  it('creates a new database with every migration and the pragmas in force', async () => {
    const dataDir = tempDir();
    const opened = await openDatabase({ dataDir, now });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.schemaVersion).toBe(Object.keys(migrations).sort().at(-1));
    expect(opened.backupPath).toBeNull();
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    await opened.db.destroy();
  });

  it('refuses a file whose first page was overwritten and leaves it byte for byte as it was', async () => {
    const dataDir = tempDir();
    await createReadyDatabase(dataDir);
    const path = databasePath(dataDir);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
    closeSync(fd);
    const before = sha(path);

    const opened = await openDatabase({ dataDir, now });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.reason).toBe('corrupt');
    expect(opened.message).toMatch(/not a SQLite database/);
    expect(opened.dbPath).toBe(path);
    expect(opened.backupsDir).toBe(join(dataDir, 'backups'));
    expect(sha(path)).toBe(before);
  });

  it('refuses a file that is not a database at all without touching it', async () => {
    const dataDir = tempDir();
    writeFileSync(databasePath(dataDir), '订单号,评价内容\n1,差评\n');
    const before = sha(databasePath(dataDir));
    const opened = await openDatabase({ dataDir, now });
    expect(opened.ok || opened.reason).toBe('corrupt');
    expect(sha(databasePath(dataDir))).toBe(before);
  });

  it('copies an existing database aside before migrating it', async () => {
    const dataDir = tempDir();
    await createReadyDatabase(dataDir);
    const extra: Record<string, Migration> = {
      ...migrations,
      '2099-01-01-001-extra': {
        async up(db) {
          await sql`ALTER TABLE staff ADD COLUMN pin TEXT`.execute(db);
        },
      },
    };
    const opened = await openDatabase({ dataDir, now, migrations: extra });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.appliedMigrations).toEqual(['2099-01-01-001-extra']);
    expect(opened.backupPath).toMatch(/before-2099-01-01-001-extra\.sqlite$/);
    expect(existsSync(opened.backupPath!)).toBe(true);
    await opened.db.destroy();

    // The copy is the pre-migration database, with the data in it.
    const backup = new Database(opened.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT name FROM staff').all()).toEqual([{ name: '张敏' }]);
    expect(backup.prepare("SELECT count(*) n FROM pragma_table_info('staff') WHERE name = 'pin'").get()).toEqual({ n: 0 });
    backup.close();
  });

  it('rolls a failing migration back entirely and reports it, never leaving a half-migrated file', async () => {
    const dataDir = tempDir();
    await createReadyDatabase(dataDir);
    const failing: Record<string, Migration> = {
      ...migrations,
      '2099-01-01-001-half': {
        async up(db) {
          await sql`CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT`.execute(db);
          await sql`ALTER TABLE no_such_table ADD COLUMN x TEXT`.execute(db);
        },
      },
    };
    const opened = await openDatabase({ dataDir, now, migrations: failing });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.reason).toBe('migration-failed');
    expect(opened.message).toMatch(/2099-01-01-001-half/);
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(1);

    const reopened = await openDatabase({ dataDir, now });
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(executedMigrationNames(reopened.sqlite)).toEqual(Object.keys(migrations).sort());
    expect(reopened.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    expect(reopened.sqlite.prepare('SELECT count(*) n FROM staff').get()).toEqual({ n: 1 });
    await reopened.db.destroy();
  });

  it('refuses a database written by a newer version of the app', async () => {
    const dataDir = tempDir();
    const newer = { ...migrations, '2999-01-01-001-future': { async up() {} } };
    const first = await openDatabase({ dataDir, now, migrations: newer });
    if (first.ok) await first.db.destroy();
    const opened = await openDatabase({ dataDir, now });
    expect(opened.ok || opened.reason).toBe('newer-schema');
  });
});
