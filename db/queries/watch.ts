import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * The watched folder remembers files by path + size + mtime and by content hash, so a restart,
 * a copy under another name or a file touched without changes never imports twice.
 */
export type WatchedOutcome = 'imported' | 'failed';

export function countImportedWatchedFiles(sqlite: Sqlite): number {
  return (prepareCached(sqlite, "SELECT count(*) AS n FROM watched_files WHERE outcome = 'imported'").get() as { n: number }).n;
}

/** Whether this exact file (path, size, mtime) was taken before, whatever came of it. */
export function isWatchedFileTaken(sqlite: Sqlite, file: { path: string; size: number; mtimeMs: number }): boolean {
  return prepareCached(sqlite, 'SELECT 1 FROM watched_files WHERE path = ? AND size = ? AND mtime_ms = ?').get(file.path, file.size, file.mtimeMs) !== undefined;
}

/**
 * The import of earlier content with this hash, if any was imported. Only imported content
 * counts: a file that failed and comes back under a new name (after the user fixed a mapping)
 * must be tried again.
 */
export function findImportedContent(sqlite: Sqlite, sha256: string): { importId: number | null } | undefined {
  return prepareCached(sqlite, "SELECT import_id AS importId FROM watched_files WHERE sha256 = ? AND outcome = 'imported' LIMIT 1").get(sha256) as
    | { importId: number | null }
    | undefined;
}

export function rememberWatchedFile(
  sqlite: Sqlite,
  file: { path: string; size: number; mtimeMs: number; sha256: string; importId: number | null; outcome: WatchedOutcome; message: string | null; takenAt: number },
): void {
  prepareCached(
    sqlite,
    'INSERT OR IGNORE INTO watched_files (path, size, mtime_ms, sha256, import_id, outcome, message, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(file.path, file.size, file.mtimeMs, file.sha256, file.importId, file.outcome, file.message, file.takenAt);
}
