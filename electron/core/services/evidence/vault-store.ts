import { createHash, randomUUID } from 'node:crypto';
import { close, constants, createReadStream, createWriteStream, fchmod, fsync, open as openFd, read, statSync, type BigIntStats } from 'node:fs';
import { chmod, copyFile, mkdir, open, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { AppError } from '../../errors';
import { prepareInWorker, SourceChangedError, WorkerStartError } from './hash-worker';
import { vaultObjectPath, vaultObjectsDir, vaultTmpDir } from './vault-paths';

/** Bytes kept from the start of a file for text detection; the rest is never held in memory. */
export const headBytes = 64 * 1024;
const chunkBytes = 1024 * 1024;

// Temporary files are held by descriptor: the worker thread that prepares one hands its
// descriptor over, and a FileHandle cannot be made from a descriptor.
const closeFd = promisify(close);
const fsyncFd = promisify(fsync);
const fchmodFd = promisify(fchmod);
const openRaw = promisify(openFd);
const readFd = promisify(read);

/**
 * A regular file the user chose, already open (so it cannot be swapped for another between the
 * checks and the copy without the inode check below noticing), with its fstat from that moment.
 */
export interface OpenFile {
  path: string;
  handle: FileHandle;
  stat: BigIntStats;
}

/** Bytes that are not a file on disk (sent over HTTP, made in memory) arrive as a stream. */
export type VaultSource = Readable | OpenFile;

/** Gives back what an add opened when the add stops before `prepareObject` takes the source. */
export async function releaseSource(source: VaultSource): Promise<void> {
  if (source instanceof Readable) source.destroy();
  else await source.handle.close().catch(() => {});
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

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

function tooLarge(options: StoreOptions): AppError {
  return new AppError('BAD_FILE', `"${options.name}" is larger than the vault's limit of ${formatBytes(options.maxBytes)}.`, {
    reason: 'too_large',
    limitBytes: options.maxBytes,
  });
}

function empty(options: StoreOptions): AppError {
  return new AppError('BAD_FILE', `"${options.name}" is empty (0 bytes); there is nothing to keep as evidence.`, { reason: 'empty' });
}

function changed(options: StoreOptions): AppError {
  return new AppError('BAD_FILE', `"${options.name}" changed while it was being added; nothing was kept.`, { reason: 'changed' });
}

interface StoreOptions {
  maxBytes: number;
  name: string;
}

/**
 * Bytes in a private temporary file, hashed and read-only, not yet flushed or named:
 * `flushObjects` then `nameObjects` make them an object, `discardObject` removes them. Holds the
 * temporary file open for the flush, unless it was flushed where it was written.
 */
export interface PreparedObject {
  sha256: string;
  size: number;
  /** The first `headBytes` bytes. */
  head: Buffer;
  /** The temporary file, which type detection may read before the commit. */
  tmpPath: string;
  /** Open for the flush; null when already flushed and closed (by the worker thread that wrote it). */
  fd: number | null;
}

/** Removes a prepared object's temporary file; the vault is as if it had never been prepared. */
export async function discardObject(object: PreparedObject): Promise<void> {
  if (object.fd !== null) await closeFd(object.fd).catch(() => {});
  await rm(object.tmpPath, { force: true });
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

/**
 * Copies `source` to a temporary file (never whole in memory) and hashes what was stored. Anything
 * that goes wrong (the source errors or changes, the size limit is passed) removes the temporary
 * file, so a failed add leaves nothing. Takes ownership of the source: it is closed when this
 * returns or throws. The temporary folder must exist (`ensureVaultTmpDir`).
 */
export async function prepareObject(dataDir: string, source: VaultSource, options: StoreOptions): Promise<PreparedObject> {
  const tmpPath = join(vaultTmpDir(dataDir), `${randomUUID()}.part`);
  if (source instanceof Readable) return prepareStream(source, tmpPath, options);
  try {
    return await prepareFile(source, tmpPath, options);
  } catch (error) {
    await source.handle.close().catch(() => {});
    await rm(tmpPath, { force: true });
    throw error;
  }
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
 * (EvidenceService serialises its whole name-and-record phase per vault): two objects of the
 * same bytes must never both be renamed.
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

const sameFile = (a: BigIntStats, b: BigIntStats) =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

const identity = (stat: BigIntStats) => ({ dev: stat.dev, ino: stat.ino, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs });

/**
 * A file on disk is read once through the descriptor opened for the checks, in a worker thread:
 * each buffer is hashed and written to the temporary file (bypassing the page cache where direct
 * I/O works), so the object's name is the hash of exactly the bytes stored under it, whatever
 * the source does. What reading a live file cannot promise by itself is that those bytes are one
 * consistent state of the source; that is checked the way rsync and make do: identity, size,
 * mtime and ctime (which programs cannot set back) must be the same after the copy as at the
 * open, and the path must still name that file. So a file that is truncated, grown, replaced or
 * deleted during the copy is always refused, and one rewritten in place is refused whenever its
 * timestamps move, which a write does except within the file system's clock tick of the
 * previous write. Refused means the temporary file is removed (by prepareObject): nothing is
 * kept. Without a worker thread the same is done here, with a kernel copy and a hash of the copy.
 */
async function prepareFile(source: OpenFile, tmpPath: string, options: StoreOptions): Promise<PreparedObject> {
  if (source.stat.size > BigInt(options.maxBytes)) throw tooLarge(options);
  let prepared: { sha256: string; size: number; head: Buffer; fd: number | null };
  try {
    prepared = await prepareInWorker({ from: source.path, fd: source.handle.fd, opened: identity(source.stat), to: tmpPath, headBytes });
  } catch (error) {
    if (error instanceof SourceChangedError) throw changed(options);
    if (!(error instanceof WorkerStartError)) throw error;
    prepared = await prepareFileHere(source, tmpPath, options);
  }
  // Read-only: a failed close loses nothing, and must not leak the temporary file's descriptor.
  await source.handle.close().catch(() => {});
  if (BigInt(prepared.size) !== source.stat.size || prepared.size === 0) {
    if (prepared.fd !== null) await closeFd(prepared.fd);
    throw prepared.size === 0 ? empty(options) : changed(options);
  }
  return { ...prepared, tmpPath };
}

/** The same as the worker's job, on this thread: for when no worker thread can be started. */
async function prepareFileHere(source: OpenFile, tmpPath: string, options: StoreOptions): Promise<{ sha256: string; size: number; head: Buffer; fd: number }> {
  // A thread that died before its job ran may still have left the file: EXCL would refuse it.
  await rm(tmpPath, { force: true });
  await copyFile(source.path, tmpPath, constants.COPYFILE_EXCL);
  const [after, atPath] = await Promise.all([source.handle.stat({ bigint: true }), stat(source.path, { bigint: true })]);
  if (!sameFile(source.stat, after) || !sameFile(source.stat, atPath)) throw changed(options);
  await chmod(tmpPath, 0o600);
  const fd = await openRaw(tmpPath, 'r+');
  try {
    const hashed = await hashDescriptor(fd);
    await fchmodFd(fd, 0o444);
    return { ...hashed, fd };
  } catch (error) {
    await closeFd(fd).catch(() => {});
    throw error;
  }
}

/** Bytes per read when hashing on this thread: large enough for few syscalls, small enough to stay in the CPU cache. */
const hashChunkBytes = 1024 * 1024;

/**
 * Read buffers kept between files: a fresh megabyte per read is memory outside the JS heap that
 * the garbage collector must chase, which cost more than the hashing on a batch of photos.
 * Bounded: a few parallel adds' worth.
 */
const spareBuffers: Buffer[] = [];
const takeBuffer = () => spareBuffers.pop() ?? Buffer.allocUnsafeSlow(hashChunkBytes);
const giveBack = (buffer: Buffer) => {
  if (spareBuffers.length < 8) spareBuffers.push(buffer);
};

/**
 * SHA-256, size and head of an open file. Two buffers: the next read runs in the thread pool
 * while this one is hashed, and no Promise per chunk beyond the read itself.
 */
async function hashDescriptor(fd: number): Promise<{ sha256: string; size: number; head: Buffer }> {
  const hash = createHash('sha256');
  const buffers = [takeBuffer(), takeBuffer()] as const;
  const headParts: Buffer[] = [];
  let size = 0;
  let reading = readFd(fd, buffers[0], 0, hashChunkBytes, 0);
  try {
    for (let turn = 0; ; turn += 1) {
      const { bytesRead, buffer } = await reading;
      if (bytesRead === 0) break;
      size += bytesRead;
      reading = readFd(fd, buffers[(turn + 1) % 2]!, 0, hashChunkBytes, size);
      const chunk = buffer.subarray(0, bytesRead);
      const start = size - bytesRead;
      if (start < headBytes) headParts.push(Buffer.from(chunk.subarray(0, headBytes - start)));
      hash.update(chunk);
    }
  } finally {
    // A read still in flight would write into a buffer handed to the next file.
    await reading.catch(() => undefined);
    buffers.forEach(giveBack);
  }
  return { sha256: hash.digest('hex'), size, head: Buffer.concat(headParts) };
}

/** Streams hash the bytes as they pass on their way to the temporary file. */
async function prepareStream(source: Readable, tmpPath: string, options: StoreOptions): Promise<PreparedObject> {
  const hash = createHash('sha256');
  const headParts: Buffer[] = [];
  let headLength = 0;
  let size = 0;

  const hasher = new Transform({
    highWaterMark: chunkBytes,
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > options.maxBytes) {
        callback(tooLarge(options));
        return;
      }
      hash.update(chunk);
      if (headLength < headBytes) {
        const part = chunk.subarray(0, headBytes - headLength);
        headParts.push(Buffer.from(part));
        headLength += part.length;
      }
      callback(null, chunk);
    },
  });

  try {
    // Not flushed here: the commit flushes it with the rest of its group, before the rename.
    await pipeline(source, hasher, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600, highWaterMark: chunkBytes }));
    if (size === 0) throw empty(options);
    const fd = await openRaw(tmpPath, 'r+');
    // Read-only before the flush, so the mode is on disk with the bytes.
    await fchmodFd(fd, 0o444).catch(async (error: unknown) => {
      await closeFd(fd);
      throw error;
    });
    return { sha256: hash.digest('hex'), size, head: Buffer.concat(headParts), tmpPath, fd };
  } catch (error) {
    source.destroy();
    await rm(tmpPath, { force: true });
    throw error;
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
