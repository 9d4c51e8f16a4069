import { randomBytes } from 'node:crypto';
import { zipFile } from './review-files';

/**
 * Hostile XLSX files built in the test, byte for byte: a minimal workbook around sheet and
 * shared-string XML the test writes itself, so each file is the few bytes that matter.
 */
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const workbookXml = `${xmlHead}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="评价" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const relsXml = `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/** A Taobao header row, as inline strings, so a file that gets past its first rows can be imported. */
export const hostileHeaderRow =
  '<row r="1">' +
  ['订单编号', '评价内容', '评价时间', '评价结果'].map((name, i) => `<c r="${'ABCD'[i]}1" t="inlineStr"><is><t>${name}</t></is></c>`).join('') +
  '</row>';

export interface HostileParts {
  /** What goes inside <sheetData>. */
  sheetData: string | Buffer;
  /** The whole of xl/sharedStrings.xml, if any. */
  sharedStrings?: string | Buffer;
  /** Store the sheet/shared strings without compression (a part that does not shrink). */
  store?: boolean;
  /** More entries, e.g. to make a file with too many parts. */
  extra?: { name: string; data: Buffer }[];
}

export function hostileWorkbook(parts: HostileParts): Buffer {
  const sheet = Buffer.concat([
    Buffer.from(`${xmlHead}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`),
    Buffer.from(parts.sheetData),
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return zipFile([
    { name: 'xl/workbook.xml', data: Buffer.from(workbookXml) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(relsXml) },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, store: parts.store },
    ...(parts.sharedStrings === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: Buffer.from(parts.sharedStrings), store: parts.store }]),
    ...(parts.extra ?? []),
  ]);
}

/** Text that deflate can hardly shrink (letters and digits), `length` characters. */
export function incompressibleText(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4) + 3)
    .toString('base64')
    .replace(/[+/=]/g, 'x')
    .slice(0, length);
}

const sst = (body: string) => `${xmlHead}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${body}</sst>`;

/**
 * The hostile files of the acceptance list, each with the words the answer must contain. Built
 * lazily: some are megabytes.
 */
export const hostileXlsxFiles: { name: string; build: () => Buffer; reason: RegExp }[] = [
  {
    name: 'sparse row r=2000000000 (1.4 KB)',
    build: () => hostileWorkbook({ sheetData: `${hostileHeaderRow}<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>` }),
    reason: /row 2,000,000,000 is beyond the last row a worksheet can have \(1,048,576\)/i,
  },
  {
    name: 'column ZZZZZZ3',
    build: () => hostileWorkbook({ sheetData: `${hostileHeaderRow}<row r="3"><c r="ZZZZZZ3"><v>1</v></c></row>` }),
    reason: /cell ZZZZZZ3 is beyond the last column a worksheet can have \(XFD, column 16,384\)/i,
  },
  {
    name: 'column XFE1',
    build: () => hostileWorkbook({ sheetData: `<row r="1"><c r="XFE1"><v>1</v></c></row>` }),
    reason: /cell XFE1 is beyond the last column/i,
  },
  {
    name: 'never-closing <c><v>, 32 KB deflated',
    build: () => hostileWorkbook({ sheetData: `${hostileHeaderRow}<row r="2"><c r="A2"><v>${'1'.repeat(32 * 1024 * 1024)}` }),
    reason: /unpacks to far more data than a spreadsheet/i,
  },
  {
    name: 'never-closing <c><v>, 6 MB of text that does not compress',
    build: () => hostileWorkbook({ sheetData: `${hostileHeaderRow}<row r="2"><c r="A2"><v>${incompressibleText(6 * 1024 * 1024)}`, store: true }),
    reason: /cell A2 takes more than 4 MB in the file without ending/i,
  },
  {
    name: 'never-closing <si>, 6 MB of text that does not compress',
    build: () => hostileWorkbook({ sheetData: hostileHeaderRow, sharedStrings: sst(`<si><t>${incompressibleText(6 * 1024 * 1024)}`), store: true }),
    reason: /shared text number 1 takes more than 4 MB in the file without ending/i,
  },
  {
    name: 'shared-string bomb: 6.7M empty strings in 50 KB',
    build: () => hostileWorkbook({ sheetData: hostileHeaderRow, sharedStrings: sst('<si/>'.repeat(6_700_000)) }),
    reason: /xl\/sharedStrings\.xml unpacks to far more data/i,
  },
  {
    name: 'shared string longer than a cell can hold',
    build: () => hostileWorkbook({ sheetData: hostileHeaderRow, sharedStrings: sst(`<si><t>ok</t></si><si><t>${'差'.repeat(40_000)}</t></si>`) }),
    reason: /shared text number 2 holds 40,000 characters; a cell can hold at most 32,767/i,
  },
  {
    name: 'inflation bomb: 100 MB of one digit in 100 KB',
    build: () => hostileWorkbook({ sheetData: Buffer.alloc(100 * 1024 * 1024, 0x30) }),
    reason: /xl\/worksheets\/sheet1\.xml unpacks to far more data/i,
  },
  {
    name: 'too many rows (1,048,577 rows, stored)',
    build: () => hostileWorkbook({ sheetData: hostileHeaderRow + '<row/>'.repeat(1_048_576), store: true }),
    reason: /more than 1,048,576 rows/i,
  },
  {
    name: 'wide sparse rows: a cell at XFD in 13,000 rows',
    build: () => hostileWorkbook({ sheetData: hostileHeaderRow + '<row><c r="XFD2"><v>1</v></c></row>'.repeat(13_000) }),
    reason: /more than 8,000,000 empty cells in wide gaps between its filled ones/i,
  },
];
