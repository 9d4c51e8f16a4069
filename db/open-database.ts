import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, type Migration } from 'kysely/migration';
import { vacuumIntoDurably } from './backup';
import { createKysely, openSqlite, type Db, type Sqlite } from './connection';
import { forgetCleanClose, untouchedSinceCleanClose } from './clean-close';
import { backupsDir, databasePath, fileStamp, inspectDatabaseFile } from './files';
import { migrations as allMigrations } from './migrations';

export type OpenFailureReason = 'corrupt' | 'migration-failed' | 'newer-schema' | 'unreadable';

export type OpenResult =
  | {
      ok: true;
      sqlite: Sqlite;
      db: Db;
      dbPath: string;
      schemaVersion: string;
      /** Path of the copy taken before migrating an existing database, if any. */
      backupPath: string | null;
      appliedMigrations: string[];
    }
  | { ok: false; reason: OpenFailureReason; message: string; dbPath: string; backupsDir: string };

export interface OpenOptions {
  dataDir: string;
  now: () => number;
  /** Tests inject failing or extra migrations; the app always uses the static map. */
  migrations?: Record<string, Migration>;
}

function migratorFor(db: Db, migrations: Record<string, Migration>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // We wrap the whole run in one SQLite transaction ourselves: Kysely treats SQLite DDL as
    // non-transactional, but SQLite rolls DDL back fine, and a half-migrated file is never allowed.
    disableTransactions: true,
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens the database in `dataDir`, checking it before anything writes to it, copying it aside
 * before migrating, and migrating in one transaction. Never throws for a bad file: the caller
 * shows the startup-error screen from the returned reason instead of crash-looping.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenResult> {
  const migrations = options.migrations ?? allMigrations;
  const dbPath = databasePath(options.dataDir);
  const backups = backupsDir(options.dataDir);
  const fail = (reason: OpenFailureReason, message: string): OpenResult => ({
    ok: false,
    reason,
    message,
    dbPath,
    backupsDir: backups,
  });

  mkdirSync(options.dataDir, { recursive: true });
  const kind = inspectDatabaseFile(dbPath);
  if (kind === 'not-sqlite') {
    return fail('corrupt', 'The database file is not a SQLite database (its header is damaged).');
  }
  if (kind === 'sqlite') {
    // Read-only first: a damaged file must not be touched by WAL set-up or migrations. Always
    // checked before migrating; otherwise unless this app closed it cleanly and it is untouched.
    try {
      const probe = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        const executed = executedMigrationNames(probe);
        const migrating = Object.keys(migrations).some((name) => !executed.includes(name));
        if (migrating || !untouchedSinceCleanClose(dbPath)) {
          const result = probe.pragma('quick_check', { simple: true });
          if (result !== 'ok') return fail('corrupt', `SQLite integrity check failed: ${String(result)}`);
        }
      } finally {
        probe.close();
      }
    } catch (error) {
      return fail('corrupt', `The database file cannot be read: ${describe(error)}`);
    }
  }

  forgetCleanClose(dbPath);
  let sqlite: Sqlite;
  try {
    sqlite = openSqlite(dbPath);
  } catch (error) {
    return fail('unreadable', `The database file cannot be opened: ${describe(error)}`);
  }
  const db = createKysely(sqlite);
  const close = async () => {
    await db.destroy(); // closes the better-sqlite3 handle too
  };

  try {
    const migrator = migratorFor(db, migrations);
    const known = await migrator.getMigrations();
    const executed = executedMigrationNames(sqlite);
    const unknown = executed.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      await close();
      return fail(
        'newer-schema',
        `This database was written by a newer version of ReviewDesk (migration ${unknown.at(-1)}). Update the app to open it.`,
      );
    }
    const pending = known.filter((m) => !m.executedAt).map((m) => m.name);
    let backupPath: string | null = null;
    if (pending.length > 0 && kind === 'sqlite') {
      mkdirSync(backups, { recursive: true });
      backupPath = join(backups, `reviewdesk-${fileStamp(options.now())}-before-${pending[0]}.sqlite`);
      vacuumIntoDurably(sqlite, backupPath);
    }
    if (pending.length > 0) {
      sqlite.pragma('synchronous = FULL');
      sqlite.exec('BEGIN IMMEDIATE');
      const { error, results } = await migrator.migrateToLatest();
      if (error) {
        sqlite.exec('ROLLBACK');
        await close();
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
        return fail(
          'migration-failed',
          `Updating the database failed at ${failed}: ${describe(error)}. Nothing was changed${backupPath ? `; a copy was kept at ${backupPath}` : ''}.`,
        );
      }
      sqlite.exec('COMMIT');
      sqlite.pragma('synchronous = NORMAL');
    }
    const schemaVersion = executedMigrationNames(sqlite).at(-1) ?? '';
    return { ok: true, sqlite, db, dbPath, schemaVersion, backupPath, appliedMigrations: pending };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    await close();
    return fail('migration-failed', `Opening the database failed: ${describe(error)}`);
  }
}

const migrationTable = 'kysely_migration';

/** Names of migrations already applied to this file, oldest first. */
export function executedMigrationNames(sqlite: Sqlite): string[] {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(migrationTable);
  if (!exists) return [];
  return (
    sqlite.prepare(`SELECT name FROM ${migrationTable} ORDER BY name`).all() as { name: string }[]
  ).map((row) => row.name);
}
