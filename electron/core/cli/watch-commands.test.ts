import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../../tests/helpers/review-files';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../tests/helpers/test-core';
import type { WatchTimers } from '../services/watch/watch-service';
import { cli } from '../../../tests/helpers/cli';

const tempDir = useTempDirs();

const idleTimers: WatchTimers = { set: () => 0, clear: () => undefined };

describe('reviewdesk watch', () => {
  it('set names the folder by path; the next app start watches it and imports what lands there', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const folder = join(dir, '评价导出');
    mkdirSync(folder);
    expect((await cli('init', '--data-dir', data)).code).toBe(0);
    const seeded = await startTestCore(data);
    const shop = await seeded.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' });
    await seeded.core.close();

    const set = await cli('watch', 'set', folder, '--platform', 'taobao', '--shop', '小王家居旗舰店', '--data-dir', data);
    expect(set).toMatchObject({ code: 0, out: expect.stringContaining(`Watching ${folder} for taobao/小王家居旗舰店`) });
    // The CLI saved the choice but scanned nothing itself.
    writeFileSync(join(folder, 'export.csv'), csvText([['订单编号', '评价内容', '评价时间', '评价结果'], ['W1', '物流太慢', '2026-11-24 08:00', '差评']]));
    expect(JSON.parse((await cli('watch', 'status', '--data-dir', data, '--json')).out)).toMatchObject({ folder, shopId: shop.id, filesImported: 0 });

    const app = await startTestCore(data, { watchTimers: idleTimers });
    // A file is taken once it has stopped changing between scans.
    for (let scan = 0; scan < 4; scan++) await app.core.services!.watch.poll();
    expect(await app.call('watch.get')).toMatchObject({ folder, filesImported: 1 });
    await app.core.close();

    const off = await cli('watch', 'off', '--data-dir', data);
    expect(off.code).toBe(0);
    expect((await cli('watch', 'status', '--data-dir', data)).out).toMatch(/^No folder is watched/);
  });

  it('refuses a missing platform (usage) and an unknown shop (with the shops there are)', async () => {
    const data = join(tempDir(), 'data');
    expect((await cli('init', '--data-dir', data)).code).toBe(0);
    expect(await cli('watch', 'set', data, '--shop', 'x', '--data-dir', data)).toMatchObject({ code: 2, err: expect.stringContaining('--platform must be one of') });
    expect(await cli('watch', 'set', data, '--platform', 'jd', '--shop', '没有这家店', '--data-dir', data)).toMatchObject({ code: 1, err: 'No jd shop named "没有这家店". Shops: none.' });
    expect(await cli('watch', 'set', '--platform', 'jd', '--shop', 'x', '--data-dir', data)).toMatchObject({ code: 2, err: 'watch set needs exactly one FOLDER.' });
  });
});
