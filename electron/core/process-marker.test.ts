import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertImportRun } from '../../db/queries/imports';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { startTestCore } from '../../tests/helpers/test-core';
import { createShop } from '../../tests/helpers/inbox';
import { instancesDir, ProcessMarker } from './process-marker';
import { vaultTmpDir } from './services/evidence/vault-paths';

const tempDir = useTempDirs();

/** What a process killed outright leaves: its record and an unlocked lock file. */
function deadInstance(dataDir: string, id: string, pid = process.pid) {
  mkdirSync(instancesDir(dataDir), { recursive: true });
  writeFileSync(join(instancesDir(dataDir), `${id}.lock`), '');
  writeFileSync(join(instancesDir(dataDir), `${id}.json`), JSON.stringify({ id, kind: 'cli', pid, startedAt: 1 }));
}

const deadId = '0c0ffee0-0000-4000-8000-000000000001';

describe('process marker', () => {
  it('tells this instance, a live other one and a dead one apart, whatever pid the dead one recorded', () => {
    const dir = tempDir();
    const app = ProcessMarker.claim(dir, 'app');
    const cli = ProcessMarker.claim(dir, 'cli');
    // A killed process's record names a pid that is alive now (this very process): still dead.
    deadInstance(dir, deadId, process.pid);
    try {
      expect(app.ownerState(app.id)).toBe('self');
      expect(app.ownerState(cli.id)).toBe('alive');
      expect(app.ownerState(deadId)).toBe('dead');
      expect(app.ownerState(null)).toBe('dead');
      expect(app.ownerState('../../etc/passwd')).toBe('dead');
      expect(app.liveOthers().map((other) => [other.id, other.kind, other.pid])).toEqual([[cli.id, 'cli', process.pid]]);
      expect(app.sweepDead()).toEqual([deadId]);
      cli.release();
      expect(app.ownerState(cli.id)).toBe('dead');
      expect(app.liveOthers()).toEqual([]);
      expect(readdirSync(instancesDir(dir)).sort()).toEqual([`${app.id}.json`, `${app.id}.lock`]);
    } finally {
      app.release();
      cli.release();
    }
    expect(readdirSync(instancesDir(dir))).toEqual([]);
  });

  it('leaves a lock file with no record alone while it may still be being claimed', () => {
    const dir = tempDir();
    const app = ProcessMarker.claim(dir, 'app');
    const lock = join(instancesDir(dir), `${deadId}.lock`);
    writeFileSync(lock, '');
    try {
      expect(app.sweepDead()).toEqual([]);
      utimesSync(lock, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
      expect(app.sweepDead()).toEqual([deadId]);
      expect(existsSync(lock)).toBe(false);
    } finally {
      app.release();
    }
  });
});

describe('start-up recovery', () => {
  it("marks the runs of dead and unknown owners interrupted and keeps a live process's run running", async () => {
    const dir = tempDir();
    const first = await startTestCore(dir);
    const shopId = await createShop(first.call);
    const other = ProcessMarker.claim(dir, 'cli');
    deadInstance(dir, deadId);
    const run = (owner: string | null) =>
      insertImportRun(first.core.services!.deps.db, { shopId, platform: 'taobao', fileName: 'a.csv', origin: 'cli', format: 'csv', encoding: 'utf-8', mapping: {}, now: 1, actor: 'cli', owner });
    const dead = await run(deadId);
    const legacy = await run(null);
    const live = await run(other.id);
    first.core.services!.deps.sqlite.prepare('UPDATE import_runs SET read_count = 700, inserted_count = 650, duplicate_count = 40, rejected_count = 10 WHERE id = ?').run(dead);
    // The vault's temporary files: a dead add's, a live one's, and older builds' without an owner.
    mkdirSync(vaultTmpDir(dir), { recursive: true });
    const part = (name: string, ageMs = 0) => {
      writeFileSync(join(vaultTmpDir(dir), name), 'x');
      if (ageMs) utimesSync(join(vaultTmpDir(dir), name), new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
    };
    part(`${deadId}.a.part`);
    part(`${other.id}.b.part`);
    part('c.part', 60 * 60_000);
    part('d.part');
    await first.core.close();

    const { call, core } = await startTestCore(dir, { background: false, instanceKind: 'cli' });
    try {
      expect(await call('imports.get', { importId: dead })).toMatchObject({
        status: 'failed',
        counts: { read: 700, inserted: 650, duplicates: 40, rejected: 10 },
        notice: { code: 'interrupted_after', params: { rows: 700, inserted: 650 } },
        message: expect.stringMatching(/^The CLI \(pid \d+\) stopped during this import after 700 rows \(650 new, 40 already stored, 10 with problems\)/),
      });
      expect(await call('imports.get', { importId: legacy })).toMatchObject({ status: 'failed', message: expect.stringMatching(/^The process running it stopped/) });
      expect((await call('imports.get', { importId: live })).status).toBe('running');
      expect(readdirSync(vaultTmpDir(dir)).sort()).toEqual([`${other.id}.b.part`, 'd.part'].sort());
      expect(readdirSync(instancesDir(dir)).filter((name) => name.startsWith(deadId))).toEqual([]);
      // While another process has the folder open, orphan files are not deleted under it.
      const refused = await core.call('evidence.cleanOrphans', { confirm: true });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^the CLI \(pid \d+\) also has this data folder open/) } });
    } finally {
      await core.close();
      other.release();
    }
  });

  it('a running app learns of a run the CLI left when it recovers again (its minute tick), with an import.finished event', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    try {
      const shopId = await createShop(call);
      const cli = ProcessMarker.claim(dir, 'cli');
      const importId = await insertImportRun(core.services!.deps.db, { shopId, platform: 'taobao', fileName: 'a.csv', origin: 'cli', format: 'csv', encoding: 'utf-8', mapping: {}, now: 1, actor: 'cli', owner: cli.id });
      await core.services!.recover();
      expect((await call('imports.get', { importId })).status).toBe('running');
      cli.release(); // as the OS does when the CLI is killed
      const finished: unknown[] = [];
      core.events.subscribe((message) => message.event === 'import.finished' && finished.push(message.payload));
      await core.services!.recover();
      expect((await call('imports.get', { importId })).status).toBe('failed');
      expect(finished).toEqual([{ importId, status: 'failed', message: expect.stringMatching(/stopped during this import after 0 rows/) }]);
    } finally {
      await core.close();
    }
  });

  it("leaves this process's own running runs to it, except in a database just opened (a restored copy taken mid-import)", async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    try {
      const shopId = await createShop(call);
      const deps = core.services!.deps;
      const importId = await insertImportRun(deps.db, { shopId, platform: 'taobao', fileName: 'a.csv', origin: 'manual', format: 'csv', encoding: 'utf-8', mapping: {}, now: 1, actor: 'local', owner: deps.instance.id });
      await core.services!.recover();
      expect((await call('imports.get', { importId })).status).toBe('running');
      await core.services!.recover({ justOpened: true });
      expect((await call('imports.get', { importId })).status).toBe('failed');
    } finally {
      await core.close();
    }
  });
});
