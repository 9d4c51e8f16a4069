import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { compileCacheDir, pruneCompileCache } from './compile-cache';

const tempDir = useTempDirs();

/** A cache entry of `bytes`, last written `ageMs` ago. */
function entry(folder: string, name: string, bytes: number, ageMs: number) {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, Buffer.alloc(bytes));
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
}

describe('compile cache', () => {
  it('lives in its own folder under the given temporary folder', () => {
    expect(compileCacheDir('/tmp')).toBe(join('/tmp', 'reviewdesk-compile-cache'));
  });

  it("removes other Node versions' folders and the oldest entries beyond the bound, keeping the newest", () => {
    const dir = tempDir();
    const own = join(dir, 'v24.21.0-x64-aaaa-0');
    entry(own, 'newest', 400, 1_000);
    entry(own, 'middle', 400, 60_000);
    entry(own, 'oldest', 400, 3_600_000);
    entry(join(dir, 'v22.1.0-x64-bbbb-0'), 'old-node', 300, 1_000);
    const outcome = pruneCompileCache(dir, 1_000, 'v24.21.0-x64-');
    expect(readdirSync(dir)).toEqual(['v24.21.0-x64-aaaa-0']);
    expect(readdirSync(own).sort()).toEqual(['middle', 'newest']);
    expect(outcome).toEqual({ removed: 2, bytes: 700 });
  });

  it('leaves a cache within its bound as it is, and a missing folder is no error', () => {
    const dir = tempDir();
    const own = join(dir, 'v24.21.0-x64-aaaa-0');
    entry(own, 'a', 100, 1_000);
    entry(own, 'b', 100, 2_000);
    expect(pruneCompileCache(dir, 1_000, 'v24.21.0-x64-')).toEqual({ removed: 0, bytes: 0 });
    expect(readdirSync(own).sort()).toEqual(['a', 'b']);
    const missing = join(dir, 'not-there');
    expect(pruneCompileCache(missing, 1_000, 'v24.21.0-x64-')).toEqual({ removed: 0, bytes: 0 });
    expect(existsSync(missing)).toBe(false);
  });
});
