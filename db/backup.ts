import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sqlite } from './connection';
import { fileStamp } from './files';

/**
 * Writes a consistent, compacted copy of the open database with VACUUM INTO (safe while the app
 * is in use; readers and writers are not blocked for long). synchronous=FULL around it so the
 * copy is durable when this returns.
 */
export function backupDatabase(sqlite: Sqlite, dir: string, now: number, label = 'manual') {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `reviewdesk-${fileStamp(now)}-${label}.sqlite`);
  sqlite.pragma('synchronous = FULL');
  try {
    sqlite.prepare('VACUUM INTO ?').run(path);
  } finally {
    sqlite.pragma('synchronous = NORMAL');
  }
  return { path, bytes: statSync(path).size };
}
