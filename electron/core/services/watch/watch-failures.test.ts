import { appendFileSync, closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { countRows, createShop } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';
import { AppError } from '../../errors';
import type { WatchTimers } from './watch-service';

const tempDir = useTempDirs();

/** Timers that never run: the test drives every poll. */
const idleTimers: WatchTimers = { set: () => 0, clear: () => undefined };

function writeWideHeader(path: string, bytes: number) {
  const fd = openSync(path, 'w');
  const block = Buffer.from('col,'.repeat(256 * 1024));
  for (let written = 0; written < bytes; written += block.length) writeSync(fd, block);
  writeSync(fd, Buffer.from('\n1,2\n'));
  closeSync(fd);
}

const goodExport = csvText([
  ['订单编号', '评价内容', '评价时间', '评价结果'],
  ['W1', '物流太慢', '2026-11-24 08:00', '差评'],
]);

async function pollTimes(watch: { poll(): Promise<unknown> }, times: number) {
  for (let i = 0; i < times; i++) await watch.poll();
}

const watchNotifications = (call: Awaited<ReturnType<typeof startTestCore>>['call']) =>
  call('notifications.list', {}).then(({ items }) => items.filter((item) => item.kind === 'watch_failed').map((item) => item.params.fileName).sort());

describe('watched folder and files it cannot import', () => {
  it('a hostile file is reported once with its reason and not retried across scans or a restart, until it changes', async () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const data = join(dir, 'data');
    const { core, call, callTrusted, platform } = await startTestCore(data, { watchTimers: idleTimers });
    const shopId = await createShop(call);
    await callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId });
    writeWideHeader(join(folder, 'wide-header.csv'), 10 * 1024 * 1024);
    const columns = Array.from({ length: 5_000 }, (_, index) => `列${index}`);
    writeFileSync(join(folder, 'columns.csv'), csvText([columns, columns]));
    writeFileSync(join(folder, 'good.csv'), goodExport);

    const watch = core.services!.watch;
    await pollTimes(watch, 5);
    const runs = (await call('imports.list', {})).items.map((run) => [run.fileName, run.status]).sort();
    expect(runs).toEqual([
      ['columns.csv', 'failed'],
      ['good.csv', 'done'],
      ['wide-header.csv', 'failed'],
    ]);
    const status = await call('watch.get');
    expect(status.filesImported).toBe(1);
    expect(status.failedFiles.map((file) => [file.fileName, file.reason]).sort()).toEqual([
      ['columns.csv', expect.stringMatching(/has 5,000 columns; at most 1,000 are read/)],
      ['wide-header.csv', expect.stringMatching(/header row \(row 1\) has [\d,]+ columns/)],
    ]);
    expect(await watchNotifications(call)).toEqual(['columns.csv', 'wide-header.csv']);
    const desktop = platform.records.filter((record) => record.type === 'notify');
    expect(desktop).toHaveLength(2);
    await core.close();

    const restarted = await startTestCore(data, { watchTimers: idleTimers });
    await pollTimes(restarted.core.services!.watch, 4);
    expect(countRows(restarted.core, 'import_runs')).toBe(3);
    expect(await watchNotifications(restarted.call)).toEqual(['columns.csv', 'wide-header.csv']);
    expect((await restarted.call('watch.get')).failedFiles).toHaveLength(2);

    // Changed (size and mtime): tried once more, and reported once more.
    appendFileSync(join(folder, 'columns.csv'), 'x\n');
    await pollTimes(restarted.core.services!.watch, 4);
    expect(countRows(restarted.core, 'import_runs')).toBe(4);
    expect(await watchNotifications(restarted.call)).toEqual(['columns.csv', 'columns.csv', 'wide-header.csv']);
    await restarted.core.close();
  });

  it('a file the process dies reading is not taken again after the restart', async () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const data = join(dir, 'data');
    const first = await startTestCore(data, { watchTimers: idleTimers });
    const shopId = await createShop(first.call);
    await first.callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId });
    writeFileSync(join(folder, 'crasher.csv'), goodExport);
    const watch = first.core.services!.watch;
    await watch.poll();
    // The reader never comes back, as when it takes the process down.
    let release: () => void = () => undefined;
    vi.spyOn(first.core.services!.imports, 'preview').mockImplementation(
      () => new Promise((_resolve, reject) => (release = () => reject(new AppError('UNAVAILABLE', 'released by the test')))),
    );
    const stuck = watch.poll();
    await vi.waitFor(() => expect(countRows(first.core, 'watched_files')).toBe(1));
    // While it is still being read, the live app does not call it failed.
    expect((await first.call('watch.get')).failedFiles).toEqual([]);

    // "After the restart": another core on the same database while the first never finished.
    const second = await startTestCore(data, { watchTimers: idleTimers });
    await pollTimes(second.core.services!.watch, 3);
    expect(countRows(second.core, 'reviews')).toBe(0);
    expect(countRows(second.core, 'import_runs')).toBe(0);
    expect((await second.call('watch.get')).failedFiles).toEqual([expect.objectContaining({ fileName: 'crasher.csv', reason: expect.stringMatching(/stopped while reading this file/) })]);
    await second.core.close();

    release();
    await stuck;
    await first.core.close();
  });

  it('an unexpected error while importing is recorded as that file’s failure, not retried', async () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const { core, call, callTrusted } = await startTestCore(join(dir, 'data'), { watchTimers: idleTimers });
    const shopId = await createShop(call);
    await callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId });
    writeFileSync(join(folder, 'odd.csv'), goodExport);
    const preview = vi.spyOn(core.services!.imports, 'preview').mockRejectedValue(new RangeError('Invalid array length'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await pollTimes(core.services!.watch, 4);
    quiet.mockRestore();
    expect(preview).toHaveBeenCalledTimes(1);
    expect((await call('watch.get')).failedFiles).toEqual([expect.objectContaining({ fileName: 'odd.csv', reason: expect.stringMatching(/failed unexpectedly \(Invalid array length\)/) })]);
    await core.close();
  });

  it('an import stopped by shutdown is taken again at the next start', async () => {
    const dir = tempDir();
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const data = join(dir, 'data');
    const first = await startTestCore(data, { watchTimers: idleTimers });
    const shopId = await createShop(first.call);
    await first.callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId });
    const rows = Array.from({ length: 6_000 }, (_, i) => [`S${i}`, `第${i}条 物流很慢`, '2026-11-24 08:00', '差评']);
    writeFileSync(join(folder, 'big.csv'), csvText([['订单编号', '评价内容', '评价时间', '评价结果'], ...rows]));
    const watch = first.core.services!.watch;
    await watch.poll();
    let closing: Promise<void> | null = null;
    first.core.events.subscribe((message) => {
      if (message.event === 'import.progress' && message.payload.inserted > 0) closing ??= first.core.close();
    });
    await watch.poll();
    await vi.waitFor(() => expect(closing).not.toBeNull());
    await closing;

    const second = await startTestCore(data, { watchTimers: idleTimers });
    await pollTimes(second.core.services!.watch, 2);
    expect(countRows(second.core, 'reviews')).toBe(6_000);
    // The first run really was stopped part-way, and the second finished it.
    expect((await second.call('imports.list', {})).items.map((run) => run.status).sort()).toEqual(['cancelled', 'done']);
    expect((await second.call('watch.get')).failedFiles).toEqual([]);
    await second.core.close();
  });
});

