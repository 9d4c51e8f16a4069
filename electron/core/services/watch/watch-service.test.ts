import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { countRows, createShop } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';
import { watchPollMs, type WatchTimers } from './watch-service';

const tempDir = useTempDirs();

/** Timers that only run when the test says so. */
function fakeTimers() {
  const pending: { run: () => void; ms: number; id: number }[] = [];
  let next = 1;
  const timers: WatchTimers = {
    set(run, ms) {
      const id = next++;
      pending.push({ run, ms, id });
      return id;
    },
    clear(handle) {
      const index = pending.findIndex((timer) => timer.id === handle);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  return { timers, pending };
}

const exportText = csvText([
  ['订单编号', '评价内容', '评价时间', '评价结果'],
  ['W1', '物流太慢', '2026-11-24 08:00', '差评'],
  ['W2', '很好', '2026-11-24 09:00', '好评'],
]);

describe('watched folder', () => {
  it('imports a new export once it is stable, once, even across a restart; a bad file fails once', async () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const first = fakeTimers();
    const { core, call, callTrusted } = await startTestCore(join(dir, 'data'), { watchTimers: first.timers });
    const shopId = await createShop(call);
    expect(await callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId })).toMatchObject({ folder, shopId, filesImported: 0, problem: null });
    expect(first.pending.map((timer) => timer.ms)).toEqual([0]);

    writeFileSync(join(folder, '千牛评价导出.csv'), exportText);
    writeFileSync(join(folder, 'readme.txt'), '这不是表格\n');
    writeFileSync(join(folder, '~$lock.xlsx'), 'x');
    const watch = core.services!.watch;
    expect((await watch.poll()).imported).toEqual([]); // first sight: maybe still being written
    const { imported } = await watch.poll();
    expect(imported).toHaveLength(1);
    const runs = (await call('imports.list', {})).items;
    expect(runs.map((run: { fileName: string; origin: string; status: string }) => [run.fileName, run.origin, run.status]).sort()).toEqual([
      ['readme.txt', 'watched-folder', 'failed'],
      ['千牛评价导出.csv', 'watched-folder', 'done'],
    ]);
    expect(countRows(core, 'reviews')).toBe(2);
    expect((await watch.poll()).imported).toEqual([]);
    copyFileSync(join(folder, '千牛评价导出.csv'), join(folder, 'copy.csv'));
    await watch.poll();
    await watch.poll();
    expect((await call('imports.list', {})).items).toHaveLength(2);
    expect(await call('watch.get')).toMatchObject({ filesImported: 2, lastScanAt: expect.any(Number) });

    // The scheduler: the pending first poll runs, then the next is due in watchPollMs.
    first.pending.shift()!.run();
    await vi.waitFor(() => expect(first.pending.map((timer) => timer.ms)).toEqual([watchPollMs]));
    await core.close();

    const second = fakeTimers();
    const restarted = await startTestCore(join(dir, 'data'), { watchTimers: second.timers });
    expect(second.pending).toHaveLength(1);
    await restarted.core.services!.watch.poll();
    await restarted.core.services!.watch.poll();
    expect((await restarted.call('imports.list', {})).items).toHaveLength(2);
    expect(countRows(restarted.core, 'reviews')).toBe(2);
    await restarted.core.close();
  });

  it('tries a file again under a new name when the same content failed before', async () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const { core, call, callTrusted } = await startTestCore(join(dir, 'data'), { watchTimers: fakeTimers().timers });
    const shopId = await createShop(call);
    await callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId });
    const unknownHeaders = csvText([['客户留言', '时间'], ['物流太慢', '2026-11-24 08:00']]);
    writeFileSync(join(folder, 'first.csv'), unknownHeaders);
    const watch = core.services!.watch;
    await watch.poll();
    await watch.poll();
    writeFileSync(join(folder, 'retry.csv'), unknownHeaders);
    await watch.poll();
    await watch.poll();
    const runs = (await call('imports.list', {})).items.map((run: { fileName: string; status: string }) => [run.fileName, run.status]).sort();
    expect(runs).toEqual([
      ['first.csv', 'failed'],
      ['retry.csv', 'failed'],
    ]);
    expect(await call('watch.get')).toMatchObject({ filesImported: 0 });
    await core.close();
  });

  it('reports a folder that is gone and stops watching when cleared', async () => {
    const dir = tempDir();
    const fake = fakeTimers();
    const { core, call, callTrusted } = await startTestCore(dir, { watchTimers: fake.timers });
    const shopId = await createShop(call);
    await callTrusted('watch.set', { folder: { kind: 'path', path: join(dir, 'missing') }, platform: 'taobao', shopId });
    await core.services!.watch.poll();
    expect((await call('watch.get')).problem).toMatch(/does not exist/);
    const incomplete = await core.call('watch.set', { folder: { kind: 'path', path: dir }, platform: 'taobao', shopId: null }, { trusted: true });
    expect(!incomplete.ok && incomplete.error.details?.issues?.[0]?.path).toBe('shopId');
    expect(await call('watch.set', { folder: null, platform: null, shopId: null })).toMatchObject({ folder: null, problem: null });
    expect(fake.pending).toHaveLength(0);
    await core.close();
  });
});
