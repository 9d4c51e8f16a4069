import iconv from 'iconv-lite';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { PlatformId } from '../../shared/domain/platforms';
import { csvText, encodeText, xlsxFile, zipFile, type FixtureEncoding, type XlsxCell } from '../helpers/review-files';
import type { Rng } from './fuzz-rng';

/**
 * Hostile review exports for the importer fuzz: a valid export of the shape the import tests use,
 * then damaged the way real files and attackers damage them. The strategy follows from the seed
 * (seed mod the list), so consecutive case seeds visit every strategy and a replayed seed builds
 * the same bytes. Sizes are bounded: at most a few MB on disk, tens of MB once inflated.
 */
export interface FileCase {
  label: string;
  fileName: string;
  bytes: Buffer;
  platform: PlatformId;
  /** An undamaged export: it must import, not merely fail cleanly. */
  valid: boolean;
}

const exportsByPlatform: { platform: PlatformId; header: string[]; row: (rng: Rng) => string[] }[] = [
  {
    platform: 'taobao',
    header: ['订单编号', '评价内容', '评价时间', '评价结果', '买家昵称', '宝贝名称', '追评内容'],
    row: (rng) => [rng.digits(19), rng.pick(['质量太差了，用了两天就坏了', '很好，物流快', '一般般', '物流太慢了\n客服不理人']), '2026-11-24 09:30:00', rng.pick(['差评', '好评', '中评']), `买家${rng.int(1, 999)}`, '保温杯', rng.pick(['', '追评：还是坏了'])],
  },
  {
    platform: 'jd',
    header: ['订单号', '评价内容', '评价时间', '评分', '用户昵称', '商品名称'],
    row: (rng) => [rng.digits(19), rng.pick(['屏幕有划痕', '不错', '发货慢"很慢"']), '2026-11-20 08:05', String(rng.int(1, 5)), `用户${rng.int(1, 999)}`, '耳机'],
  },
  {
    platform: 'douyin',
    header: ['订单号', '评价内容', '评价时间（北京时间）', '商品评分', '用户昵称', '商品名称', 'IP'],
    row: (rng) => [rng.digits(19), rng.pick(['物流太慢了，一周才到', '很满意 & 好看 <推荐>', '一般']), '2026-11-24 10:00:00', String(rng.int(1, 5)), '晴天', '防晒衣', `10.0.${rng.int(0, 255)}.${rng.int(1, 254)}`],
  },
];

function baseExport(rng: Rng) {
  const shape = rng.pick(exportsByPlatform);
  const rows = Array.from({ length: rng.int(1, 30) }, () => shape.row(rng));
  return { platform: shape.platform, header: shape.header, rows };
}

/** Bytes that break parsers: quotes, bare CR/LF, NUL, BOMs in the middle, invalid UTF-8, GB18030. */
const nasty: Buffer[] = [
  Buffer.from('"'), Buffer.from('""'), Buffer.from('\r'), Buffer.from('\n'), Buffer.from('\r\n'), Buffer.from([0]),
  Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xff]), Buffer.from([0xc3]),
  Buffer.from([0xe0, 0xa4]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), iconv.encode('差评质量', 'gb18030'),
  Buffer.from([0x81, 0x30]), Buffer.from(','), Buffer.from('\t'), Buffer.from('=cmd|\' /C calc\'!A0'), Buffer.from('\u2028'),
];

function insertAt(bytes: Buffer, at: number, piece: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

function flipBytes(rng: Rng, bytes: Buffer, count: number): Buffer {
  const out = Buffer.from(bytes);
  for (let i = 0; i < count && out.length > 0; i++) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
  return out;
}

function sprinkle(rng: Rng, bytes: Buffer, count: number): Buffer {
  let out = bytes;
  for (let i = 0; i < count; i++) out = insertAt(out, rng.int(0, out.length), rng.pick(nasty));
  return out;
}

/** A long run of one kind of text; compressible on purpose where it is inflated from a ZIP. */
function filler(rng: Rng, length: number): string {
  const unit = rng.pick(['a', '差评', 'x,y', '"', '\n', ' ', '=1+1', '\u0000', '&amp;']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

type CsvStrategy = (rng: Rng, base: ReturnType<typeof baseExport>, encoding: FixtureEncoding) => Buffer;

const csvStrategies: Record<string, CsvStrategy> = {
  valid: (_rng, base, encoding) => encodeText(csvText([base.header, ...base.rows]), encoding),
  'flip-bytes': (rng, base, encoding) => flipBytes(rng, encodeText(csvText([base.header, ...base.rows]), encoding), rng.int(1, 40)),
  'insert-specials': (rng, base) => sprinkle(rng, Buffer.from(csvText([base.header, ...base.rows])), rng.int(1, 60)),
  truncate: (rng, base, encoding) => {
    const bytes = encodeText(csvText([base.header, ...base.rows]), encoding);
    return bytes.subarray(0, rng.int(0, bytes.length));
  },
  'duplicate-headers': (rng, base) => {
    const header = [...base.header, ...base.header.slice(0, rng.int(1, base.header.length)), rng.pick(base.header)];
    return Buffer.from(csvText([header, ...base.rows.map((row) => [...row, ...row])]));
  },
  'huge-field': (rng, base) => {
    const rows = base.rows.map((row) => [...row]);
    const target = rows[rng.int(0, rows.length - 1)]!;
    target[rng.int(0, target.length - 1)] = filler(rng, rng.int(20_000, 3_000_000));
    const text = csvText([base.header, ...rows]);
    // Sometimes the quote never closes: the rest of the file is one field.
    return Buffer.from(rng.chance(0.3) ? `${text}1,"${filler(rng, rng.int(10_000, 1_000_000))}` : text);
  },
  'wide-header': (rng, base) => {
    const delimiter = rng.pick([',', '\t', ';']);
    const wide = delimiter.repeat(rng.int(20_000, 1_500_000));
    return Buffer.from(`${base.header.join(delimiter)}${wide}\r\n${csvText(base.rows, { delimiter })}`);
  },
  'long-header-line': (rng, base) => Buffer.from(`${base.header.join(',')}${filler(rng, rng.int(100_000, 3_000_000)).replace(/[,\n]/g, 'x')}\r\n${csvText(base.rows)}`),
  'broken-utf8': (rng, base) => {
    const bytes = Buffer.from(csvText([base.header, ...base.rows, ...(rng.chance(0.5) ? Array.from({ length: 3000 }, () => base.rows[0]!) : [])]));
    const early = rng.int(0, Math.min(bytes.length, 65_536));
    const late = rng.int(Math.floor(bytes.length / 2), bytes.length);
    return insertAt(insertAt(bytes, late, Buffer.from([0xff, 0xc3])), early, Buffer.from([rng.pick([0xff, 0xc3, 0x80, 0xe0])]));
  },
  'random-bytes': (rng) => rng.bytes(rng.int(0, 65_536)),
  'line-storm': (rng, base) => Buffer.from(`${base.header.join(',')}${rng.pick(['\r', '\n', '\r\n', ',\n', '"\n'])
    .repeat(rng.int(10_000, 400_000))}${csvText(base.rows)}`),
};

interface ZipPart {
  name: string;
  data: Buffer;
}
type Parts = ZipPart[];
const zip = (parts: Parts) => zipFile(parts);

/**
 * The parts of a workbook the test helper wrote (local headers in order, each deflated), so one can
 * be damaged before zipping again. Only for `xlsxFile`'s own output: no data descriptors or ZIP64.
 */
function partsOf(workbook: Buffer): Parts {
  const parts: Parts = [];
  for (let at = 0; workbook.readUInt32LE(at) === 0x04034b50; ) {
    const size = workbook.readUInt32LE(at + 18);
    const nameLength = workbook.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + workbook.readUInt16LE(at + 28);
    const name = workbook.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    parts.push({ name, data: inflateRawSync(workbook.subarray(start, start + size)) });
    at = start + size;
  }
  return parts;
}
const xmlOf = (parts: Parts, name: string) => parts.find((part) => part.name === name)!.data.toString('utf8');
function withXml(parts: Parts, name: string, xml: string): Parts {
  return parts.map((part) => (part.name === name ? { name, data: Buffer.from(xml, 'utf8') } : part));
}
const sheet = 'xl/worksheets/sheet1.xml';
const strings = 'xl/sharedStrings.xml';
const columnLetters = (rng: Rng, length: number) => Array.from({ length }, () => String.fromCharCode(65 + rng.int(0, 25))).join('');

type XlsxStrategy = (rng: Rng, parts: Parts) => Parts | Buffer;

const xlsxStrategies: Record<string, XlsxStrategy> = {
  valid: (_rng, parts) => parts,
  'sparse-row': (rng, parts) => {
    const row = rng.pick([1_048_577, 50_000_000, 2_000_000_000, 2 ** 31 + 5, rng.int(100_000, 2 ** 31)]);
    return withXml(parts, sheet, xmlOf(parts, sheet).replace(/<row r="(\d+)">(?![\s\S]*<row r=)/, `<row r="${row}">`).replace(/r="([A-Z]+)\d+"(?![\s\S]*<row r=)/g, `r="$1${row}"`));
  },
  'huge-column': (rng, parts) => {
    const ref = rng.pick([`${columnLetters(rng, rng.int(4, 7))}2`, 'XFE2', 'ZZZZZZ2', `A${'9'.repeat(rng.int(8, 30))}`, 'AAAAAAAAAAAAAAAAAAAAA2']);
    return withXml(parts, sheet, xmlOf(parts, sheet).replace(/<c r="[A-Z]+2"/, `<c r="${ref}"`));
  },
  'never-closing-cell': (rng, parts) => {
    const xml = xmlOf(parts, sheet);
    const open = rng.pick(['<c r="A2" t="inlineStr"><is><t>', '<c r="A2"><v>', '<row r="2">', '<sheetData>']);
    return withXml(parts, sheet, `${xml.slice(0, xml.indexOf('<sheetData>') + 11)}${open}${filler(rng, rng.int(32_000, 40_000_000))}`);
  },
  'never-closing-string': (rng, parts) => {
    const xml = xmlOf(parts, strings);
    return withXml(parts, strings, `${xml.slice(0, xml.indexOf('<si>'))}<si><t xml:space="preserve">${filler(rng, rng.int(32_000, 40_000_000))}`);
  },
  'string-bomb': (rng, parts) => {
    const xml = xmlOf(parts, strings);
    const huge = `<si><t>${filler(rng, rng.int(1_000_000, 30_000_000)).replace(/[<&]/g, 'x')}</t></si>`;
    return withXml(parts, strings, xml.replace('<si>', `${huge.repeat(rng.int(1, 3))}<si>`));
  },
  'bad-shared-index': (rng, parts) => {
    const index = rng.pick(['-1', '99999999', 'abc', '1e309', '', '0x10', '4294967296', '1.5']);
    return withXml(parts, sheet, xmlOf(parts, sheet).replace(/(t="s"><v>)\d+(<\/v>)/, `$1${index}$2`));
  },
  'break-tags': (rng, parts) => {
    const name = rng.pick([sheet, strings, 'xl/workbook.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels']);
    let xml = xmlOf(parts, name);
    for (let i = rng.int(1, 12); i > 0; i--) {
      const at = rng.int(0, xml.length);
      xml = xml.slice(0, at) + rng.pick(['<', '>', '</', '/>', '"', '&', '&#0;', '<![CDATA[', '<!--', '<c r="A1"', '']) + xml.slice(at + rng.int(0, 3));
    }
    return withXml(parts, name, xml);
  },
  'deep-nesting': (rng, parts) => {
    const depth = rng.int(10_000, 200_000);
    return withXml(parts, sheet, xmlOf(parts, sheet).replace('<sheetData>', `<sheetData><row r="1">${'<c><is>'.repeat(depth)}${'</is></c>'.repeat(rng.chance(0.5) ? depth : 0)}</row>`));
  },
  'missing-part': (rng, parts) => {
    const drop = rng.pick([sheet, strings, 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);
    return parts.filter((part) => part.name !== drop);
  },
  'flip-zip-bytes': (rng, parts) => flipBytes(rng, zip(parts), rng.int(1, 30)),
  'truncate-zip': (rng, parts) => {
    const bytes = zip(parts);
    return bytes.subarray(0, rng.int(0, bytes.length - 1));
  },
  'inflation-ratio': (rng, parts) => {
    // Valid XML padded to a ratio of thousands to one: the reader's ceiling on inflated bytes.
    const pad = `<!--${' '.repeat(rng.int(5_000_000, 40_000_000))}-->`;
    return withXml(parts, sheet, xmlOf(parts, sheet).replace('<sheetData>', `${pad}<sheetData>`));
  },
};

/** Flips bytes inside one part's deflated stream, keeping the container readable. */
function damageDeflate(rng: Rng, parts: Parts): Buffer {
  const bytes = zip(parts);
  const target = rng.int(0, parts.length - 1);
  // Local headers are 30 bytes plus the name; skip to the chosen part's data.
  let offset = 0;
  for (let i = 0; i < target; i++) offset += 30 + Buffer.byteLength(parts[i]!.name) + deflateRawSync(parts[i]!.data).length;
  const start = offset + 30 + Buffer.byteLength(parts[target]!.name);
  const length = deflateRawSync(parts[target]!.data).length;
  const out = Buffer.from(bytes);
  for (let i = rng.int(1, 8); i > 0; i--) out[start + rng.int(0, Math.max(0, length - 1))] = rng.int(0, 255);
  return out;
}
xlsxStrategies['flip-deflate'] = damageDeflate;

const csvNames = Object.keys(csvStrategies);
const xlsxNames = Object.keys(xlsxStrategies);
export const strategyCount = csvNames.length + xlsxNames.length;

/** The case a seed stands for. Seeds alternate between every CSV and every XLSX strategy. */
export function fileCase(rng: Rng): FileCase {
  const slot = rng.seed % strategyCount;
  const base = baseExport(rng);
  if (slot < csvNames.length) {
    const name = csvNames[slot]!;
    const encoding = name === 'valid' || rng.chance(0.6) ? rng.pick<FixtureEncoding>(['utf-8', 'utf-8-bom', 'utf-16le', 'gb18030']) : 'utf-8';
    const delimiterSafe = encoding === 'utf-16le' ? 'utf-8' : encoding;
    const bytes = csvStrategies[name]!(rng, base, name === 'valid' ? encoding : delimiterSafe);
    return { label: `csv:${name}`, fileName: `fuzz-${rng.seed}.${rng.chance(0.8) ? 'csv' : 'txt'}`, bytes, platform: base.platform, valid: name === 'valid' };
  }
  const name = xlsxNames[slot - csvNames.length]!;
  const cells: XlsxCell[][] = [base.header, ...base.rows.map((row) => row.map((cell, i): XlsxCell => (i === 0 && rng.chance(0.3) ? { inline: cell } : cell)))];
  const parts = partsOf(xlsxFile([{ name: '评价', rows: cells }]));
  const built = xlsxStrategies[name]!(rng, parts);
  return { label: `xlsx:${name}`, fileName: `fuzz-${rng.seed}.xlsx`, bytes: Buffer.isBuffer(built) ? built : zip(built), platform: base.platform, valid: name === 'valid' };
}
