import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file (or, on POSIX, a folder's entries) to disk before a rename makes it visible. */
export function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFolder(path: string): void {
  try {
    fsyncPath(path, 'r');
  } catch {
    // Windows cannot open a folder for fsync; its rename is already durable enough there.
  }
}
