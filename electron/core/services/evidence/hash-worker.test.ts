import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { prepareInWorker, SourceChangedError } from './hash-worker';

const tempDir = useTempDirs();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Opens `from` the way an add does, and runs one job in a hashing thread while it is open. */
async function prepare(from: string, to: string, meddle: (path: string) => void = () => {}) {
  const handle = await open(from, 'r');
  try {
    const opened = await handle.stat({ bigint: true });
    meddle(from);
    const identity = { dev: opened.dev, ino: opened.ino, size: opened.size, mtimeNs: opened.mtimeNs, ctimeNs: opened.ctimeNs };
    return await prepareInWorker({ from, fd: handle.fd, opened: identity, to, headBytes: 64 * 1024 });
  } finally {
    await handle.close();
  }
}

describe('the hashing thread', () => {
  // Any failure to start the thread's module would make the vault fall back to the main thread
  // without a word; here it fails the test instead (a WorkerStartError rejects the job).
  it('runs from source as its own module: copies, hashes, keeps the head and leaves a read-only copy', async () => {
    const dir = tempDir();
    const bytes = randomBytes(3 * 1024 * 1024 + 777);
    const from = join(dir, 'recording.wav');
    const to = join(dir, 'copy.part');
    writeFileSync(from, bytes);
    const prepared = await prepare(from, to);
    expect(prepared).toMatchObject({ sha256: sha256(bytes), size: bytes.length, fd: null });
    expect(prepared.head.equals(bytes.subarray(0, 64 * 1024))).toBe(true);
    expect(readFileSync(to).equals(bytes)).toBe(true);
    expect(statSync(to).mode & 0o777).toBe(0o444);
  });

  it('refuses a source that grew after it was opened', async () => {
    const dir = tempDir();
    const from = join(dir, 'chat.txt');
    writeFileSync(from, randomBytes(5000));
    await expect(prepare(from, join(dir, 'copy.part'), (path) => appendFileSync(path, 'more'))).rejects.toBeInstanceOf(SourceChangedError);
  });

  it('passes the file system error on with its code', async () => {
    const dir = tempDir();
    const from = join(dir, 'photo.png');
    writeFileSync(from, randomBytes(100));
    const taken = join(dir, 'taken.part');
    writeFileSync(taken, 'a temporary name is never reused');
    await expect(prepare(from, taken)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(existsSync(taken)).toBe(true);
  });
});
