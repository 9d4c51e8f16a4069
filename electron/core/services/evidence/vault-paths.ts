import { randomUUID } from 'node:crypto';
import { lstat, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { sha256HexPattern } from '../../../../shared/domain/evidence';

/**
 * Where vault files live, and the one guard every reader goes through. Objects are named only by
 * their SHA-256 (`vault/objects/ab/cdef…`); nothing a user typed ever becomes part of a path.
 */
export function vaultDir(dataDir: string): string {
  return join(dataDir, 'vault');
}

export function vaultObjectsDir(dataDir: string): string {
  return join(vaultDir(dataDir), 'objects');
}

/** Temporary files sit on the same file system as the objects, so the final rename is atomic. */
export function vaultTmpDir(dataDir: string): string {
  return join(vaultDir(dataDir), 'tmp');
}

/** A new temporary file's path: the owning process instance first, so recovery can ask whether it is alive. */
export function vaultTmpPartPath(dataDir: string, owner: string): string {
  return join(vaultTmpDir(dataDir), `${owner}.${randomUUID()}.part`);
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && sha256HexPattern.test(value);
}

/** Path of an object by hash. Throws for anything but 64 lowercase hex digits. */
export function vaultObjectPath(dataDir: string, sha256: string): string {
  if (!isSha256Hex(sha256)) throw new Error('Not a SHA-256 hex digest.');
  return join(vaultObjectsDir(dataDir), sha256.slice(0, 2), sha256.slice(2));
}

/**
 * Resolves a hash to the real path of a regular file inside the objects folder, or null. A
 * symlink in place of an object, or a shard folder that points elsewhere, is refused: the real
 * path must stay under the real objects folder.
 */
export async function resolveVaultObject(dataDir: string, sha256: string): Promise<string | null> {
  if (!isSha256Hex(sha256)) return null;
  const path = vaultObjectPath(dataDir, sha256);
  try {
    const info = await lstat(path);
    if (!info.isFile()) return null;
    const [realRoot, realFile] = await Promise.all([realpath(vaultObjectsDir(dataDir)), realpath(path)]);
    return realFile.startsWith(realRoot + sep) ? realFile : null;
  } catch {
    return null;
  }
}

export type ByteRange = { start: number; end: number };

/**
 * One `Range: bytes=…` header against a file size. null means "send the whole file" (no header,
 * or a form we do not serve such as multiple ranges, which RFC 9110 lets a server ignore).
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
