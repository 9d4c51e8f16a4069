import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * Writes a consistent, compacted copy of the open database to `path` (safe while the app is in
 * use). SQLite does not fsync that file; db/backup.ts makes the copy durable.
 */
export function vacuumInto(sqlite: Sqlite, path: string): void {
  prepareCached(sqlite, 'VACUUM INTO ?').run(path);
}

/** Every vault object the database refers to (live or in the trash), once per SHA-256. */
export function vaultObjects(sqlite: Sqlite): { sha256: string; size: number }[] {
  return prepareCached(sqlite, 'SELECT sha256, MAX(size) AS size FROM evidence GROUP BY sha256 ORDER BY sha256').all() as {
    sha256: string;
    size: number;
  }[];
}

export interface BackupContents {
  reviews: number;
  cases: number;
  evidence: number;
  imports: number;
  staff: number;
  newestReviewAt: number | null;
}

/** What a backup holds, for the preview before a restore. Runs on a read-only connection to the copy. */
export function backupContents(sqlite: Sqlite): BackupContents {
  const count = (table: 'reviews' | 'cases' | 'evidence' | 'import_runs' | 'staff') =>
    (prepareCached(sqlite, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const newest = prepareCached(sqlite, 'SELECT MAX(posted_at) AS at FROM reviews').get() as { at: number | null };
  return {
    reviews: count('reviews'),
    cases: count('cases'),
    evidence: count('evidence'),
    imports: count('import_runs'),
    staff: count('staff'),
    newestReviewAt: newest.at,
  };
}
