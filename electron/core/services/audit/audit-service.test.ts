import { describe, expect, it } from 'vitest';
import { insertAudit } from '../../../../db/queries/audit';
import { createShop, writeFixture } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';

const tempDir = useTempDirs();

/** Headers no built-in preset knows, so only an explicit mapping (or one re-used by name) reads them. */
const oddHeader = ['单号X', '买家原话', '下单后评价于', '星级'];
const oddRows = [
  ['1001', '物流太慢了，等了一周', '2026-11-23 08:00:00', '1'],
  ['1002', '质量很好', '2026-11-23 09:00:00', '5'],
];

describe('audit log for people', () => {
  it('pages with a total, filters by person, kind and time, and names the import with its shop and counts', async () => {
    const dir = tempDir();
    const { core, call, clock } = await startTestCore(dir);
    const shopId = await createShop(call, 'taobao', '山野小铺');
    const start = clock.now();
    for (let i = 0; i < 7; i++) {
      clock.set(start + i * 60_000, { freeze: true });
      await call('shops.create', { platform: 'jd', name: `京东店${i}` });
    }
    const path = writeFixture(dir, '十一月评价.csv', csvText([oddHeader, ...oddRows]));
    await core.call('imports.start', { source: { kind: 'path', path }, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, rating: 3 } }, { trusted: true });
    const runs = await call('imports.list', {});
    await core.services!.imports.waitFor(runs.items[0]!.id);

    const all = await call('audit.list', { limit: 3 });
    expect(all.total).toBeGreaterThanOrEqual(9);
    expect(all.items).toHaveLength(3);
    const second = await call('audit.list', { limit: 3, offset: 3 });
    expect(second.items.map((e) => e.id)).not.toContain(all.items[0]!.id);

    const imports = await call('audit.list', { kind: 'imports' });
    expect(imports.items).toHaveLength(1);
    expect(imports.items[0]).toMatchObject({ action: 'imports.finish', subject: { file: '十一月评价.csv', shop: '山野小铺', count: 2, status: 'done' } });

    const shops = await call('audit.list', { kind: 'shops', from: start + 2 * 60_000, to: start + 4 * 60_000 });
    expect(shops.items.map((e) => e.subject?.name)).toEqual(['京东店3', '京东店2']);
    expect(shops.total).toBe(2);

    const nobody = await call('audit.list', { actor: '不存在的人' });
    expect(nobody).toEqual({ items: [], total: 0 });
    const facets = await call('audit.listFacets', {});
    expect(facets.kinds).toEqual(expect.arrayContaining(['imports', 'shops']));
    expect(facets.actors.length).toBeGreaterThan(0);
    await core.close();
  });

  it('does not record language or colour switches, hides such rows from older builds, and keeps a time-zone change', async () => {
    const { core, call, clock } = await startTestCore(tempDir());
    await call('settings.updatePreferences', { language: 'en' });
    await call('settings.updatePreferences', { colorScheme: 'dark' });
    expect((await call('audit.list', { kind: 'settings' })).total).toBe(0);
    // What an older build wrote for a theme switch.
    insertAudit(core.services!.deps.sqlite, {
      at: clock.now(),
      actor: 'local',
      action: 'settings.updatePreferences',
      entity: 'settings',
      entityId: 'preferences',
      before: { language: 'zh-CN', colorScheme: 'auto', timeZone: 'Asia/Shanghai' },
      after: { language: 'zh-CN', colorScheme: 'dark', timeZone: 'Asia/Shanghai' },
    });
    expect((await call('audit.list', {})).items.map((e) => e.action)).not.toContain('settings.updatePreferences');
    await call('settings.updatePreferences', { timeZone: 'Asia/Tokyo' });
    const zone = await call('audit.list', { kind: 'settings' });
    expect(zone.items).toHaveLength(1);
    expect(zone.items[0]).toMatchObject({ before: { timeZone: 'Asia/Shanghai' }, after: { timeZone: 'Asia/Tokyo' } });
    await core.close();
  });
});

describe('import history', () => {
  it('pages the runs with a total', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    for (let i = 0; i < 3; i++) {
      const path = writeFixture(dir, `f${i}.csv`, csvText([oddHeader, [`20${i}`, '还行', '2026-11-23 08:00:00', '3']]));
      await core.call('imports.start', { source: { kind: 'path', path }, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, rating: 3 } }, { trusted: true });
      await core.services!.imports.waitFor((await call('imports.list', { limit: 1 })).items[0]!.id);
    }
    const first = await call('imports.list', { limit: 2 });
    const rest = await call('imports.list', { limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...first.items, ...rest.items].map((run) => run.fileName).sort()).toEqual(['f0.csv', 'f1.csv', 'f2.csv']);
    await core.close();
  });

  it('re-opens the mapping a run used: by column name, as a preset that maps a reordered file the same way', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeFixture(dir, 'first.csv', csvText([oddHeader, ...oddRows]));
    await core.call('imports.start', { source: { kind: 'path', path }, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, rating: 3 } }, { trusted: true });
    const run = (await call('imports.list', {})).items[0]!;
    await core.services!.imports.waitFor(run.id);

    const used = await call('imports.getMapping', { importId: run.id });
    expect(used).toMatchObject({ importId: run.id, fileName: 'first.csv', shopId, headers: { orderNo: '单号X', text: '买家原话', postedAt: '下单后评价于', rating: '星级' } });
    expect(used.preset?.id).toBe(`import-${run.id}`);

    // The next export has the same columns in another order: the built-in presets find nothing,
    // the run's mapping finds every column by name.
    const reordered = writeFixture(dir, 'next.csv', csvText([['星级', '买家原话', '单号X', '下单后评价于'], ['2', '包装破了', '1003', '2026-11-24 10:00:00']]));
    const source = { kind: 'path' as const, path: reordered };
    const plain = (await core.call('imports.preview', { source, platform: 'taobao' }, { trusted: true })) as { ok: true; value: { missingFields: string[] } };
    expect(plain.value.missingFields.length).toBeGreaterThan(0);
    const again = (await core.call('imports.preview', { source, platform: 'taobao', presetId: used.preset!.id }, { trusted: true })) as { ok: true; value: { suggestedMapping: object; missingFields: string[] } };
    expect(again.value).toMatchObject({ suggestedMapping: { rating: 0, text: 1, orderNo: 2, postedAt: 3 }, missingFields: [] });

    const unknown = await core.call('imports.getMapping', { importId: 999 });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    await core.close();
  });

  it('says a run that kept no column names has no mapping to re-open', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    // As older builds recorded it: the mapping by column index only.
    const legacy = core.services!.deps.sqlite.prepare("INSERT INTO import_runs (shop_id, platform, file_name, origin, status, mapping_json, started_at, actor) VALUES (?, 'taobao', 'old.csv', 'manual', 'done', '{\"orderNo\":0,\"text\":1}', 0, 'local') RETURNING id").get(shopId) as { id: number };
    expect(await call('imports.getMapping', { importId: legacy.id })).toMatchObject({ fileName: 'old.csv', headers: {}, preset: null });
    await core.close();
  });
});
