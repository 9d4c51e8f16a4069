import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/**
 * The integrity check at open reads the whole file: seconds at a million reviews, at every start.
 * A file this app closed cleanly and nobody has touched since needs no second look: right after a
 * clean close a marker beside the file records its identity (inode, size, modification and
 * change times). A crash, a copy or restore over it, or any other writer leaves no marker or a
 * different identity, and the next open checks the file in full as before.
 */
function markerPath(dbPath: string): string {
  return `${dbPath}.closed-cleanly`;
}

function identityOf(dbPath: string) {
  const stat = statSync(dbPath, { bigint: true });
  return { ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs) };
}

/** True when the file is exactly as this app left it at its last clean close. */
export function untouchedSinceCleanClose(dbPath: string): boolean {
  try {
    // A write-ahead log with frames in it means the close did not finish.
    if (existsSync(`${dbPath}-wal`) && statSync(`${dbPath}-wal`).size > 0) return false;
    return isDeepStrictEqual(JSON.parse(readFileSync(markerPath(dbPath), 'utf8')), identityOf(dbPath));
  } catch {
    return false;
  }
}

/** Called at open, before anything writes: from here until the next clean close the file is in use. */
export function forgetCleanClose(dbPath: string): void {
  rmSync(markerPath(dbPath), { force: true });
}

/** Called once the connection is closed (the log checkpointed into the file). */
export function rememberCleanClose(dbPath: string): void {
  if (existsSync(dbPath)) writeFileSync(markerPath(dbPath), JSON.stringify(identityOf(dbPath)));
}
