import { readdirSync, rmSync, statSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Node's module compile cache for the core's processes (the harness, the app's core worker): the
 * compiled form of the bundle is kept between starts, so a start compiles only what changed since
 * the last build. It lives in the system's temporary folder, never in a shop's data folder.
 */
export function compileCacheDir(base = tmpdir()): string {
  return join(base, 'reviewdesk-compile-cache');
}

/** What the cache may hold: every build adds its chunks under new names, and Node never removes any. */
export const compileCacheMaxBytes = 64 * 1024 * 1024;

/**
 * Turns the cache on for modules loaded from now on (so call it before importing the core);
 * returns its folder, or null where this Node has no compile cache or cannot write there.
 */
export function enableCoreCompileCache(dir = compileCacheDir()): string | null {
  const enable = (nodeModule as { enableCompileCache?: typeof nodeModule.enableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function') return null;
  try {
    const result = enable(dir);
    const statuses = nodeModule.constants.compileCacheStatus;
    return result.status === statuses.ENABLED || result.status === statuses.ALREADY_ENABLED ? (result.directory ?? dir) : null;
  } catch {
    return null;
  }
}

/** Node keeps one folder per version, architecture and V8 flags; this process's start with these. */
const ownPrefix = `${process.version}-${process.arch}-`;

/**
 * Bounds the cache: folders of other Node versions go; in the rest, the oldest files go until it
 * holds at most `maxBytes`. A removed entry is only compiled again at the next start that needs
 * it. Never throws (another process may be writing the folder).
 */
export function pruneCompileCache(dir = compileCacheDir(), maxBytes = compileCacheMaxBytes, prefix = ownPrefix): { removed: number; bytes: number } {
  const outcome = { removed: 0, bytes: 0 };
  let folders: string[];
  try {
    folders = readdirSync(dir);
  } catch {
    return outcome;
  }
  const files: { path: string; size: number; mtimeMs: number }[] = [];
  for (const folder of folders) {
    const path = join(dir, folder);
    try {
      if (!folder.startsWith(prefix)) {
        outcome.bytes += folderBytes(path);
        rmSync(path, { recursive: true, force: true });
        outcome.removed += 1;
        continue;
      }
      for (const name of readdirSync(path)) {
        const stats = statSync(join(path, name));
        if (stats.isFile()) files.push({ path: join(path, name), size: stats.size, mtimeMs: stats.mtimeMs });
      }
    } catch {
      // Gone or being written meanwhile: the next start looks again.
    }
  }
  files.sort((a, b) => b.mtimeMs - a.mtimeMs);
  let kept = 0;
  for (const file of files) {
    kept += file.size;
    if (kept <= maxBytes) continue;
    try {
      rmSync(file.path, { force: true });
      outcome.removed += 1;
      outcome.bytes += file.size;
    } catch {
      // As above.
    }
  }
  return outcome;
}

function folderBytes(path: string): number {
  let bytes = 0;
  for (const name of readdirSync(path)) {
    try {
      bytes += statSync(join(path, name)).size;
    } catch {
      // As above.
    }
  }
  return bytes;
}
