import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Sqlite } from './connection';
import { fileStamp } from './files';
import { vacuumInto } from './queries/maintenance';

function fsyncPath(path: string, flags: 'r' | 'r+') {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * VACUUM INTO a durable copy: SQLite does not fsync the file VACUUM INTO writes, so the copy goes
 * to `<path>.partial`, is fsynced, renamed, and the folder fsynced. A failure (disk full) leaves no
 * half-written file under a backup's name.
 */
export function vacuumIntoDurably(sqlite: Sqlite, path: string): void {
  const partial = `${path}.partial`;
  try {
    vacuumInto(sqlite, partial);
    fsyncPath(partial, 'r+');
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  try {
    fsyncPath(dirname(path), 'r');
  } catch {
    // Windows cannot open a folder for fsync; its rename is already durable enough there.
  }
}

/**
 * Writes a consistent, compacted copy of the open database (safe while the app is in use) into
 * `dir`, durable when this returns.
 */
export function backupDatabase(sqlite: Sqlite, dir: string, now: number, label = 'manual') {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `reviewdesk-${fileStamp(now)}-${label}.sqlite`);
  vacuumIntoDurably(sqlite, path);
  return { path, bytes: statSync(path).size };
}
