import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupFileName, manifestPathFor, partialPathFor } from './backup-files';
import type { Sqlite } from './connection';
import { vacuumInto, vaultObjects } from './queries/maintenance';
import { fsyncFolder, fsyncPath } from './fsync';

/**
 * VACUUM INTO a durable copy: SQLite does not fsync the file VACUUM INTO writes, so the copy goes
 * to a `.partial` named with this process's pid, is fsynced, renamed, and the folder fsynced. A
 * failure (disk full) leaves no half-written file under a backup's name; a kill leaves a partial
 * that the next start removes.
 */
export function vacuumIntoDurably(sqlite: Sqlite, path: string): void {
  const partial = partialPathFor(path);
  try {
    vacuumInto(sqlite, partial);
    fsyncPath(partial, 'r+');
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  fsyncFolder(dirname(path));
}

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface BackupResult {
  path: string;
  bytes: number;
  manifestPath: string;
  vaultObjects: number;
}

/** Pages copied per step of the online backup; between steps the app's own queries run. */
const pagesPerStep = 256;

/**
 * The vault manifest of a finished copy: every object the copy refers to, by SHA-256 and size.
 * The vault's files are content-addressed and never change, so a backup holds their list, not
 * their bytes; the list says which objects a restored database needs.
 */
function finishCopy(copyPath: string, manifestPath: string, takenAt: number) {
  // The copy is a WAL database like its source; in rollback mode it is one self-contained file
  // that opens read-only without a -wal or -shm beside it (previews, checks, restores).
  const copy = new Database(copyPath, { fileMustExist: true });
  let objects;
  try {
    copy.pragma('journal_mode = DELETE');
    objects = vaultObjects(copy);
  } finally {
    copy.close();
  }
  fsyncPath(copyPath, 'r+');
  const partial = partialPathFor(manifestPath);
  const body = { takenAt: new Date(takenAt).toISOString(), algorithm: 'SHA-256', count: objects.length, objects };
  writeFileSync(partial, `${JSON.stringify(body)}\n`);
  fsyncPath(partial, 'r+');
  renameSync(partial, manifestPath);
  return objects.length;
}

/**
 * Writes a consistent copy of the open database into `dir` with SQLite's online backup API: it
 * copies a few hundred pages at a time and lets the app's queries run in between, so it is safe
 * while the app is in use. The copy goes to a pid-named `.partial` and is renamed once fsynced;
 * the vault manifest is written beside it. Durable when this resolves.
 */
export async function backupDatabase(
  sqlite: Sqlite,
  dir: string,
  now: number,
  label = 'manual',
  onProgress?: (progress: BackupProgress) => void,
): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, backupFileName(now, label));
  const partial = partialPathFor(path);
  const manifestPath = manifestPathFor(path);
  let vaultCount: number;
  try {
    await sqlite.backup(partial, {
      progress(progress) {
        onProgress?.(progress);
        return pagesPerStep;
      },
    });
    vaultCount = finishCopy(partial, manifestPath, now);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
  fsyncFolder(dir);
  return { path, bytes: statSync(path).size, manifestPath, vaultObjects: vaultCount };
}
