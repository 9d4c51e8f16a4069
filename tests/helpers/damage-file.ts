import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';

/** Overwrites pages in the middle of a SQLite file, as a failing disk would; the header stays intact. */
export function damageMiddlePages(path: string, pages = 4) {
  const fd = openSync(path, 'r+');
  try {
    const at = Math.floor(fstatSync(fd).size / 2 / 4096) * 4096;
    writeSync(fd, Buffer.alloc(4096 * pages, 0x41), 0, 4096 * pages, at);
  } finally {
    closeSync(fd);
  }
}
