import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackupFiles } from '../../../../db/backup-files';
import { backupsDir, databasePath } from '../../../../db/files';
import { verifyDatabaseFile } from '../../../../db/verify';
import { damageMiddlePages } from '../../../../tests/helpers/damage-file';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { sampleFile } from '../../../../tests/helpers/evidence-files';
import type { BackupTimers } from './backup-scheduler';

const tempDir = useTempDirs();
const day = 24 * 60 * 60 * 1000;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');


/** Timers that run only when the test says so. */
function manualTimers() {
  const pending: { callback: () => void; ms: number }[] = [];
  const timers: BackupTimers = {
    setTimeout: (callback, ms) => {
      const timer = { callback, ms };
      pending.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      const index = pending.indexOf(handle as (typeof pending)[number]);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  const fireNext = () => {
    const timer = pending.shift();
    if (!timer) throw new Error('no timer is armed');
    timer.callback();
    return timer.ms;
  };
  return { timers, pending, fireNext };
}

const dailies = (dataDir: string) => listBackupFiles(backupsDir(dataDir)).filter((file) => file.kind === 'daily');

async function waitFor(condition: () => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('daily backups', () => {
  it('backs up at start when there is none, then once a day, not on every wake-up', async () => {
    const dataDir = tempDir();
    const { timers, pending, fireNext } = manualTimers();
    const { core, clock } = await startTestCore(dataDir, { backupTimers: timers });
    expect(pending.map((timer) => timer.ms)).toEqual([0]);
    fireNext();
    await waitFor(() => dailies(dataDir).length === 1 && pending.length === 1, 'the first daily backup');
    expect(pending[0]?.ms).toBe(60 * 60 * 1000); // sleeps at most an hour, then looks again

    fireNext(); // an hour later by the timer, but the clock has not moved: not due
    expect(dailies(dataDir)).toHaveLength(1);
    expect(pending).toHaveLength(1);

    clock.advance(day);
    fireNext();
    await waitFor(() => dailies(dataDir).length === 2 && pending.length === 1, 'the second daily backup');
    await core.close();
    expect(pending).toEqual([]);

    // A restart within the day adds none: the last one's time comes from the folder.
    clock.advance(2 * 60 * 60 * 1000);
    const again = manualTimers();
    const restarted = await startTestCore(dataDir, { backupTimers: again.timers, clock });
    expect(again.pending).toHaveLength(1);
    again.fireNext();
    expect(dailies(dataDir)).toHaveLength(2);
    await restarted.core.close();
  });

  it('runs neither in the CLI nor when background work is off', async () => {
    const dataDir = tempDir();
    const { timers, pending } = manualTimers();
    const { core } = await startTestCore(dataDir, { backupTimers: timers, background: false });
    expect(pending).toEqual([]);
    await core.close();
  });

  it('keeps the newest N daily backups and never removes manual ones', async () => {
    const dataDir = tempDir();
    const { core, call, clock } = await startTestCore(dataDir);
    expect(await call('maintenance.getBackupSettings')).toEqual({ keepDaily: 14 });
    await call('maintenance.updateBackupSettings', { keepDaily: 3 });
    await call('maintenance.backup');
    const taken: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock.advance(day);
      taken.push(clock.now());
      await core.services!.maintenance.backup('system', 'daily');
    }
    expect(dailies(dataDir).map((file) => file.takenAt)).toEqual(taken.slice(2).reverse());
    expect(listBackupFiles(backupsDir(dataDir)).filter((file) => file.kind === 'manual')).toHaveLength(1);
    // Manifests go with their backups.
    expect(readdirSync(backupsDir(dataDir)).filter((name) => name.endsWith('.vault.json'))).toHaveLength(4);

    await call('maintenance.updateBackupSettings', { keepDaily: 1 });
    expect(dailies(dataDir).map((file) => file.takenAt)).toEqual([taken[4]]);
    const refused = await core.call('maintenance.updateBackupSettings', { keepDaily: 0 });
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    await core.close();
  });
});

describe('backup contents and restore', () => {
  it('previews what a backup holds, read from the copy, with its vault manifest', async () => {
    const root = tempDir();
    const dataDir = join(root, 'data');
    const { core, call } = await startTestCore(dataDir);
    await call('demo.load');
    const file = join(root, 'chat.png');
    writeFileSync(file, sampleFile('png'));
    await core.services!.evidence.add([file], {}, 'tester');
    const backup = await call('maintenance.backup');
    expect(backup.vaultObjects).toBe(1);
    await call('shops.create', { platform: 'jd', name: '备份之后的店' });

    const { items } = await call('maintenance.listBackups');
    expect(items).toMatchObject([{ name: backup.path.split(/[\\/]/).pop(), kind: 'manual', bytes: backup.bytes, vaultObjects: 1 }]);
    const preview = await call('maintenance.previewBackup', { name: items[0]!.name });
    expect(preview).toMatchObject({ ok: true, problem: null, missingVaultObjects: 0 });
    expect(preview.contents).toMatchObject({ reviews: 492, staff: 8, evidence: 1, cases: expect.any(Number), imports: expect.any(Number) });
    const newest = (await call('reviews.list', { sort: 'newest', limit: 1 })).items[0]!;
    expect(preview.contents?.newestReviewAt).toBe(newest.postedAt);

    const missing = await core.call('maintenance.previewBackup', { name: 'reviewdesk-20200101T000000000Z-manual.sqlite' });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'NOT_FOUND' });
    const traversal = await core.call('maintenance.previewBackup', { name: '../reviewdesk.sqlite' });
    expect(!traversal.ok && traversal.error.code).toBe('VALIDATION');
    await core.close();
  });

  it('restores in the running core: the replaced file is kept aside, the restored one verifies, audited', async () => {
    const dataDir = tempDir();
    const { core, call } = await startTestCore(dataDir);
    await call('demo.load');
    const backup = await call('maintenance.backup');
    await call('shops.create', { platform: 'jd', name: '备份之后的店' });
    const before = core.services;

    const outcome = await call('maintenance.restore', { name: backup.path.split(/[\\/]/).pop()! });
    expect(outcome).toMatchObject({ restoredFrom: backup.path, status: 'ready', asidePath: expect.stringMatching(/-before-restore\.sqlite$/) });
    expect(core.services).not.toBe(before);
    expect((await call('shops.list')).items.map((shop) => shop.name)).not.toContain('备份之后的店');
    expect(verifyDatabaseFile(databasePath(dataDir)).ok).toBe(true);
    // The aside copy is the database as it was, later shop included.
    const aside = new Database(outcome.asidePath!, { readonly: true });
    expect(aside.prepare("SELECT count(*) AS n FROM shops WHERE name = '备份之后的店'").get()).toEqual({ n: 1 });
    aside.close();
    expect((await call('audit.list', { entity: 'database' })).items[0]).toMatchObject({ action: 'maintenance.restore', after: { restoredFrom: backup.path } });
    expect((await call('maintenance.listBackups')).items.map((item) => item.kind).sort()).toEqual(['before-restore', 'manual']);
    await core.close();
  });

  it('refuses a damaged backup with the reason and changes nothing', async () => {
    const dataDir = tempDir();
    const { core, call } = await startTestCore(dataDir);
    await call('demo.load');
    const backup = await call('maintenance.backup');
    damageMiddlePages(backup.path);
    const name = backup.path.split(/[\\/]/).pop()!;
    const preview = await call('maintenance.previewBackup', { name });
    expect(preview).toMatchObject({ ok: false, contents: null });
    expect(preview.problem).toMatch(/is damaged: (its integrity check failed|database disk image is malformed)/);
    expect(await call('maintenance.getLatestGoodBackup')).toBeNull();

    const refused = await core.call('maintenance.restore', { name });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/cannot be restored: .*damaged/) });
    expect((await call('shops.list')).items).toHaveLength(2);
    expect(readdirSync(backupsDir(dataDir)).filter((file) => file.includes('before-restore'))).toEqual([]);
    await core.close();
  });

  it('refuses while another connection has the database open', async () => {
    const dataDir = tempDir();
    const { core, call } = await startTestCore(dataDir);
    const backup = await call('maintenance.backup');
    const other = new Database(databasePath(dataDir));
    other.prepare('SELECT 1').get();
    const refused = await core.call('maintenance.restore', { name: backup.path.split(/[\\/]/).pop()! });
    expect(!refused.ok && refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/has the database open/) });
    other.close();
    // The core reopened its own database and carries on.
    expect(core.status().state).toBe('ready');
    expect((await call('shops.list')).items).toEqual([]);
    await core.close();
  });

  it('needs the owner while the database is open', async () => {
    const dataDir = tempDir();
    const { core, call } = await startTestCore(dataDir);
    const backup = await call('maintenance.backup');
    const agent = await call('staff.create', { name: '赵雪', role: 'agent' });
    await call('auth.signIn', { staffId: agent.id });
    const refused = await core.call('maintenance.restore', { name: backup.path.split(/[\\/]/).pop()! });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    await core.close();
  });

  it('from the error state: lists, finds the latest good backup and restores without sign-in; nothing else is allowed', async () => {
    const dataDir = tempDir();
    const first = await startTestCore(dataDir);
    await first.call('demo.load');
    const good = await first.call('maintenance.backup');
    first.clock.advance(60_000);
    const later = await first.call('maintenance.backup');
    await first.core.close();
    damageMiddlePages(later.path); // the newest backup is damaged too
    writeFileSync(databasePath(dataDir), Buffer.alloc(8192, 0x41)); // and the database is not SQLite any more
    const damaged = sha(databasePath(dataDir));

    const { core, call } = await startTestCore(dataDir);
    expect(core.status().state).toBe('error');
    const blocked = await core.call('shops.create', { platform: 'jd', name: 'x' });
    expect(!blocked.ok && blocked.error.code).toBe('UNAVAILABLE');
    expect((await call('maintenance.listBackups')).items).toHaveLength(2);
    const latest = await call('maintenance.getLatestGoodBackup');
    expect(latest).toMatchObject({ ok: true, backup: { path: good.path }, contents: { reviews: 492 } });

    const outcome = await call('maintenance.restore', { name: latest!.backup.name });
    expect(outcome.status).toBe('ready');
    expect(core.status().state).toBe('ready');
    expect((await call('shops.list')).items).toHaveLength(2);
    expect(sha(outcome.asidePath!)).toBe(damaged);
    expect(outcome.asidePath?.startsWith(backupsDir(dataDir))).toBe(true);
    await core.close();
  });
});
