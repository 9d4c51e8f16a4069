import Database from 'better-sqlite3';
import { inspectDatabaseFile } from './files';
import { latestMigrationName, migrations } from './migrations';
import { executedMigrationNames } from './open-database';

export interface VerifyResult {
  ok: boolean;
  dbPath: string;
  integrity: string[];
  schemaVersion: string | null;
  expectedSchemaVersion: string;
  pendingMigrations: string[];
  message: string;
}

/**
 * Checks a database file without changing it: header, full integrity_check, foreign keys and
 * schema version. Safe to run while the app has the file open (WAL readers do not block).
 */
export function verifyDatabaseFile(dbPath: string): VerifyResult {
  const base = { dbPath, expectedSchemaVersion: latestMigrationName };
  const kind = inspectDatabaseFile(dbPath);
  if (kind === 'missing' || kind === 'empty') {
    return {
      ok: false,
      ...base,
      integrity: [],
      schemaVersion: null,
      pendingMigrations: Object.keys(migrations).sort(),
      message: `No database at ${dbPath}. Run "init" first.`,
    };
  }
  if (kind === 'not-sqlite') {
    return {
      ok: false,
      ...base,
      integrity: ['file header is not SQLite'],
      schemaVersion: null,
      pendingMigrations: [],
      message: `The database file ${dbPath} is damaged: its header is not a SQLite header. Restore a copy from the backups folder: "reviewdesk restore --latest", or "Restore the latest good backup" on the app's start-up screen.`,
    };
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map(
      (row) => row.integrity_check,
    );
    const fkProblems = sqlite.pragma('foreign_key_check') as unknown[];
    const executed = executedMigrationNames(sqlite);
    const pending = Object.keys(migrations)
      .sort()
      .filter((name) => !executed.includes(name));
    const intact = integrity.length === 1 && integrity[0] === 'ok';
    const problems: string[] = [];
    if (!intact) problems.push(`integrity check failed (${integrity.length} problem(s))`);
    if (fkProblems.length > 0) problems.push(`${fkProblems.length} broken reference(s)`);
    if (pending.length > 0) problems.push(`${pending.length} migration(s) not applied`);
    const ok = problems.length === 0;
    return {
      ok,
      ...base,
      integrity: intact ? ['ok'] : integrity,
      schemaVersion: executed.at(-1) ?? null,
      pendingMigrations: pending,
      message: ok ? 'Database is intact and up to date.' : `Database check failed: ${problems.join('; ')}.`,
    };
  } catch (error) {
    return {
      ok: false,
      ...base,
      integrity: [error instanceof Error ? error.message : String(error)],
      schemaVersion: null,
      pendingMigrations: [],
      message: `The database file ${dbPath} cannot be read: ${error instanceof Error ? error.message : String(error)}. Restore a copy from the backups folder: "reviewdesk restore --latest", or "Restore the latest good backup" on the app's start-up screen.`,
    };
  } finally {
    sqlite?.close();
  }
}
