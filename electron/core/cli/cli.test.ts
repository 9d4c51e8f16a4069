import { createHash } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { latestMigrationName } from '../../../db/migrations';
import { sampleFile } from '../../../tests/helpers/evidence-files';
import { vaultObjectPath } from '../services/evidence/vault-paths';
import { ProcessMarker } from '../process-marker';
import { cli } from '../../../tests/helpers/cli';

const tempDir = useTempDirs();

describe('reviewdesk CLI', () => {
  it('init then verify --json prints {"ok":true,...} with the schema version', async () => {
    const dir = join(tempDir(), 'data');
    expect((await cli('init', '--data-dir', dir)).code).toBe(0);
    const verify = await cli('verify', '--data-dir', dir, '--json');
    expect(verify.code).toBe(0);
    expect(verify.out.startsWith('{"ok":true,')).toBe(true);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, schemaVersion: latestMigrationName, pendingMigrations: [] });
  });

  it('seed --demo twice adds the demo shop once', async () => {
    const dir = tempDir();
    const first = JSON.parse((await cli('seed', '--demo', '--data-dir', dir, '--json')).out);
    const second = JSON.parse((await cli('seed', '--demo', '--data-dir', dir, '--json')).out);
    expect(first).toEqual({ ok: true, shopsAdded: 2, staffAdded: 8, reviewsAdded: 492 });
    expect(second).toEqual({ ok: true, shopsAdded: 0, staffAdded: 0, reviewsAdded: 0 });
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

  it('evidence add stores files linked to a case, exits 1 when a file is refused, and verify catches tampering', async () => {
    const root = tempDir();
    const dir = join(root, 'data');
    const photo = join(root, '破损 照片.png');
    const chat = join(root, 'chat.txt');
    const empty = join(root, 'empty.mp3');
    writeFileSync(photo, sampleFile('png'));
    writeFileSync(chat, sampleFile('txt'));
    writeFileSync(empty, '');

    const added = await cli('evidence', 'add', '--data-dir', dir, '--case', '42', photo, chat, '--kind', 'logistics_proof', '--json');
    expect(added.code).toBe(0);
    const result = JSON.parse(added.out);
    expect(result.items).toMatchObject([
      { ok: true, duplicate: false, originalName: '破损 照片.png', detectedType: 'png' },
      { ok: true, duplicate: false, originalName: 'chat.txt', detectedType: 'txt' },
    ]);
    const again = await cli('evidence', 'add', '--data-dir', dir, photo, empty);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already in vault/);
    expect(again.err).toMatch(/"empty\.mp3" is empty/);

    const clean = await cli('evidence', 'verify', '--data-dir', dir, '--json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toMatchObject({ ok: true, checked: 2 });
    const object = vaultObjectPath(dir, result.items[1].sha256);
    chmodSync(object, 0o644);
    writeFileSync(object, 'edited chat log');
    const tampered = await cli('evidence', 'verify', '--data-dir', dir);
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/1 altered/);
    expect(tampered.err).toContain(`altered  ${result.items[1].sha256}  chat.txt`);
  });

  it('evidence add exits 2 without files or with an unknown kind; other commands still refuse extra arguments', async () => {
    const dir = tempDir();
    for (const args of [['evidence', 'add', '--data-dir', dir], ['evidence', 'add', 'x.png', '--kind', 'selfie', '--data-dir', dir], ['evidence'], ['evidence', 'frobnicate'], ['evidence', 'verify', 'extra'], ['init', 'extra']]) {
      expect((await cli(...args)).code, args.join(' ')).toBe(2);
    }
  });

  it('prints help with exit 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/verify/);
  });

  it('evidence clean-orphans lists without --yes, and refuses with a clear message while another process has the folder open', async () => {
    const dir = tempDir();
    await cli('init', '--data-dir', dir);
    const bytes = Buffer.from('left by an add that was killed');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(dirname(vaultObjectPath(dir, sha256)), { recursive: true });
    writeFileSync(vaultObjectPath(dir, sha256), bytes);
    const listed = await cli('evidence', 'clean-orphans', '--data-dir', dir);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`orphan  ${sha256}`);
    expect(listed.out).toMatch(/Nothing was deleted; run again with --yes/);
    const app = ProcessMarker.claim(dir, 'app');
    try {
      const refused = await cli('evidence', 'clean-orphans', '--yes', '--data-dir', dir);
      expect(refused).toMatchObject({ code: 1, err: expect.stringMatching(/^the app \(pid \d+\) also has this data folder open and may be adding files\. Close it/) });
    } finally {
      app.release();
    }
    const cleaned = await cli('evidence', 'clean-orphans', '--yes', '--data-dir', dir, '--json');
    expect(JSON.parse(cleaned.out)).toEqual({ ok: true, removed: 1, freedBytes: bytes.length });
    expect((await cli('evidence', 'verify', '--data-dir', dir)).out).not.toContain('orphan');
  });
});
