import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const databaseFileName = 'reviewdesk.sqlite';

export function databasePath(dataDir: string): string {
  return join(dataDir, databaseFileName);
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

const sqliteMagic = 'SQLite format 3\u0000';

/** 'missing' and 'empty' both mean "a new database will be created". */
export function inspectDatabaseFile(path: string): 'missing' | 'empty' | 'sqlite' | 'not-sqlite' {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return 'missing';
  }
  if (size === 0) return 'empty';
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, 16, 0);
    return read === 16 && header.toString('latin1') === sqliteMagic ? 'sqlite' : 'not-sqlite';
  } finally {
    closeSync(fd);
  }
}

/** A file-system-safe timestamp such as 20261124T093000123Z. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}
