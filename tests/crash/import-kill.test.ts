import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath } from '../../db/files';
import { createShop, importFile } from '../helpers/inbox';
import { csvText } from '../helpers/review-files';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestCore } from '../helpers/test-core';
import { cliMain, spawnTs, waitUntil, type Child } from './kill-helpers';

const tempDir = useTempDirs();

/** Enough rows that the CLI is still importing well after its first batches commit. */
const rowCount = 12_000;
const shopName = '木棉生活小店';

function reviewsCsv(dir: string): string {
  const rows = [['订单编号', '评价内容', '评价时间', '评价结果']];
  for (let index = 0; index < rowCount; index += 1) rows.push([`C${index}`, `第 ${index} 条评价：物流很快，包装完好`, '2026-11-24 08:00', '好评']);
  const file = join(dir, '评价.csv');
  writeFileSync(file, csvText(rows));
  return file;
}

/** A data folder with the shop, and the CLI importing the file into it. */
async function cliImporting(): Promise<{ dir: string; file: string; shopId: number; child: Child }> {
  const root = tempDir();
  const dir = join(root, 'data');
  const file = reviewsCsv(root);
  const setup = await startTestCore(dir);
  const shopId = await createShop(setup.call, 'taobao', shopName);
  await setup.core.close();
  const child = spawnTs(cliMain, ['import', file, '--platform', 'taobao', '--shop', shopName, '--data-dir', dir]);
  return { dir, file, shopId, child };
}

type RunRow = { id: number; status: string; read: number; inserted: number; owner: string | null };

/** The run as the database says, read beside the writer; undefined until it has committed rows. */
function committedRun(dir: string): RunRow | undefined {
  if (!existsSync(databasePath(dir))) return undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(databasePath(dir), { readonly: true, fileMustExist: true });
    const row = db.prepare('SELECT id, status, read_count AS read, inserted_count AS inserted, owner_instance AS owner FROM import_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
    return row && row.status === 'running' && row.read > 0 ? row : undefined;
  } catch {
    return undefined; // not migrated yet, or the writer holds it for a moment
  } finally {
    db?.close();
  }
}

function storedReviews(sqlite: Database.Database, importId: number): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM reviews WHERE import_id = ?').get(importId) as { n: number }).n;
}

// Starting a child through tsx takes 2-5 s of a loaded machine; the waits are for states, the timeout only a backstop.
describe('SIGKILL during an import', { timeout: 30_000 }, () => {
  it('the next start marks the run interrupted with its counts, and importing again stores exactly the rest', async () => {
    const { dir, file, shopId, child } = await cliImporting();
    const seen = await waitUntil(child, 'the run had committed rows', () => committedRun(dir));
    await child.kill();

    const { core, call } = await startTestCore(dir, { background: false, instanceKind: 'cli' });
    try {
      const run = await call('imports.get', { importId: seen.id });
      expect(run.status).toBe('failed');
      expect(run.notice).toEqual({ code: 'interrupted_after', params: { rows: run.counts.read, inserted: run.counts.inserted } });
      expect(run.message).toMatch(new RegExp(`^The CLI \\(pid ${child.process.pid}\\) stopped during this import after ${run.counts.read} rows`));
      // The counts are what the committed batches hold: no more, no fewer.
      expect(run.counts.read).toBeGreaterThanOrEqual(seen.read);
      expect(run.counts.read).toBeLessThan(rowCount);
      expect(storedReviews(core.services!.deps.sqlite, seen.id)).toBe(run.counts.inserted);
      expect(run.counts.inserted).toBe(run.counts.read);

      const again = await importFile(core, call, { kind: 'path', path: file }, 'taobao', shopId);
      expect(again.run.status).toBe('done');
      expect(again.run.counts).toMatchObject({ read: rowCount, inserted: rowCount - run.counts.inserted, duplicates: run.counts.inserted, rejected: 0 });
      expect((core.services!.deps.sqlite.prepare('SELECT count(*) AS n FROM reviews WHERE shop_id = ?').get(shopId) as { n: number }).n).toBe(rowCount);
      expect((await call('imports.list')).items.filter((item) => item.status === 'running')).toEqual([]);
    } finally {
      await core.close();
    }
  });

  it('a run of a live process is left alone; once that process is killed, cancel marks it interrupted', async () => {
    const { dir, child } = await cliImporting();
    const seen = await waitUntil(child, 'the run had committed rows', () => committedRun(dir));
    // The app starts while the CLI imports: the CLI's run is not the app's to recover.
    const { core, call } = await startTestCore(dir);
    try {
      expect((await call('imports.get', { importId: seen.id })).status).toBe('running');
      expect(await call('imports.cancel', { importId: seen.id })).toEqual({ cancelled: false });
      await child.kill();

      const finished = new Promise((resolve) => core.events.subscribe((message) => message.event === 'import.finished' && resolve(message.payload)));
      expect(await call('imports.cancel', { importId: seen.id })).toEqual({ cancelled: true, interrupted: true });
      const run = await call('imports.get', { importId: seen.id });
      expect(run).toMatchObject({ status: 'failed', notice: { code: 'interrupted_after' } });
      expect(await finished).toEqual({ importId: seen.id, status: 'failed', message: run.message });
      expect(storedReviews(core.services!.deps.sqlite, seen.id)).toBe(run.counts.inserted);
      // Asked again, it is an ordinary finished run.
      expect(await call('imports.cancel', { importId: seen.id })).toEqual({ cancelled: false });
    } finally {
      await core.close();
    }
  });
});
