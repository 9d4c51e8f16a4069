import { createHash } from 'node:crypto';
import { close, createReadStream, fsync, statSync } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { PreparedObject } from './vault-prepare';
import { vaultObjectPath, vaultObjectsDir, vaultTmpDir } from './vault-paths';

/*
 * The vault's objects on disk: folders, naming prepared objects by their hash (vault-prepare.ts
 * prepares them), removing, listing and re-hashing them.
 */

const chunkBytes = 1024 * 1024;
// A worker thread hands prepared files over by descriptor, flushed already or still open.
const closeFd = promisify(close);
const fsyncFd = promisify(fsync);

/** Makes renames durable; Windows cannot open folders for fsync, where NTFS journals it anyway. */
async function syncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Makes a new vault's folders, the 256 shard folders included, so that adds only ever rename
 * into folders that exist (a shard made during an add costs that add its creation and flush; a
 * fresh vault's first 1 GB paid ~0.14 s of CPU for them). Quick when the vault has them: one stat.
 * Adds still make a shard that is missing (`renameIntoShard`), e.g. where this never ran (CLI).
 */
export async function ensureVaultFolders(dataDir: string): Promise<void> {
  const objects = vaultObjectsDir(dataDir);
  const shards = Array.from({ length: 256 }, (_unused, index) => join(objects, index.toString(16).padStart(2, '0')));
  if (await exists(shards.at(-1)!)) return;
  await mkdir(vaultTmpDir(dataDir), { recursive: true });
  for (const shard of shards) {
    await mkdir(shard, { recursive: true });
    knownShards.add(shard);
  }
  await syncFolder(objects);
}

/** The folder `prepareObject` writes into; made once per add, not per file. */
export async function ensureVaultTmpDir(dataDir: string): Promise<void> {
  await mkdir(vaultTmpDir(dataDir), { recursive: true });
}

/** Shard folders known to exist in this process; a rename that finds one gone makes it again. */
const knownShards = new Set<string>();

async function renameIntoShard(tmpPath: string, target: string): Promise<void> {
  const shard = dirname(target);
  if (!knownShards.has(shard)) {
    await mkdir(shard, { recursive: true });
    knownShards.add(shard);
  }
  try {
    await rename(tmpPath, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    knownShards.delete(shard);
    await mkdir(shard, { recursive: true });
    knownShards.add(shard);
    await rename(tmpPath, target);
  }
}

export type NameResult = { ok: true; created: boolean } | { ok: false; error: unknown };

/** Whether a prepared object's bytes reached the disk; `nameObjects` takes it from here. */
export type FlushResult = PromiseSettledResult<void>;

/**
 * Flushes prepared objects' temporary files, all at once: on a journaling file system each
 * flush commits the journal, and flushes in flight together share a commit. Closes them.
 * Objects a worker thread flushed already (fd null) are done.
 */
export function flushObjects(objects: PreparedObject[]): Promise<FlushResult[]> {
  return Promise.allSettled(
    objects.map(async (object) => {
      if (object.fd === null) return;
      try {
        await fsyncFd(object.fd);
      } finally {
        await closeFd(object.fd);
      }
    }),
  );
}

/**
 * Names flushed objects by their hash, then flushes each folder that gained a name, once. When
 * this returns every `created` object is on disk under its name; a failed object's temporary file
 * is removed and the others are unaffected. Callers must not name two groups at the same time
 * (the intake runs its whole name-and-record phase one group at a time per vault:
 * oneNamingAtATime): two objects of the same bytes must never both be renamed.
 */
export async function nameObjects(dataDir: string, objects: PreparedObject[], flushed: FlushResult[]): Promise<NameResult[]> {
  const folders = new Set<string>();
  const bySha = new Map<string, Promise<unknown>>();
  const results = await Promise.all(
    objects.map(async (object, index): Promise<NameResult> => {
      // Different bytes are named in parallel; the same bytes twice wait for each other.
      const before = bySha.get(object.sha256);
      const naming = (async (): Promise<NameResult> => {
        await before;
        const outcome = flushed[index]!;
        try {
          if (outcome.status === 'rejected') throw outcome.reason;
          const target = vaultObjectPath(dataDir, object.sha256);
          // A lookup in a folder the rename is about to change anyway; done in place, since
          // the asynchronous stat cost a trip through the pool and, for every new object, an
          // ENOENT error with its stack: ~0.1 ms of this thread per file, measured.
          if (statSync(target, { throwIfNoEntry: false })) {
            // Never renamed over: the stored object stays the one every earlier row was checked against.
            await unlink(object.tmpPath);
            return { ok: true, created: false };
          }
          await renameIntoShard(object.tmpPath, target);
          folders.add(dirname(target));
          return { ok: true, created: true };
        } catch (error) {
          await rm(object.tmpPath, { force: true });
          return { ok: false, error };
        }
      })();
      bySha.set(object.sha256, naming);
      return naming;
    }),
  );
  await Promise.all([...folders].map(syncFolder));
  return results;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes an object's file; read-only files need write access first on Windows. */
export async function removeObject(dataDir: string, sha256: string): Promise<boolean> {
  const path = vaultObjectPath(dataDir, sha256);
  try {
    await chmod(path, 0o644);
    await unlink(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** SHA-256 of a file, streamed. null when the file is not there. */
export async function hashFile(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(path, { highWaterMark: chunkBytes }), hash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return hash.digest('hex');
}

/** Every object file's hash-name in the vault (from its path: `ab/cdef…` → `abcdef…`). */
export async function listObjectNames(dataDir: string): Promise<string[]> {
  const root = vaultObjectsDir(dataDir);
  let shards: string[];
  try {
    shards = await readdir(root);
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const shard of shards.sort()) {
    let files: string[];
    try {
      files = await readdir(join(root, shard));
    } catch {
      continue;
    }
    for (const file of files.sort()) names.push(`${shard}${file}`);
  }
  return names;
}

/** Removes temporary files older than `olderThanMs` (left by a crash mid-add); a running add's are newer. */
export async function clearStaleVaultTmp(dataDir: string, now: number, olderThanMs = 24 * 3600_000): Promise<number> {
  const dir = vaultTmpDir(dataDir);
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const file of files) {
    const path = join(dir, file);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > olderThanMs) {
      await rm(path, { force: true });
      removed += 1;
    }
  }
  return removed;
}
