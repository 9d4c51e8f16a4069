import { createHash } from 'node:crypto';
import { close, constants, createWriteStream, fchmod, open as openFd, read, type BigIntStats } from 'node:fs';
import { chmod, copyFile, rm, stat, type FileHandle } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { AppError } from '../../errors';
import { prepareInWorker, SourceChangedError, WorkerStartError } from './hash-worker';
import { vaultTmpPartPath } from './vault-paths';

/*
 * Preparing an object: the bytes of one file or stream copied into a private temporary file in
 * the vault and hashed on the way, before the object has a name (vault-store.ts names it).
 */

/** Bytes kept from the start of a file for text detection; the rest is never held in memory. */
export const headBytes = 64 * 1024;
const chunkBytes = 1024 * 1024;

// Temporary files are held by descriptor: the worker thread that prepares one hands its
// descriptor over, and a FileHandle cannot be made from a descriptor.
const closeFd = promisify(close);
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
  /** The process instance adding it, named in the temporary file so a dead one's are recognised. */
  owner: string;
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
 * Copies `source` to a temporary file (never whole in memory) and hashes what was stored. Anything
 * that goes wrong (the source errors or changes, the size limit is passed) removes the temporary
 * file, so a failed add leaves nothing. Takes ownership of the source: it is closed when this
 * returns or throws. The temporary folder must exist (`ensureVaultTmpDir`).
 */
export async function prepareObject(dataDir: string, source: VaultSource, options: StoreOptions): Promise<PreparedObject> {
  const tmpPath = vaultTmpPartPath(dataDir, options.owner);
  if (source instanceof Readable) return prepareStream(source, tmpPath, options);
  try {
    return await prepareFile(source, tmpPath, options);
  } catch (error) {
    await source.handle.close().catch(() => {});
    await rm(tmpPath, { force: true });
    throw error;
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
