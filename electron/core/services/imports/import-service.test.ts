import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { countRows, createShop, importFile, writeFixture } from '../../../../tests/helpers/inbox';
import { present } from '../../../../tests/helpers/present';
import { csvText, encodeText, xlsxFile, type FixtureEncoding } from '../../../../tests/helpers/review-files';
import type { ColumnMapping, FileSource } from '../../../../shared/contract';
import type { PlatformId } from '../../../../shared/domain/platforms';

const tempDir = useTempDirs();

const header = ['订单编号 ', '评价内容', '评价时间', '评价结果', '买家昵称', '宝贝名称', '追评内容'];
/** Rows 2–6 of the file; row 7 is cut off inside a quoted field (appended by `withTruncatedEnd`). */
const rows = [
  ['="3456789012345678901"', '很好，物流快', '2026-11-24 09:30:00', '好评', '小鹿123', '保温杯', ''],
  ['\t3456789012345678902', '质量太差了\n用了两天就"坏"了', '2026/11/24 9:30', '差评', '橘子', '保温杯', '-'],
  ['="3456789012345678901"', '很好，物流快', '2026-11-24 09:30:00', '好评', '小鹿123', '保温杯', ''],
  ["'3456789012345678903", '一般般', '2026-13-45 10:00', '中评', '阿木', '毛巾', ''],
  ['', '物流太慢了', '2026-11-23 08:00:00', '差评', '糖糖', '毛巾', '#NULL!'],
];

function withTruncatedEnd(delimiter: string) {
  return `${csvText([header, ...rows], { delimiter })}3456789012345678905${delimiter}"没写完的评价\n还在写`;
}

const expectedRejects = [
  { rowNumber: 5, code: 'bad_date' },
  { rowNumber: 6, code: 'missing_order_no' },
  { rowNumber: 7, code: 'truncated_row' },
];

describe('import of platform exports', () => {
  it.each<[FixtureEncoding, string, string]>([
    ['utf-8', ',', 'utf-8'],
    ['utf-8-bom', ',', 'utf-8'],
    ['utf-16le', '\t', 'utf-16le'],
    ['utf-16be', '\t', 'utf-16be'],
    ['gb18030', ',', 'gb18030'],
  ])('%s (delimiter %j): exact counts, reasons, 19-digit ids kept, multi-line cells whole', async (encoding, delimiter, detected) => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeFixture(dir, `export-${encoding}.csv`, encodeText(withTruncatedEnd(delimiter), encoding));
    const { preview, run } = await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);

    expect(preview).toMatchObject({ encoding: { detected, used: detected }, delimiter, headerRow: 1, presetId: 'taobao', missingFields: [] });
    expect(run.message).toBeNull();
    expect(run.notice).toBeNull();
    expect(run).toMatchObject({ status: 'done', counts: { read: 6, inserted: 2, duplicates: 1, rejected: 3, casesOpened: 1 } });
    const rejects = await call('imports.rejects', { importId: run.id });
    expect(rejects.total).toBe(3);
    expect(rejects.items.map((item: { rowNumber: number; code: string }) => ({ rowNumber: item.rowNumber, code: item.code }))).toEqual(expectedRejects);
    expect(rejects.items[0]?.reason).toContain('2026-13-45');
    expect(rejects.items[1]?.raw).toMatchObject({ 评价内容: '物流太慢了', 追评内容: '#NULL!' });

    const { items } = await call('reviews.list', {});
    expect(items.map((item) => item.orderNo).sort()).toEqual(['3456789012345678901', '3456789012345678902']);
    const bad = items.find((item) => item.level === 'bad');
    expect(bad).toMatchObject({ text: '质量太差了\n用了两天就"坏"了', followUpText: null, postedAt: Date.UTC(2026, 10, 24, 1, 30), sourceFile: `export-${encoding}.csv` });
    expect(bad?.case).toMatchObject({ status: 'new', category: 'quality', classification: { source: 'rule', ruleName: '产品质量', matchedWords: ['质量'] } });
    await core.close();
  });
});

describe('real exports’ quirks', () => {
  it('XLSX: title and sub-header rows, text ids kept whole, Excel serial dates and numeric ratings', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call, 'douyin', '山野小铺');
    const bytes = xlsxFile([
      {
        name: '评价',
        rows: [
          ['抖店评价导出 2026-11-24'],
          ['订单号', '评价内容', '评价时间（北京时间）', '商品评分', '用户昵称', '商品名称', 'IP'],
          ['Order ID', 'Review', 'Time', 'Stars', 'Nick', 'Product', 'IP'],
          ['6918234567890123456', '物流太慢了，一周才到', 46350.395833333336, 1, '晴天', '防晒衣', '10.0.0.1'],
          [{ inline: '6918234567890123457' }, '很满意 & 好看 <推荐>', '2026-11-24 10:00:00', 5, '微风', '防晒衣', null],
          [{ numberText: '6.9182345678901E+18' }, '一般', '2026-11-24 11:00:00', 3, '花卷', '防晒衣', null],
          ['6918234567890123459', '还行', '2026-11-24 12:00:00', 9, '柠檬', '防晒衣', null],
        ],
      },
      { name: 'Sheet2', rows: [['x']] },
    ]);
    const path = writeFixture(dir, '抖店评价.xlsx', bytes);
    const { preview, run } = await importFile(core, call, { kind: 'path', path }, 'douyin', shopId);
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['评价', 'Sheet2'], headerRow: 2, presetId: 'douyin', missingFields: [] });
    expect(preview.sampleRows[0]?.[0]).toBe('6918234567890123456');
    expect(preview.suggestedMapping).toMatchObject({ orderNo: 0, text: 1, postedAt: 2, rating: 3, buyerNick: 4, product: 5, buyerIp: 6 });
    expect(run.counts).toMatchObject({ read: 4, inserted: 2, duplicates: 0, rejected: 2 });
    const rejects = (await call('imports.rejects', { importId: run.id })).items;
    expect(rejects.map((r: { rowNumber: number; code: string }) => [r.rowNumber, r.code])).toEqual([
      [6, 'id_lost_digits'],
      [7, 'bad_rating'],
    ]);
    const { items } = await call('reviews.list', {});
    expect(items.map((item) => [item.orderNo, item.text, item.rating, item.level])).toEqual([
      ['6918234567890123457', '很满意 & 好看 <推荐>', 5, 'good'],
      ['6918234567890123456', '物流太慢了，一周才到', 1, 'bad'],
    ]);
    // 46350.3958… is 2026-11-24 09:30 in Excel's day count, China time.
    expect(items[1]?.postedAt).toBe(Date.UTC(2026, 10, 24, 1, 30));
    await core.close();
  });

  it('cleans keep-as-text wrappers and empty markers; reads star and level variants', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call, 'jd', '鹿角数码京东自营店');
    const text = csvText([
      ['订单号', '评价内容', '评价时间', '评分', '用户昵称', '商品名称', '追评内容', '图片'],
      ["'1000000000000000001", '屏幕有划痕', '2026年11月20日 08:05', '★★☆☆☆', 'null', '--', '#NULL!', 'https://a/1.jpg,https://a/2.jpg'],
      ['\t1000000000000000002', '不错', '1763946000', '四星', '-', '耳机', 'null', '0'],
      ['="1000000000000000003"', '', '2026-11-20 08:05', '1', '阿飞', '耳机', '', ''],
      ['1000000000000000004', '一般', '', '3', '阿飞', '耳机', '', ''],
      ['1000000000000000005', '还可以', '2026-11-20', '', '阿飞', '耳机', '', ''],
      ['', '', '', '', '', '', '', ''],
    ]);
    const path = writeFixture(dir, 'jd.csv', text);
    const { run } = await importFile(core, call, { kind: 'path', path }, 'jd', shopId);
    expect(run.counts).toMatchObject({ read: 5, inserted: 2, rejected: 3 });
    const rejects = (await call('imports.rejects', { importId: run.id })).items;
    expect(rejects.map((r: { code: string }) => r.code)).toEqual(['missing_text', 'missing_date', 'missing_level']);
    const { items } = await call('reviews.list', { sort: 'newest' });
    const scratched = items.find((item) => item.orderNo === '1000000000000000001');
    expect(scratched).toMatchObject({ rating: 2, level: 'bad', buyerNick: null, product: null, followUpText: null, imagesCount: 2, postedAt: Date.UTC(2026, 10, 20, 0, 5) });
    expect(items.find((item) => item.orderNo === '1000000000000000002')).toMatchObject({ rating: 4, level: 'good', postedAt: 1763946000_000 });
    await core.close();
  });

  it.each<[PlatformId, string[], ColumnMapping]>([
    ['taobao', ['子订单编号', '订单编号', '评价内容', '评价时间', '评价结果', '买家昵称', '宝贝名称', '追评内容'], { orderNo: 0, text: 2, postedAt: 3, level: 4, buyerNick: 5, product: 6, followUpText: 7 }],
    ['tmall', ['订单编号', '初评内容', '初评时间', '评价等级', '会员名', '宝贝标题', '追加评论', '评价ID'], { orderNo: 0, text: 1, postedAt: 2, level: 3, buyerNick: 4, product: 5, followUpText: 6, platformReviewId: 7 }],
    ['douyin', ['订单号', '评价内容', '评价时间', '商品评分', '用户昵称', '商品名称', '规格'], { orderNo: 0, text: 1, postedAt: 2, rating: 3, buyerNick: 4, product: 5, sku: 6 }],
    ['jd', ['订单号', '评价内容', '评价时间', '评价星级', '用户名', '商品名称', '商品编号', '晒图数'], { orderNo: 0, text: 1, postedAt: 2, rating: 3, buyerNick: 4, product: 5, sku: 6, imagesCount: 7 }],
    ['pinduoduo', ['订单编号', '评论内容', '评论时间', '描述相符', '用户昵称', '商品名称', '规格'], { orderNo: 0, text: 1, postedAt: 2, rating: 3, buyerNick: 4, product: 5, sku: 6 }],
    ['kuaishou', ['订单编号 ', ' 评价内容', '评价时间(北京时间)', '商品评分（1-5）', '买家昵称', '商品名称'], { orderNo: 0, text: 1, postedAt: 2, rating: 3, buyerNick: 4, product: 5 }],
  ])('the %s preset recognises its export headers', async (platform, headers, mapping) => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const sample = headers.map((_, index) => (index === headers.indexOf('评价时间') ? '2026-11-24 09:30:00' : 'x'));
    const preview = await call('imports.preview', { source: { kind: 'text', text: csvText([headers, sample], { delimiter: '\t' }) }, platform });
    expect(preview.presetId).toBe(platform);
    expect(preview.suggestedMapping).toEqual(mapping);
    expect(preview.missingFields).toEqual([]);
    expect(preview.dedupe).toEqual({
      idHeader: '评价ID',
      orderHeader: platform === 'taobao' || platform === 'tmall' ? '子订单编号' : expect.any(String),
      orderFallbackHeader: platform === 'taobao' || platform === 'tmall' ? '订单编号' : null,
      timeHeader: '评价时间',
    });
    expect(preview.dedupeKey).toContain(preview.dedupe.orderHeader);
    await core.close();
  });

  it('asks for the columns it cannot recognise and imports with a custom mapping saved as a preset', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call, 'kuaishou', '白云户外快手小店');
    const text = csvText([
      ['单号', '买家说', '日期', '星星'],
      ['KS001', '包装破损了', '2026-11-24 08:00', '2'],
    ]);
    const source: FileSource = { kind: 'text', text };
    const preview = await call('imports.preview', { source, platform: 'kuaishou' });
    expect(preview).toMatchObject({ presetId: null, format: 'text', headers: ['单号', '买家说', '日期', '星星'], sampleRows: [['KS001', '包装破损了', '2026-11-24 08:00', '2']] });
    expect(preview.missingFields).toEqual(['text', 'postedAt', 'level', 'orderNo']);
    const incomplete = await core.call('imports.start', { source, platform: 'kuaishou', shopId, mapping: { text: 1 } });
    expect(!incomplete.ok && incomplete.error.code).toBe('VALIDATION');
    const mapping = { orderNo: 0, text: 1, postedAt: 2, rating: 3 };
    const { importId } = await call('imports.start', { source, platform: 'kuaishou', shopId, mapping, savePresetAs: '快手旧版导出' });
    expect((await core.services!.imports.waitFor(importId)).counts).toMatchObject({ inserted: 1, rejected: 0 });
    expect((await call('imports.get', { importId })).origin).toBe('paste');
    const presets = (await call('imports.presets')).items;
    const custom = present(
      presets.find((preset) => preset.name === '快手旧版导出'),
      'the saved preset',
    );
    expect(custom).toMatchObject({ builtIn: false, platform: 'kuaishou', headers: { orderNo: ['单号'], text: ['买家说'], postedAt: ['日期'], rating: ['星星'] } });
    expect((await call('imports.preview', { source, platform: 'kuaishou' })).presetId).toBe(custom.id);
    await call('imports.deletePreset', { id: custom.id });
    const builtIn = await core.call('imports.deletePreset', { id: 'taobao' });
    expect(!builtIn.ok && builtIn.error.code).toBe('CONFLICT');
    await core.close();
  });
});

describe('idempotent imports', () => {
  const exportRows = (from: number, to: number) => [
    ['订单编号', '评价内容', '评价时间', '评价结果', '追评内容'],
    ...Array.from({ length: to - from + 1 }, (_, i) => [`20000000000000000${10 + from + i}`, `第${from + i}条：发货太慢了`, `2026-11-2${(from + i) % 3} 10:00:00`, '差评', '']),
  ];

  it('the same file twice adds nothing; an overlapping one adds only the new rows; a later 追评 is filled in', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const first = writeFixture(dir, 'a.csv', csvText(exportRows(1, 5)));
    expect((await importFile(core, call, { kind: 'path', path: first }, 'taobao', shopId)).run.counts).toMatchObject({ inserted: 5, duplicates: 0, casesOpened: 5 });
    expect((await importFile(core, call, { kind: 'path', path: first }, 'taobao', shopId)).run.counts).toMatchObject({ read: 5, inserted: 0, duplicates: 5, casesOpened: 0 });
    const overlapping = exportRows(3, 7);
    (overlapping[1] as string[])[4] = '追评：客服终于回复了';
    const second = writeFixture(dir, 'b.csv', csvText(overlapping));
    const { run } = await importFile(core, call, { kind: 'path', path: second }, 'taobao', shopId);
    expect(run.counts).toMatchObject({ read: 5, inserted: 2, duplicates: 3 });
    expect(run.message).toMatch(/1 follow-up/);
    expect(run.notice).toEqual({ code: 'follow_ups_added', params: { count: 1 } });
    expect(countRows(core, 'reviews')).toBe(7);
    expect(countRows(core, 'cases')).toBe(7);
    const third = present((await call('reviews.list', { filters: { search: '第3条' } })).items[0], 'the third review');
    const thirdCase = present(third.case, 'the third review’s case');
    expect(third.followUpText).toBe('追评：客服终于回复了');
    const detail = await call('reviews.get', { id: third.id });
    expect(detail.timeline.map((entry: { action: string }) => entry.action)).toEqual(['reviews.posted', 'reviews.imported', 'cases.opened', 'reviews.followUp']);
    expect(detail.timeline.map((entry: { params: unknown }) => entry.params)).toEqual([
      null,
      { fileName: expect.any(String), importId: expect.any(Number) },
      { category: thirdCase.category, ...(thirdCase.classification.ruleName ? { ruleName: thirdCase.classification.ruleName, words: thirdCase.classification.matchedWords } : {}) },
      { text: '追评：客服终于回复了' },
    ]);
    await core.close();
  });

  it('keeps a manual category and assignee through re-import and reclassify, and audits both', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeFixture(dir, 'a.csv', csvText(exportRows(1, 3)));
    await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    // Created after the import, so routing has nobody to give the cases to: they wait in the pool.
    const staff = await call('staff.create', { name: '赵雪', role: 'agent' });
    const review = present((await call('reviews.list', { filters: { search: '第1条' } })).items[0], 'the first review');
    expect(review.case).toMatchObject({ category: 'logistics', classification: { source: 'rule', matchedWords: ['发货太慢'] } });
    const caseId = present(review.case, 'the first review’s case').id;
    expect(await call('cases.recategorize', { caseIds: [caseId], category: 'service' })).toEqual({ updated: 1 });
    expect(await call('cases.assign', { caseIds: [caseId], assigneeId: staff.id })).toEqual({ updated: 1 });

    await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    expect(await call('rules.reclassify')).toEqual({ changed: 0 });
    const kept = await call('cases.get', { id: caseId });
    expect(kept).toMatchObject({ reviewId: review.id, category: 'service', assigneeId: staff.id, classification: { source: 'manual', ruleId: null, matchedWords: [] } });
    const timeline = (await call('reviews.get', { id: review.id })).timeline;
    expect(timeline.filter((entry) => entry.action.startsWith('cases.') && entry.action !== 'cases.opened')).toMatchObject([
      { action: 'cases.recategorize', actor: 'local', detail: '物流延误 → 服务态度', params: { fromCategory: 'logistics', toCategory: 'service' } },
      { action: 'cases.assign', detail: '— → 赵雪', params: { fromName: null, toName: '赵雪' } },
    ]);
    const missing = await core.call('cases.assign', { caseIds: [caseId, 999], assigneeId: null });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    await core.close();
  });
});

describe('files that are not tables', () => {
  it.each([
    ['empty.csv', Buffer.alloc(0), /is empty/],
    ['blank.csv', Buffer.from('\ufeff  \r\n\r\n'), /is empty/],
    ['notes.txt', Buffer.from('这是一段普通的文字说明，没有任何表格。\n第二行也没有。\n'), /no column separator/],
    ['scan.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n'), /document or image/],
    ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /\.xls/],
    ['binary.csv', Buffer.from([0x01, 0x02, 0x00, 0x03, 0x04, 0x05, 0x2c, 0x06, 0x0a, 0x07]), /binary/],
  ])('%s gives BAD_FILE with a clear message and stores nothing', async (name, bytes, message) => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const source = { kind: 'path', path: writeFixture(dir, name, bytes) };
    const preview = await core.call('imports.preview', { source, platform: 'taobao' }, { trusted: true });
    expect(!preview.ok && preview.error.code).toBe('BAD_FILE');
    const start = await core.call('imports.start', { source, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, level: 3 } }, { trusted: true });
    expect(!start.ok && start.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(message) });
    expect(countRows(core, 'import_runs')).toBe(0);
    expect(countRows(core, 'reviews')).toBe(0);
    await core.close();
  });

  it('a truncated XLSX is refused before anything is stored', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const whole = xlsxFile([{ name: 'S', rows: [['订单编号', '评价内容', '评价时间', '评价结果'], ['1', '差', '2026-11-24', '差评']] }]);
    const source = { kind: 'path', path: writeFixture(dir, 'cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6))) };
    const start = await core.call('imports.start', { source, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, level: 3 } }, { trusted: true });
    expect(!start.ok && start.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/incomplete/) });
    expect(countRows(core, 'import_runs')).toBe(0);
    await core.close();
  });

  it('a missing file is NOT_FOUND and a shop on another platform is refused', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call, 'jd', '京东店');
    const missing = await core.call('imports.preview', { source: { kind: 'path', path: `${dir}/nope.csv` }, platform: 'jd' }, { trusted: true });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const other = await core.call('imports.start', { source: { kind: 'text', text: 'a\tb\n1\t2' }, platform: 'taobao', shopId, mapping: {} });
    expect(!other.ok && other.error.details?.issues?.[0]).toMatchObject({ path: 'shopId', reason: 'platform_mismatch' });
    await core.close();
  });
});

describe('import runs', () => {
  function bigExport(count: number): string {
    const lines = ['订单编号,评价内容,评价时间,评价结果'];
    for (let i = 0; i < count; i++) lines.push(`${7000000000000000000 + i},第${i}条 质量一般 物流也慢,2026-11-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,${i % 3 === 0 ? '差评' : '好评'}`);
    return `${lines.join('\n')}\n`;
  }

  it('reports progress, and cancelling keeps whole batches only', async () => {
    const dir = tempDir();
    const { core, call, callTrusted } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeFixture(dir, 'big.csv', bigExport(30_000));
    const preview = await callTrusted('imports.preview', { source: { kind: 'path', path }, platform: 'taobao' });
    const progress: { inserted: number }[] = [];
    let importId = 0;
    core.events.subscribe((message) => {
      if (message.event !== 'import.progress') return;
      progress.push(message.payload);
      if (message.payload.inserted > 0) core.services!.imports.cancel(importId);
    });
    ({ importId } = await callTrusted('imports.start', { source: { kind: 'path', path }, platform: 'taobao', shopId, mapping: preview.suggestedMapping }));
    const run = await core.services!.imports.waitFor(importId);
    expect(run.status).toBe('cancelled');
    expect(run.message).toMatch(/Whole batches/);
    expect(run.notice).toMatchObject({ code: 'cancelled', params: { rows: expect.any(Number) } });
    expect(progress.length).toBeGreaterThan(0);
    expect(run.counts.inserted).toBeGreaterThan(0);
    expect(run.counts.inserted).toBeLessThan(30_000);
    // What is stored is exactly what the committed batches counted: no half batch.
    expect(countRows(core, 'reviews')).toBe(run.counts.inserted);
    expect(countRows(core, 'cases')).toBe(run.counts.casesOpened);
    expect(run.counts.read).toBe(run.counts.inserted + run.counts.duplicates + run.counts.rejected);
    // Importing again completes it without duplicates.
    const again = await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    expect(again.run.counts).toMatchObject({ inserted: 30_000 - run.counts.inserted, duplicates: run.counts.inserted });
    await core.close();
  });

  it('marks a run the app died during as failed on the next start', async () => {
    const dir = tempDir();
    const first = await startTestCore(dir);
    const shopId = await createShop(first.call);
    first.core.services!.deps.sqlite
      .prepare("INSERT INTO import_runs (shop_id, platform, file_name, origin, status, started_at, actor) VALUES (?, 'taobao', 'x.csv', 'manual', 'running', 1, 'local')")
      .run(shopId);
    await first.core.close();
    const second = await startTestCore(dir);
    const [run] = (await second.call('imports.list', {})).items;
    expect(run).toMatchObject({ status: 'failed', message: expect.stringMatching(/stopped during this import/) });
    await second.core.close();
  });

  it('exports the report as CSV with a BOM, row numbers, codes and the raw cells', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeFixture(dir, 'r.csv', withTruncatedEnd(','));
    const { run } = await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    const report = await call('imports.exportReport', { importId: run.id });
    expect(report.fileName).toBe(`import-${run.id}-report.csv`);
    // The summary is one quoted cell: its commas do not spread it over columns.
    expect(report.csv.startsWith('\ufeff"# r.csv: read 6, inserted 2, duplicates 1, rejected 3"\r\n行号 Row,代码 Code,原因 Reason,订单编号,评价内容')).toBe(true);
    expect(report.csv).toContain('\r\n5,bad_date,');
    expect(report.csv).toContain('"没写完的评价\n还在写"');
    await core.close();
  });
});
