import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * Writes a consistent, compacted copy of the open database to `path` (safe while the app is in
 * use). SQLite does not fsync that file; db/backup.ts makes the copy durable.
 */
export function vacuumInto(sqlite: Sqlite, path: string): void {
  prepareCached(sqlite, 'VACUUM INTO ?').run(path);
}
