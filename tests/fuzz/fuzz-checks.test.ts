import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { checkEnvelope, residentBytes, snapshot, writesOutside } from './fuzz-checks';
import { fileCase, strategyCount } from './file-cases';
import { Rng } from './fuzz-rng';

const tempDir = useTempDirs();

// The fuzz runs pass only if their checks can fail: each check is shown failing here.
describe('fuzz checks', () => {
  it('accept a clean refusal and reject INTERNAL, an unknown code, a bare message and a stack', () => {
    expect(checkEnvelope('m', { ok: true, value: 1 })).toEqual([]);
    expect(checkEnvelope('m', { ok: false, error: { code: 'BAD_FILE', message: 'x.csv is not a table this app can import.' } })).toEqual([]);
    expect(checkEnvelope('m', { ok: false, error: { code: 'INTERNAL', message: 'm failed unexpectedly. Details are in the log.' } })).toHaveLength(1);
    expect(checkEnvelope('m', { ok: false, error: { code: 'BAD_FILE', message: '' } })).toHaveLength(1);
    expect(checkEnvelope('m', { ok: false, error: { code: 'VALIDATION', message: 'RangeError: x\n    at readLayout (/src/layout.ts:40:10)' } })).toHaveLength(1);
    expect(checkEnvelope('m', 'not an envelope')).toHaveLength(1);
  });

  it('see a file written, changed or removed outside the allowed folders, and nothing inside them', () => {
    const root = tempDir();
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'kept.txt'), 'a');
    writeFileSync(join(root, 'gone.txt'), 'a');
    const before = snapshot(root);
    writeFileSync(join(root, 'data', 'db'), 'inside');
    writeFileSync(join(root, 'new.txt'), 'b');
    writeFileSync(join(root, 'kept.txt'), 'changed');
    rmSync(join(root, 'gone.txt'));
    expect(writesOutside(root, before, (path) => path.startsWith('data/')).sort()).toEqual(['gone.txt (removed)', 'kept.txt (changed)', 'new.txt (new)']);
  });

  it('read this process’s resident memory where /proc exists', () => {
    const rss = residentBytes(process.pid);
    if (rss !== null) expect(rss).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('build the same file from the same seed, and every strategy from consecutive seeds', () => {
    expect(fileCase(new Rng(42)).bytes.equals(fileCase(new Rng(42)).bytes)).toBe(true);
    const labels = new Set(Array.from({ length: strategyCount }, (_, i) => fileCase(new Rng(1000 + i)).label));
    expect(labels.size).toBe(strategyCount);
  });
});
