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

/**
 * Records how a file ended, replacing what was recorded for the same path, size and mtime (the
 * provisional entry written before its import began).
 */
export function rememberWatchedFile(
  sqlite: Sqlite,
  file: { path: string; size: number; mtimeMs: number; sha256: string; importId: number | null; outcome: WatchedOutcome; message: string | null; takenAt: number },
): void {
  prepareCached(
    sqlite,
    `INSERT INTO watched_files (path, size, mtime_ms, sha256, import_id, outcome, message, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (path, size, mtime_ms) DO UPDATE SET sha256 = excluded.sha256, import_id = excluded.import_id, outcome = excluded.outcome,
       message = excluded.message, taken_at = excluded.taken_at`,
  ).run(file.path, file.size, file.mtimeMs, file.sha256, file.importId, file.outcome, file.message, file.takenAt);
}

/** Removes a file's entry, so the next poll takes it again (an import stopped by shutdown). */
export function forgetWatchedFile(sqlite: Sqlite, file: { path: string; size: number; mtimeMs: number }): void {
  prepareCached(sqlite, 'DELETE FROM watched_files WHERE path = ? AND size = ? AND mtime_ms = ?').run(file.path, file.size, file.mtimeMs);
}

export interface FailedWatchedFile {
  path: string;
  importId: number | null;
  message: string | null;
  takenAt: number;
}

/** Files that failed and were not imported since under the same path (newest first). */
export function listFailedWatchedFiles(sqlite: Sqlite, limit: number): FailedWatchedFile[] {
  return prepareCached(
    sqlite,
    `SELECT f.path, f.import_id AS importId, f.message, f.taken_at AS takenAt FROM watched_files f
     WHERE f.outcome = 'failed'
       AND NOT EXISTS (SELECT 1 FROM watched_files g WHERE g.path = f.path AND g.outcome = 'imported' AND g.taken_at >= f.taken_at)
     ORDER BY f.taken_at DESC, f.id DESC LIMIT ?`,
  ).all(limit) as FailedWatchedFile[];
}
