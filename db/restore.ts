import Database from 'better-sqlite3';
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupFileName, partialPathFor } from './backup-files';
import { forgetCleanClose } from './clean-close';
import { backupsDir, databasePath, inspectDatabaseFile } from './files';
import { migrations } from './migrations';
import { executedMigrationNames } from './open-database';
import { backupContents, type BackupContents } from './queries/maintenance';
import { fsyncFolder, fsyncPath } from './fsync';

export interface BackupInspection {
  ok: boolean;
  /** Why the file cannot be restored, in words a person can act on; null when it can. */
  problem: string | null;
  schemaVersion: string | null;
  /** Null when the copy is damaged or from before the tables it counts existed. */
  contents: BackupContents | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Opens a backup read-only and says whether it can be restored: a SQLite header, a clean
 * `quick_check` (the check the app runs when it opens a file), written by this or an older
 * version; and what it holds. Changes nothing.
 */
export function inspectBackup(path: string): BackupInspection {
  const refused = (problem: string): BackupInspection => ({ ok: false, problem, schemaVersion: null, contents: null });
  const kind = inspectDatabaseFile(path);
  if (kind === 'missing') return refused(`${path} does not exist.`);
  if (kind === 'empty') return refused(`${path} is empty.`);
  if (kind === 'not-sqlite') return refused(`${path} is not a SQLite database (its header is damaged or it is another kind of file).`);
  let copy: Database.Database | undefined;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
    const problems = (copy.pragma('quick_check') as { quick_check: string }[])
      .flatMap((row) => row.quick_check.split('\n'))
      .filter((line) => line !== 'ok' && !line.startsWith('***'));
    if (problems.length > 0) {
      return refused(`${path} is damaged: its integrity check failed with ${problems.length} problem(s), the first: ${problems[0]}.`);
    }
    const executed = executedMigrationNames(copy);
    if (executed.length === 0) return refused(`${path} is not a ReviewDesk database (it has no schema version).`);
    const unknown = executed.filter((name) => !(name in migrations));
    if (unknown.length > 0) return refused(`${path} was written by a newer version of ReviewDesk (${unknown.at(-1)}); update the app first.`);
    let contents: BackupContents | null = null;
    try {
      contents = backupContents(copy);
    } catch {
      // A copy taken before a migration may lack a table; it is restorable and migrates on open.
    }
    return { ok: true, problem: null, schemaVersion: executed.at(-1) ?? null, contents };
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return refused(`${path} is damaged: ${describe(error)}.`);
    return refused(`${path} cannot be read: ${describe(error)}.`);
  } finally {
    copy?.close();
  }
}

/**
 * True when another connection has the database open. In WAL mode every open connection holds
 * a shared lock on the file for as long as it is open, so an exclusive lock is refused while
 * the app (or a CLI command) has it, idle or not. A file that cannot be read at all is held by
 * nobody: nothing can have it open as a database.
 */
export function isDatabaseInUse(dbPath: string): boolean {
  if (!existsSync(dbPath)) return false;
  let probe: Database.Database | undefined;
  try {
    probe = new Database(dbPath, { fileMustExist: true, timeout: 0 });
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED';
  } finally {
    probe?.close();
  }
}

/** The companions SQLite may keep beside a database: a log or journal that belongs to that file and would be replayed into any other file put in its place. */
const companions = ['-wal', '-journal'] as const;

/** A second name for the same bytes (instant, nothing copied); a copy where the file system has no hard links. */
function keepAs(from: string, to: string) {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
    fsyncPath(to, 'r+');
  }
}

/**
 * Puts a backup in the database's place. The caller has checked the backup (`inspectBackup`),
 * closed its own connection and made sure nobody else has the file open (`isDatabaseInUse`).
 * Order matters for a crash at any point: the backup is copied next to the database first (a
 * full disk leaves everything as it was); the current file and its log get a second name in the
 * backups folder (`…-before-restore.sqlite`, byte for byte); the old log is removed so it cannot
 * be replayed into the restored file; then one rename replaces the database. The database's name
 * always holds either the old file or the restored one; a half-done restore leaves the old one
 * and a partial copy that the next start removes. Returns the aside copy's path (null when there
 * was no database).
 */
export function swapInBackup(dataDir: string, backupPath: string, now: number): { asidePath: string | null } {
  const dbPath = databasePath(dataDir);
  const backups = backupsDir(dataDir);
  mkdirSync(backups, { recursive: true });
  const incoming = partialPathFor(dbPath);
  const asidePath = existsSync(dbPath) ? join(backups, backupFileName(now, 'before-restore')) : null;
  const kept: string[] = [];
  try {
    copyFileSync(backupPath, incoming);
    fsyncPath(incoming, 'r+');
    if (asidePath) {
      keepAs(dbPath, asidePath);
      kept.push(asidePath);
      for (const suffix of companions) {
        if (!existsSync(`${dbPath}${suffix}`)) continue;
        keepAs(`${dbPath}${suffix}`, `${asidePath}${suffix}`);
        kept.push(`${asidePath}${suffix}`);
      }
    }
  } catch (error) {
    for (const path of [incoming, ...kept]) rmSync(path, { force: true });
    throw error;
  }
  forgetCleanClose(dbPath);
  // The log and its shared-memory index describe the old file; the aside copy keeps the log.
  for (const suffix of [...companions, '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  try {
    renameSync(incoming, dbPath);
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  fsyncFolder(dirname(dbPath));
  fsyncFolder(backups);
  return { asidePath };
}
