import { createHash } from 'node:crypto';
import { close, closeSync, constants, fchmodSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { HashJob, HashReply, HashThreadData, SourceIdentity } from './hash-thread-protocol';

/*
 * A hashing thread (started by hash-worker.ts). From source this file runs as it is, with Node's
 * type stripping, so it must stay erasable TypeScript: only `import type` for types, and no import
 * of a local module's values (those would need a `.ts` extension that the bundle does not have).
 *
 * One job is a whole file's preparation, synchronously: this thread has nothing else to do, and
 * each step the main thread once awaited (a dozen per file, each a trip through libuv's pool and
 * back) cost it more than the copy.
 *
 * The bytes pass through this thread once: read from the source's descriptor, hashed, written
 * to the temporary file from the same buffer, so the name is the hash of exactly the bytes
 * written. Where the system allows it (Linux, a file system with direct I/O) the writes bypass
 * the page cache. Measured per 1078 MB on one thread: read, hash and direct writes 1.00–1.05
 * CPU-s; the same with buffered 64 KB writes 1.12–1.31, with 256 KB buffered writes 1.5–1.8;
 * what this replaced, a kernel copy then reading the copy back to hash it, 1.18–1.29 per GB. A
 * vault's files, written once and seldom read, also no longer push everything else out of the cache.
 * Direct I/O needs memory aligned to the disk's blocks, which a WebAssembly memory is (it starts
 * on a page boundary), and whole blocks: the last one is padded and the file truncated to its
 * size. Where direct I/O is refused (EINVAL: macOS and Windows have no O_DIRECT, tmpfs and some
 * network file systems refuse it) the thread writes through the page cache in 64 KB pieces.
 */

/** Bytes per direct write: large enough that the disk's latency is paid rarely. */
const directChunkBytes = 1024 * 1024;
/** Bytes per buffered write (see above). */
const bufferedChunkBytes = 64 * 1024;
/** Direct writes start and end on this boundary. */
const block = 4096;
const wasmPageBytes = 64 * 1024;

if (!parentPort) throw new Error('hash-thread.ts runs only as a worker thread (see hash-worker.ts).');
const port = parentPort;
const { direct: directWanted } = workerData as HashThreadData;
const { O_RDWR, O_CREAT, O_EXCL, O_DIRECT } = constants;
/** The one part of WebAssembly used here: this project's libraries (ES2023, Node) do not declare its values. */
declare const WebAssembly: { Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer } };

let aligned: Buffer | null = null;
try {
  if (O_DIRECT && directWanted) aligned = Buffer.from(new WebAssembly.Memory({ initial: directChunkBytes / wasmPageBytes }).buffer);
} catch {
  // No WebAssembly (a --jitless build): buffered writes only.
}
let direct = aligned !== null;
const buffered = Buffer.allocUnsafeSlow(bufferedChunkBytes);

const same = (a: SourceIdentity, b: SourceIdentity) =>
  a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

interface Copied {
  sha256: string;
  size: number;
  head: ArrayBuffer;
}

/** Copies the source (open as `fd`) into `out` and hashes it. null when the source grew past `limit`, its size when opened. */
function copyAndHash(fd: number, limit: number, out: number, useDirect: boolean, headBytes: number): Copied | null {
  const buffer = useDirect ? aligned! : buffered;
  const hash = createHash('sha256');
  // Its own memory (not a slice of a pool), so its ArrayBuffer can be transferred to the main thread.
  const head = Buffer.allocUnsafeSlow(headBytes);
  let headLength = 0;
  let size = 0;
  for (;;) {
    // A full buffer before each write, so direct writes start on a block boundary whatever
    // short reads the source's file system returns.
    let filled = 0;
    while (filled < buffer.length) {
      const read = readSync(fd, buffer, filled, buffer.length - filled, size + filled);
      if (read === 0) break;
      filled += read;
    }
    if (filled === 0) break;
    if (size + filled > limit) return null;
    const chunk = filled === buffer.length ? buffer : buffer.subarray(0, filled);
    if (headLength < headBytes) headLength += buffer.copy(head, headLength, 0, Math.min(filled, headBytes - headLength));
    hash.update(chunk);
    const length = useDirect && filled % block !== 0 ? filled + block - (filled % block) : filled;
    if (length > filled) buffer.fill(0, filled, length);
    let written = 0;
    while (written < length) written += writeSync(out, buffer, written, length - written, size + written);
    size += filled;
    if (filled < buffer.length) break;
  }
  if (useDirect && size % block !== 0) ftruncateSync(out, size);
  return { sha256: hash.digest('hex'), size, head: head.buffer.slice(0, headLength) };
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code;

function prepare({ id, from, fd, opened, to, headBytes }: HashJob): void {
  let out = -1;
  // Forgotten before it is closed, so the error path never closes a number another open reused.
  const closeOut = () => {
    const closing = out;
    out = -1;
    closeSync(closing);
  };
  try {
    let useDirect = direct;
    if (useDirect) {
      try {
        out = openSync(to, O_RDWR | O_CREAT | O_EXCL | O_DIRECT, 0o600);
      } catch (error) {
        if (errorCode(error) !== 'EINVAL') throw error;
        useDirect = direct = false;
      }
    }
    // EXCL: a temporary name is never reused. Private until it is made read-only below.
    if (out < 0) out = openSync(to, 'wx+', 0o600);
    let copied: Copied | null;
    try {
      copied = copyAndHash(fd, Number(opened.size), out, useDirect, headBytes);
    } catch (error) {
      if (!useDirect || errorCode(error) !== 'EINVAL') throw error;
      // The file system took the open but not the writes: again, through the page cache.
      direct = false;
      closeOut();
      out = openSync(to, 'r+');
      ftruncateSync(out, 0);
      copied = copyAndHash(fd, Number(opened.size), out, false, headBytes);
    }
    // The descriptor is the main thread's, open since the checks: the file must still be at
    // its path (statSync throws ENOENT when it was deleted: "vanished"), the same file, unchanged.
    const atPath = statSync(from, { bigint: true });
    if (!copied || !same(opened, atPath) || !same(opened, fstatSync(fd, { bigint: true }))) {
      closeOut();
      reply({ id, changed: true });
      return;
    }
    // Read-only before the flush, so the mode is on disk with the bytes. Flushed here, where
    // waiting for the disk blocks only this thread: on the main thread the flush and close were
    // two more trips through libuv's pool per file.
    fchmodSync(out, 0o444);
    fsyncSync(out);
    closeOut();
    reply({ id, sha256: copied.sha256, size: copied.size, head: copied.head }, [copied.head]);
  } catch (error) {
    if (out >= 0) close(out, () => {});
    const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
    reply({ id, error: { message: String(message), ...(typeof code === 'string' && { code }) } });
  }
}

function reply(message: HashReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

port.on('message', prepare);
reply({ ready: true });
