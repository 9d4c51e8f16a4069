import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../tests/helpers/read-csv';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { createShop, importFile } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';
import { stagedPaths, stagingDir } from './source';

const tempDir = useTempDirs();

const hostileHeader = '=HYPERLINK("http://x","备注")';
const header = ['订单编号', '评价内容', '评价时间', '评价结果', '买家昵称', '宝贝名称', '退款金额', hostileHeader];
const hostileCells = ["=cmd|' /C calc'!A0", '@SUM(1+1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'];
const hostileName = 'a\r\n=HYPERLINK("http://x","y").csv';

describe('import report CSV', () => {
  it('shows hostile cells and a hostile file name as text, never as a formula row', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const dataDir = core.dataDir;
    const shopId = await createShop(call);
    // Every row but the first has an impossible date, so it is rejected with its raw cells.
    const rows = [
      ['3456789012345678901', '很好，物流快', '2026-11-24 09:30:00', '好评', '小鹿', '保温杯', '', ''],
      ...hostileCells.map((cell, i) => [`34567890123456789${10 + i}`, cell, '2026-13-45 10:00', '差评', cell, '保温杯', '-12.50', '-']),
    ];
    // An upload keeps the name the browser gave it, line breaks and all (a path cannot hold `/`).
    const id = randomUUID();
    mkdirSync(stagingDir(dataDir), { recursive: true });
    writeFileSync(stagedPaths(dataDir, id).data, csvText([header, ...rows]));
    writeFileSync(stagedPaths(dataDir, id).meta, JSON.stringify({ name: hostileName, size: 0, at: Date.now() }));
    const { run } = await importFile(core, call, { kind: 'staged', id }, 'taobao', shopId);
    expect(run.counts).toMatchObject({ inserted: 1, rejected: hostileCells.length });
    expect(run.fileName).toBe(hostileName);

    const report = await call('imports.exportReport', { importId: run.id });
    const table = readCsv(report.csv);
    // Summary, header, one row per reject: a line break in the name did not add a row.
    expect(table).toHaveLength(2 + hostileCells.length);
    expect(table[0]).toEqual([`# ${hostileName}: read ${rows.length}, inserted 1, duplicates 0, rejected ${hostileCells.length}`]);
    expect(table[1]!.slice(0, 3)).toEqual(['行号 Row', '代码 Code', '原因 Reason']);
    const contentColumn = table[1]!.indexOf('评价内容');
    const nickColumn = table[1]!.indexOf('买家昵称');
    const refundColumn = table[1]!.indexOf('退款金额');
    // A column named like a formula (the file's own header) is defused in the header row too.
    const noteColumn = table[1]!.indexOf(`'${hostileHeader}`);
    expect(noteColumn).toBeGreaterThan(2);
    for (const [i, cell] of hostileCells.entries()) {
      const row = table[2 + i]!;
      expect(row[0]).toBe(String(3 + i));
      expect(row[1]).toBe('bad_date');
      expect(row[contentColumn]).toBe(`'${cell}`);
      expect(row[nickColumn]).toBe(`'${cell}`);
      // A negative amount in a raw cell is a plain number: left as it was.
      expect(row[refundColumn]).toBe('-12.50');
      expect(row[noteColumn]).toBe("'-");
    }
    // What a spreadsheet sees: no cell of the file starts a formula.
    for (const row of table) for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    await core.close();
  });
});
