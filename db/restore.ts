import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupFileName, partialPathFor } from './backup-files';
import { forgetCleanClose } from './clean-close';
import { backupsDir, databasePath, inspectDatabaseFile } from './files';
import { migrations } from './migrations';
import { executedMigrationNames } from './open-database';
import { backupContents, type BackupContents } from './queries/maintenance';

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

function fsyncFile(path: string, flags: 'r' | 'r+') {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFolder(path: string) {
  try {
    fsyncFile(path, 'r');
  } catch {
    // Windows cannot open a folder for fsync; its rename is already durable enough there.
  }
}

/** The companions SQLite may keep beside a database: a log or journal that belongs to that file and would be replayed into any other file put in its place. */
const companions = ['-wal', '-journal'] as const;

/**
 * Puts a backup in the database's place. The caller has checked the backup (`inspectBackup`),
 * closed its own connection and made sure nobody else has the file open (`isDatabaseInUse`).
 * The backup is copied next to the database first (a full disk leaves everything as it was),
 * then the current file and its log are moved aside, byte for byte, into the backups folder as
 * `…-before-restore.sqlite`, and the copy renamed into place. Returns the aside copy's path (null
 * when there was no database).
 */
export function swapInBackup(dataDir: string, backupPath: string, now: number): { asidePath: string | null } {
  const dbPath = databasePath(dataDir);
  const backups = backupsDir(dataDir);
  mkdirSync(backups, { recursive: true });
  const incoming = partialPathFor(dbPath);
  try {
    copyFileSync(backupPath, incoming);
    fsyncFile(incoming, 'r+');
  } catch (error) {
    rmSync(incoming, { force: true });
    throw error;
  }
  const asidePath = existsSync(dbPath) ? join(backups, backupFileName(now, 'before-restore')) : null;
  const moved: [string, string][] = [];
  try {
    forgetCleanClose(dbPath);
    if (asidePath) {
      renameSync(dbPath, asidePath);
      moved.push([asidePath, dbPath]);
      for (const suffix of companions) {
        if (!existsSync(`${dbPath}${suffix}`)) continue;
        renameSync(`${dbPath}${suffix}`, `${asidePath}${suffix}`);
        moved.push([`${asidePath}${suffix}`, `${dbPath}${suffix}`]);
      }
    }
    // The shared-memory index describes the old log; SQLite rebuilds it on open.
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(incoming, dbPath);
  } catch (error) {
    for (const [from, to] of moved.reverse()) renameSync(from, to);
    rmSync(incoming, { force: true });
    throw error;
  }
  fsyncFolder(dirname(dbPath));
  fsyncFolder(backups);
  return { asidePath };
}
