import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileHeaderRow, hostileWorkbook, incompressibleText } from '../../../../tests/helpers/hostile-xlsx';
import { xlsxFile } from '../../../../tests/helpers/review-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { createRowMapper } from './map-row';
import type { TableRecord } from './table-record';
import { xlsxLimits, XlsxError, type XlsxLimit, type XlsxLimits } from './xlsx-limits';
import { XlsxReader } from './xlsx-reader';
import { readSharedStrings, readSheetRows } from './xlsx-sheet';
import { decodeXmlText, richText } from './xlsx-xml';

const tempDir = useTempDirs();

function write(bytes: Buffer): string {
  const path = join(tempDir(), 'book.xlsx');
  writeFileSync(path, bytes);
  return path;
}

async function readAll(bytes: Buffer, options: { limits?: Partial<XlsxLimits>; signal?: AbortSignal } = {}): Promise<TableRecord[]> {
  const reader = await XlsxReader.open(write(bytes), bytes.length, options);
  try {
    const rows: TableRecord[] = [];
    for await (const batch of reader.rows()) rows.push(...batch);
    return rows;
  } finally {
    await reader.close();
  }
}

/** The XlsxError the file gives (opening or reading), with the limit it names. */
async function refusal(bytes: Buffer, limits?: Partial<XlsxLimits>): Promise<{ limit: XlsxLimit | undefined; message: string }> {
  try {
    await readAll(bytes, { limits });
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    return { limit: error.limit, message: error.message };
  }
  throw new Error('the file was read without complaint');
}

const sheet = (sheetData: string) => hostileWorkbook({ sheetData });

describe('XLSX reader on normal workbooks', () => {
  it('reads shared and inline strings, numbers, booleans and gaps inside a row as before', async () => {
    const bytes = xlsxFile([{ name: 'S', rows: [['订单编号', '评价内容'], ['1', null, { inline: 'a & b' }, 46350.5]] }]);
    expect(await readAll(bytes)).toEqual([
      { rowNumber: 1, cells: ['订单编号', '评价内容'] },
      { rowNumber: 2, cells: ['1', '', 'a & b', '46350.5'] },
    ]);
    const more = sheet('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c><c r="E1" s="3"/></row><row r="2"/>');
    expect(await readAll(more)).toEqual([
      { rowNumber: 1, cells: ['TRUE', '', 'FALSE', '', ''] },
      { rowNumber: 2, cells: [] },
    ]);
  });

  it('gives the same rows however the inflated text is split into chunks', async () => {
    const xml = `${hostileHeaderRow}<row r="3" spans="1:3"><c r="A3" t="inlineStr"><is><r><t>质量</t></r><r><t xml:space="preserve"> 差</t></r></is></c><c r="C3"><f>1+1</f><v>2</v></c></row><row><c><v>x&amp;y</v></c><c t="s"><v>0</v></c></row><row r="9"/>`;
    const read = async (size: number) => {
      async function* chunks() {
        for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
      }
      const rows: TableRecord[] = [];
      for await (const batch of readSheetRows(chunks(), { part: 'sheet', sharedStrings: ['共享'], limits: xlsxLimits })) rows.push(...batch);
      return rows;
    };
    const whole = await read(xml.length);
    expect(whole).toEqual([
      { rowNumber: 1, cells: ['订单编号', '评价内容', '评价时间', '评价结果'] },
      { rowNumber: 3, cells: ['质量 差', '', '2'] },
      { rowNumber: 4, cells: ['x&y', '共享'] },
      { rowNumber: 9, cells: [] },
    ]);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(await read(size)).toEqual(whole);
  });

  it('reads the same shared strings however the text is split, `<si` cut at a chunk’s end included', async () => {
    const xml = '<?xml version="1.0"?><sst count="4"><si><t>一</t></si><si/><si><r><t>a</t></r><r><t>b</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve"> &amp; </t></si></sst>';
    const read = async (size: number) => {
      async function* chunks() {
        for (let i = 0; i < xml.length; i += size) yield xml.slice(i, i + size);
      }
      return readSharedStrings(chunks(), { part: 'sst', limits: xlsxLimits });
    };
    for (const size of [xml.length, 1, 2, 3, 4, 5, 7, 11]) expect([size, await read(size)]).toEqual([size, ['一', '', 'ab', ' & ']]);
  });

  it('leaves out rows the file leaves out instead of making up blank ones', async () => {
    const rows = await readAll(sheet(`${hostileHeaderRow}<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>`));
    expect(rows.map((row) => row.rowNumber)).toEqual([1, 1_048_576]);
    expect(rows[1]?.cells).toHaveLength(16_384);
    expect(rows[1]?.cells[16_383]).toBe('7');
  });

  it('decodes entities without throwing on code points past Unicode, and skips phonetic guides', () => {
    expect(decodeXmlText('&#x110000;&#65;&amp;_x000D_')).toBe('&#x110000;A&\r');
    expect(richText('<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><t/>')).toBe('東京');
    expect(richText('<t>open')).toBe('');
  });
});

describe('XLSX reader on hostile workbooks', () => {
  it('refuses a row number past Excel’s last row without filling the gap', async () => {
    expect(await refusal(sheet(`${hostileHeaderRow}<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`))).toEqual({
      limit: 'rows',
      message: expect.stringMatching(/^Row 2,000,000,000 is beyond the last row a worksheet can have \(1,048,576\)\. .*save it again/),
    });
    expect((await refusal(sheet('<row r="1x"/>'))).limit).toBe('malformed');
  });

  it('refuses a cell past column XFD, naming it', async () => {
    for (const ref of ['ZZZZZZ3', 'XFE1', `${'A'.repeat(40)}1`]) {
      const { limit, message } = await refusal(sheet(`<row r="1"><c r="${ref}"><v>1</v></c></row>`));
      expect(limit).toBe('columns');
      expect(message).toMatch(/is beyond the last column a worksheet can have \(XFD, column 16,384\)/);
      expect(message).toContain(ref.slice(0, 24));
    }
    expect(await refusal(sheet(`<row r="4">${'<c><v>1</v></c>'.repeat(11)}</row>`), { maxColumns: 10 })).toMatchObject({ limit: 'columns', message: expect.stringMatching(/^Row 4 has more than 10 cells/) });
  });

  it('refuses a cell or shared string that never closes once it passes the element cap', async () => {
    const limits = { maxElementChars: 10_000 };
    expect(await refusal(sheet(`${hostileHeaderRow}<row r="2"><c r="A2"><v>${'1'.repeat(100_000)}`), limits)).toEqual({
      limit: 'element_size',
      message: expect.stringMatching(/^Cell A2 takes more than 10 KB in the file without ending/),
    });
    const shared = `<sst><si><t>ok</t></si><si/><si><t>${'字'.repeat(100_000)}`;
    expect(await refusal(hostileWorkbook({ sheetData: hostileHeaderRow, sharedStrings: shared }), limits)).toEqual({
      limit: 'element_size',
      message: expect.stringMatching(/^The workbook's shared text number 3 takes more than 10 KB/),
    });
    expect(await refusal(sheet(`<row r="1"><c r="A1"><v>${'1'.repeat(500)}`), limits)).toMatchObject({ limit: 'malformed', message: expect.stringContaining('ends in the middle of cell A1') });
    expect((await refusal(sheet(`<row r="1"><c r="A1" ${'x'.repeat(200_000)}`), { maxTagChars: 1000 })).limit).toBe('tag_size');
  });

  it('refuses cell text longer than Excel allows, inline or shared', async () => {
    expect(await refusal(sheet(`<row r="5"><c r="B5" t="inlineStr"><is><t>${'a'.repeat(32_768)}</t></is></c></row>`))).toEqual({
      limit: 'cell_text',
      message: expect.stringMatching(/^Cell B5 holds 32,768 characters; a cell can hold at most 32,767/),
    });
    const shared = `<sst><si><t>${'差'.repeat(40_000)}</t></si></sst>`;
    expect(await refusal(hostileWorkbook({ sheetData: '', sharedStrings: shared }))).toMatchObject({ limit: 'cell_text', message: expect.stringMatching(/shared text number 1 holds 40,000/) });
  });

  it('caps the shared-string table by count and by characters', async () => {
    expect(await refusal(hostileWorkbook({ sheetData: '', sharedStrings: `<sst>${'<si/>'.repeat(11)}</sst>` }), { maxSharedStrings: 10 })).toMatchObject({
      limit: 'shared_strings',
      message: expect.stringMatching(/more than 10 different texts/),
    });
    const texts = `<sst>${'<si><t>12345</t></si>'.repeat(30)}</sst>`;
    expect((await refusal(hostileWorkbook({ sheetData: '', sharedStrings: texts }), { maxSharedStringChars: 100 })).limit).toBe('shared_string_chars');
  });

  it('refuses a part that inflates past its allowance, before inflating it', async () => {
    const bomb = hostileWorkbook({ sheetData: Buffer.alloc(20 * 1024 * 1024, 0x30) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await refusal(bomb)).toEqual({
      limit: 'inflated_size',
      message: expect.stringMatching(/^xl\/worksheets\/sheet1\.xml unpacks to far more data than a spreadsheet of its size can hold \(20 MB from \d+ KB; at most \d+ MB is read\)/),
    });
    // The ceiling holds for parts that compress poorly too.
    const stored = hostileWorkbook({ sheetData: incompressibleText(300_000), store: true });
    expect((await refusal(stored, { maxEntryBytes: 200_000 })).limit).toBe('inflated_size');
  });

  it('refuses more rows than a worksheet holds, and more parts than a workbook has', async () => {
    expect(await refusal(sheet('<row/>'.repeat(101)), { maxRows: 100 })).toMatchObject({ limit: 'rows', message: expect.stringMatching(/^The sheet has more than 100 rows/) });
    expect(await refusal(sheet('<row r="3"/>'.repeat(101)), { maxRows: 100 })).toMatchObject({ limit: 'rows' });
    const parts = hostileWorkbook({ sheetData: '', extra: Array.from({ length: 5 }, (_, i) => ({ name: `x/${i}`, data: Buffer.from('x') })) });
    expect(await refusal(parts, { maxEntries: 6 })).toMatchObject({ limit: 'entries', message: expect.stringMatching(/^The file holds 8 parts/) });
  });

  it('bounds the empty cells filled in across wide gaps, and hands a wide sheet on in small batches', async () => {
    const wide = sheet('<row><c r="XFD1"><v>1</v></c></row>'.repeat(20));
    expect(await refusal(wide, { maxGapCells: 100_000 })).toMatchObject({ limit: 'gap_cells', message: expect.stringMatching(/more than 100,000 empty cells in wide gaps/) });
    const reader = await XlsxReader.open(write(wide), 0);
    const batches: number[] = [];
    for await (const batch of reader.rows()) batches.push(batch.length);
    await reader.close();
    expect(batches.reduce((a, b) => a + b)).toBe(20);
    expect(Math.max(...batches)).toBeLessThanOrEqual(4);
  });

  it('stops at the next chunk once the signal is aborted, with the signal’s reason', async () => {
    const controller = new AbortController();
    const bytes = hostileWorkbook({ sheetData: `${hostileHeaderRow}${'<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(20_000)}`, store: true });
    const reader = await XlsxReader.open(write(bytes), bytes.length, { signal: controller.signal });
    const rows = reader.rows();
    expect((await rows.next()).done).toBe(false);
    const reason = new Error('preview cancelled');
    controller.abort(reason);
    await expect(rows.next()).rejects.toBe(reason);
    await reader.close();
    await expect(XlsxReader.open(write(bytes), bytes.length, { signal: controller.signal })).rejects.toBe(reason);
  });
});

describe('rejected rows of a wide sheet', () => {
  it('keep the header’s columns and only filled cells past them', () => {
    const mapRow = createRowMapper(['订单编号', '评价内容'], { orderNo: 0, text: 1 });
    const cells = ['', 'x', ...Array<string>(16_381).fill(''), '7'];
    const outcome = mapRow({ rowNumber: 3, cells });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reject.raw).toEqual({ 订单编号: '', 评价内容: 'x', 列16384: '7' });
  });
});
