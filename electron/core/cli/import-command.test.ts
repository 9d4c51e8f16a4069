import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { csvText, encodeText } from '../../../tests/helpers/review-files';
import { cli } from '../../../tests/helpers/cli';

const tempDir = useTempDirs();

describe('reviewdesk import', () => {
  it('imports a file into a shop, prints the counts and writes the report', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    await cli('seed', '--demo', '--data-dir', data);
    const shops = JSON.parse((await cli('seed', '--demo', '--data-dir', data, '--json')).out);
    expect(shops.shopsAdded).toBe(0);
    const file = join(dir, '评价.csv');
    writeFileSync(
      file,
      encodeText(csvText([['订单编号', '评价内容', '评价时间', '评价结果'], ['C1', '质量差', '2026-11-24 08:00', '差评'], ['C2', '好', 'yesterday', '好评'], ['C1', '质量差', '2026-11-24 08:00', '差评']]), 'utf-16le').toString('latin1'),
      'latin1',
    );
    // The demo shops' names come from the seed; take the first one the app lists.
    const { planDemoData } = await import('../services/demo/demo-data');
    const shop = planDemoData().shops[0]!;
    const result = await cli('import', '--data-dir', data, '--platform', shop.platform, '--shop', shop.name, file, '--json');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.out);
    expect(printed).toMatchObject({ ok: true, status: 'done', read: 3, inserted: 1, duplicates: 1, rejected: 1, report: join(data, 'reports', `import-${printed.importId}.csv`) });
    expect(readFileSync(printed.report, 'utf8')).toContain('3,bad_date,');
    const text = await cli('import', '--data-dir', data, '--platform', shop.platform, '--shop', shop.name, file);
    expect(text.out).toMatch(/read 3, inserted 0, duplicates 2, rejected 1/);
    expect(text.out).toMatch(/Report: .*import-\d+\.csv/);
  });

  it('exits 2 for an unknown shop or platform and 1 for a file that is not a table', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    await cli('init', '--data-dir', data);
    const file = join(dir, 'notes.txt');
    writeFileSync(file, '不是表格\n');
    const unknownShop = await cli('import', '--data-dir', data, '--platform', 'taobao', '--shop', '没有这家', file);
    expect(unknownShop).toMatchObject({ code: 2, err: expect.stringMatching(/No taobao shop named "没有这家"/) });
    const unknownPlatform = await cli('import', '--data-dir', data, '--platform', 'amazon', '--shop', 'x', file);
    expect(unknownPlatform).toMatchObject({ code: 2, err: expect.stringMatching(/--platform must be one of/) });
    expect((await cli('import', '--data-dir', data, '--platform', 'taobao', '--shop', 'x')).code).toBe(2);
    await cli('seed', '--demo', '--data-dir', data);
    const { planDemoData } = await import('../services/demo/demo-data');
    const shop = planDemoData().shops[0]!;
    const notATable = await cli('import', '--data-dir', data, '--platform', shop.platform, '--shop', shop.name, file, '--json');
    expect(notATable.code).toBe(1);
    expect(JSON.parse(notATable.err)).toMatchObject({ ok: false, code: 'BAD_FILE', message: expect.stringMatching(/not a table/) });
  });

  it('--encoding overrides detection, names the encoding it used, and refuses an unknown one', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    await cli('seed', '--demo', '--data-dir', data);
    const { planDemoData } = await import('../services/demo/demo-data');
    const shop = planDemoData().shops[0]!;
    // A GBK export: detected as GB18030; forcing UTF-8 turns its headers into replacement characters.
    const file = join(dir, 'gbk.csv');
    const rows = [['订单编号', '评价内容', '评价时间', '评价结果'], ['E1', '质量差', '2026-11-24 08:00', '差评']];
    writeFileSync(file, encodeText(csvText(rows), 'gb18030'));
    const args = ['import', '--data-dir', data, '--platform', shop.platform, '--shop', shop.name, file];

    const forcedUtf8 = await cli(...args, '--encoding', 'utf8', '--json');
    // Read as UTF-8 the Chinese headers are not found: the import refuses to guess a mapping.
    expect(forcedUtf8.code).toBe(1);
    expect(JSON.parse(forcedUtf8.err).message).toMatch(/were not recognised/);

    const gbk = await cli(...args, '--encoding', 'GBK');
    expect(gbk.code).toBe(0);
    expect(gbk.out).toMatch(/^Encoding: gb18030 \(detected: not_utf8, high\)/);
    expect(gbk.out).toMatch(/read 1, inserted 1/);

    const unknown = await cli(...args, '--encoding', 'latin1');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringMatching(/--encoding must be one of auto, utf8, utf-8, gb18030, gbk, gb2312, utf16le, utf-16le, utf16be, utf-16be; got "latin1"/) });
    expect((await cli(...args, '--encoding', 'constructor')).code).toBe(2);
  });
});
