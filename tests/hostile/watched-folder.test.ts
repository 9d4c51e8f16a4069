import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WatchTimers } from '../../electron/core/services/watch/watch-service';
import { hostileXlsxFiles } from '../helpers/hostile-xlsx';
import { countRows, createShop } from '../helpers/inbox';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestCore } from '../helpers/test-core';

const tempDir = useTempDirs();

/** Timers that never run: the test drives every scan. */
const idleTimers: WatchTimers = { set: () => 0, clear: () => undefined };

const failedNotes = async (call: Awaited<ReturnType<typeof startTestCore>>['call']) =>
  (await call('notifications.list', {})).items.filter((item) => item.kind === 'watch_failed').length;

/**
 * Every hostile workbook dropped into the watched folder at once: each is reported once with its
 * reason, none is retried by later scans or after a restart, and nothing of them is stored.
 */
describe('hostile files in the watched folder', () => {
  it('are each reported once and never retried, across scans and a restart', async () => {
    const dir = tempDir('reviewdesk-hostile-watch-');
    const folder = join(dir, 'exports');
    mkdirSync(folder);
    const data = join(dir, 'data');
    const first = await startTestCore(data, { watchTimers: idleTimers });
    const shopId = await createShop(first.call);
    await first.callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId });
    hostileXlsxFiles.forEach((file, index) => writeFileSync(join(folder, `hostile-${index + 1}.xlsx`), file.build()));

    const scan = async (core: typeof first.core, times: number) => {
      for (let i = 0; i < times; i++) await core.services!.watch.poll();
    };
    await scan(first.core, hostileXlsxFiles.length + 3);
    const status = await first.call('watch.get');
    expect(status.failedFiles).toHaveLength(hostileXlsxFiles.length);
    for (const failed of status.failedFiles) expect(failed.reason).toMatch(/\S{10,}/);
    expect(await failedNotes(first.call)).toBe(hostileXlsxFiles.length);
    expect(countRows(first.core, 'reviews')).toBe(0);
    const runs = countRows(first.core, 'import_runs');
    await first.core.close();

    const second = await startTestCore(data, { watchTimers: idleTimers });
    await scan(second.core, 4);
    expect(countRows(second.core, 'import_runs')).toBe(runs);
    expect(await failedNotes(second.call)).toBe(hostileXlsxFiles.length);
    expect((await second.call('watch.get')).failedFiles).toHaveLength(hostileXlsxFiles.length);
    expect(countRows(second.core, 'reviews')).toBe(0);
    await second.core.close();
  }, 120_000);
});
