import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli/main';
import { vaultObjectPath, vaultTmpDir } from '../../electron/core/services/evidence/vault-paths';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestCore } from '../helpers/test-core';
import { cliMain, spawnTs, waitUntil } from './kill-helpers';

const tempDir = useTempDirs();
const pauseFixture = new URL('./fixtures/add-then-pause.ts', import.meta.url).pathname;

/** A large file that costs no time to make: sparse, with a few bytes so it is not all zeros. */
function bigFile(dir: string, bytes: number): string {
  const path = join(dir, '开箱视频.mp4');
  const fd = openSync(path, 'w');
  writeSync(fd, Buffer.from('unboxing video, one take'), 0, 24, 0);
  writeSync(fd, Buffer.from('end'), 0, 3, bytes - 3);
  closeSync(fd);
  return path;
}

function parts(dataDir: string): { name: string; size: number }[] {
  try {
    return readdirSync(vaultTmpDir(dataDir))
      .filter((name) => name.endsWith('.part'))
      .map((name) => ({ name, size: statSync(join(vaultTmpDir(dataDir), name), { throwIfNoEntry: false })?.size ?? 0 }));
  } catch {
    return [];
  }
}

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await runCli(args, (text) => out.push(text), (text) => out.push(text));
  return { code, out: out.join('\n') };
}

describe('SIGKILL during an evidence add', { timeout: 30_000 }, () => {
  it('mid-copy: the .part file it leaves is removed at the next start, and adding again stores the file', async () => {
    const root = tempDir();
    const dataDir = join(root, 'data');
    const file = bigFile(root, 128 * 1024 ** 2);
    const child = spawnTs(cliMain, ['evidence', 'add', file, '--data-dir', dataDir]);
    // Under way: a temporary file exists and has grown since it was first seen.
    const first = await waitUntil(child, 'a .part file had bytes', () => parts(dataDir).find((part) => part.size > 0));
    await waitUntil(child, 'the .part file grew', () => parts(dataDir).find((part) => part.name === first.name && part.size > first.size));
    await child.kill();
    const left = parts(dataDir);
    expect(left.map((part) => part.name)).toEqual([first.name]);

    const { core, call, callTrusted } = await startTestCore(dataDir, { background: false, instanceKind: 'cli' });
    try {
      expect(parts(dataDir)).toEqual([]);
      expect((await call('evidence.list', {})).items).toEqual([]);
      const report = await call('evidence.verify');
      expect(report).toMatchObject({ ok: true, checked: 0, unreferenced: [], unreferencedBytes: 0 });

      const [added] = (await callTrusted('evidence.add', { paths: [file] })).items;
      expect(added).toMatchObject({ ok: true, duplicate: false });
      expect(await call('evidence.verify')).toMatchObject({ ok: true, checked: 1, bytes: 128 * 1024 ** 2, unreferenced: [] });
      expect(parts(dataDir)).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('between naming the object and writing its row: verify lists the orphan, the owner cleans it, adding again is exact', async () => {
    const root = tempDir();
    const dataDir = join(root, 'data');
    const file = bigFile(root, 4 * 1024 ** 2);
    const child = spawnTs(pauseFixture, [dataDir, file]);
    await waitUntil(child, 'the object was named', () => (child.output().includes('named') ? true : undefined));
    await child.kill();
    const objects = readdirSync(join(dataDir, 'vault', 'objects'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(objects).toHaveLength(1);
    const sha256 = `${objects[0]!.parentPath.slice(-2)}${objects[0]!.name}`;

    // The CLI's text output names it and says what to do.
    const verify = await cli('evidence', 'verify', '--data-dir', dataDir);
    expect(verify.code).toBe(0);
    expect(verify.out).toContain(`orphan  ${sha256}`);
    expect(verify.out).toMatch(/1 orphan file\(s\) \(4\.0 MB\).*evidence clean-orphans --yes/);
    const dryRun = await cli('evidence', 'clean-orphans', '--data-dir', dataDir);
    expect(dryRun.out).toMatch(/Nothing was deleted/);
    expect(existsSync(vaultObjectPath(dataDir, sha256))).toBe(true);

    const { core, call, callTrusted } = await startTestCore(dataDir);
    try {
      expect(await call('evidence.verify')).toMatchObject({ ok: true, checked: 0, unreferenced: [sha256], unreferencedBytes: 4 * 1024 ** 2 });
      expect(await call('evidence.cleanOrphans', { confirm: true })).toEqual({ removed: 1, freedBytes: 4 * 1024 ** 2 });
      expect(existsSync(vaultObjectPath(dataDir, sha256))).toBe(false);
      const audit = await call('audit.list', { entity: 'evidence' });
      expect(audit.items.find((entry) => entry.action === 'evidence.cleanOrphans')).toMatchObject({ actor: expect.any(String) });
      expect(await call('evidence.verify')).toMatchObject({ unreferenced: [], unreferencedBytes: 0 });

      const [added] = (await callTrusted('evidence.add', { paths: [file] })).items;
      expect(added).toMatchObject({ ok: true, duplicate: false, evidence: { sha256 } });
      expect(await call('evidence.verify')).toMatchObject({ ok: true, checked: 1, unreferenced: [] });
    } finally {
      await core.close();
    }
  });
});
