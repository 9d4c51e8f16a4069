import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepPartialCopies } from '../../../db/backup-files';
import { backupsDir, databasePath } from '../../../db/files';
import { insertAudit } from '../../../db/queries/audit';
import { inTransaction } from '../../../db/transaction';
import { verifyDatabaseFile } from '../../../db/verify';
import { damageMiddlePages } from '../../../tests/helpers/damage-file';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../tests/helpers/test-core';
import { cli } from '../../../tests/helpers/cli';

const tempDir = useTempDirs();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');


async function until<T>(probe: () => T | null | undefined | false, what: string, child?: ChildProcess): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (child && child.exitCode !== null) throw new Error(`the child exited (${child.exitCode}) before ${what}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => /\.partial|-journal$/.test(name));

describe('restore from the CLI', () => {
  it('corrupt database, then restore --latest: verify passes and the corrupted file is kept aside', async () => {
    const dir = tempDir();
    await cli('seed', '--demo', '--data-dir', dir);
    expect((await cli('backup', '--data-dir', dir)).code).toBe(0);
    damageMiddlePages(databasePath(dir));
    const corrupted = sha(databasePath(dir));
    expect((await cli('verify', '--data-dir', dir)).code).toBe(1);

    const restored = await cli('restore', '--latest', '--data-dir', dir, '--json');
    expect(restored.code).toBe(0);
    const outcome = JSON.parse(restored.out) as { asidePath: string; restoredFrom: string };
    expect(outcome.restoredFrom).toMatch(/-manual\.sqlite$/);
    const verify = await cli('verify', '--data-dir', dir, '--json');
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, integrity: ['ok'] });
    expect(sha(outcome.asidePath)).toBe(corrupted);
    const list = await cli('backups', 'list', '--data-dir', dir);
    expect(list.out).toMatch(/before-restore/);
    expect(list.out).toMatch(/manual/);
  });

  it('says why, and changes nothing, when there is nothing good to restore or the app has the database', async () => {
    const dir = tempDir();
    expect((await cli('restore', '--data-dir', dir)).err).toMatch(/needs either --latest or one backup FILE/);
    expect((await cli('restore', '--latest', '--data-dir', dir)).err).toMatch(/No backup in .* passes the integrity check; nothing was changed/);

    await cli('seed', '--demo', '--data-dir', dir);
    const backup = JSON.parse((await cli('backup', '--data-dir', dir, '--json')).out) as { path: string };
    const copy = join(tempDir(), 'copy.sqlite');
    writeFileSync(copy, readFileSync(backup.path));
    damageMiddlePages(copy);
    const damaged = await cli('restore', copy, '--data-dir', dir);
    expect(damaged.code).toBe(1);
    expect(damaged.err).toMatch(/cannot be restored: .* is damaged: .*\. Nothing was changed\./);

    const before = sha(databasePath(dir));
    const app = await startTestCore(dir);
    const held = await cli('restore', '--latest', '--data-dir', dir);
    expect(held.code).toBe(1);
    expect(held.err).toMatch(/Another ReviewDesk process .* has the database open\. Close it, then restore again\. Nothing was changed\./);
    await app.core.close();
    expect(readdirSync(backupsDir(dir)).filter((name) => name.includes('before-restore'))).toEqual([]);
    expect(sha(databasePath(dir))).toBe(before);
  });
});

describe('crash leftovers of backups', () => {
  it('start-up removes partial copies of dead writers and keeps a live writer\'s', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      const names = {
        dead: `reviewdesk-x-daily.sqlite.${dead.pid}.partial`,
        deadJournal: `reviewdesk-x-daily.sqlite.${dead.pid}.partial-journal`,
        live: `reviewdesk-y-daily.sqlite.${live.pid}.partial`,
        liveStale: `reviewdesk-z-daily.sqlite.${live.pid}.partial`,
        unnamedFresh: 'reviewdesk-w-manual.sqlite.partial',
      };
      for (const name of Object.values(names)) writeFileSync(join(dir, name), 'x');
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      utimesSync(join(dir, names.liveStale), twoHoursAgo, twoHoursAgo);
      const swept = sweepPartialCopies([dir]);
      expect(swept.removed.map((path) => path.slice(dir.length + 1)).sort()).toEqual([names.dead, names.deadJournal, names.liveStale].sort());
      expect(readdirSync(dir).sort()).toEqual([names.live, names.unnamedFresh].sort());
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('SIGKILL during a backup, then start again: no .partial or journal left, the database is fine', async () => {
    const dir = tempDir();
    const { core } = await startTestCore(dir);
    // About 120 MB, so the backup is still copying when the kill lands.
    const { sqlite, clock } = core.services!.deps;
    const ballast = 'x'.repeat(1024 * 1024);
    for (let batch = 0; batch < 12; batch += 1) {
      inTransaction(sqlite, () => {
        for (let i = 0; i < 10; i += 1) insertAudit(sqlite, { at: clock.now(), actor: 'ballast', action: 'test.ballast', entity: 'test', entityId: `${batch}-${i}`, after: { ballast } });
      });
    }
    await core.close();
    expect(statSync(databasePath(dir)).size).toBeGreaterThan(100 * 1024 * 1024);

    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/main.ts', 'backup', '--data-dir', dir], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const partial = await until(
      () => {
        try {
          const name = readdirSync(backupsDir(dir)).find((file) => file.endsWith(`.${child.pid}.partial`));
          return name && statSync(join(backupsDir(dir), name)).size > 0 ? name : null;
        } catch {
          return null;
        }
      },
      'the backup to start writing its partial copy',
      child,
    );
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expect(readdirSync(backupsDir(dir))).toContain(partial);
    expect(readdirSync(backupsDir(dir)).filter((name) => name.endsWith('.sqlite'))).toEqual([]);

    expect((await cli('init', '--data-dir', dir)).code).toBe(0);
    expect(leftovers(backupsDir(dir))).toEqual([]);
    expect(leftovers(dir)).toEqual([]);
    expect(verifyDatabaseFile(databasePath(dir)).ok).toBe(true);
  }, 120_000);
});
