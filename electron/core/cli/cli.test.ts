import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { runCli } from './main';

const tempDir = useTempDirs();

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (t) => out.push(t), (t) => err.push(t));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('reviewdesk CLI', () => {
  it('init then verify --json prints {"ok":true,...} with the schema version', async () => {
    const dir = join(tempDir(), 'data');
    expect((await cli('init', '--data-dir', dir)).code).toBe(0);
    const verify = await cli('verify', '--data-dir', dir, '--json');
    expect(verify.code).toBe(0);
    expect(verify.out.startsWith('{"ok":true,')).toBe(true);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, schemaVersion: '2026-11-24-001-foundation', pendingMigrations: [] });
  });

  it('seed --demo twice adds the demo shop once', async () => {
    const dir = tempDir();
    const first = JSON.parse((await cli('seed', '--demo', '--data-dir', dir, '--json')).out);
    const second = JSON.parse((await cli('seed', '--demo', '--data-dir', dir, '--json')).out);
    expect(first).toEqual({ ok: true, shopsAdded: 2, staffAdded: 8 });
    expect(second).toEqual({ ok: true, shopsAdded: 0, staffAdded: 0 });
  });

  it('backup writes a copy into the backups folder', async () => {
    const dir = tempDir();
    const result = await cli('backup', '--data-dir', dir, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).path).toContain(join(dir, 'backups'));
  });

  it('verify exits 1 with a clear message for a damaged file and changes nothing', async () => {
    const dir = tempDir();
    await cli('seed', '--demo', '--data-dir', dir);
    const path = join(dir, 'reviewdesk.sqlite');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0), 0, 4096, 0);
    closeSync(fd);
    const before = readFileSync(path);
    const verify = await cli('verify', '--data-dir', dir);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/damaged/);
    expect(verify.err).toMatch(/backups folder/);
    const init = await cli('init', '--data-dir', dir, '--json');
    expect(init.code).toBe(1);
    expect(JSON.parse(init.err)).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('verify exits 1 when there is no database yet', async () => {
    const result = await cli('verify', '--data-dir', join(tempDir(), 'nothing'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Run "init" first/);
  });

  it('exits 2 with usage for an unknown command, an unknown flag, seed without --demo, or a bad seed', async () => {
    for (const args of [['frobnicate'], ['init', '--colour'], ['seed', '--data-dir', tempDir()], ['seed', '--demo', '--seed', 'abc'], []]) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
    }
    expect((await cli('frobnicate')).err).toMatch(/Usage: reviewdesk/);
  });

  it('prints help with exit 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/verify/);
  });
});
