import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { TableRecord } from './table-record';

/**
 * A streaming XLSX reader: the ZIP central directory gives each part's offset, the sheet is
 * inflated as a stream and cut into rows as it arrives, so memory stays flat however long the
 * sheet is (only the shared-string table is held, as every reader must). Cells come out as the
 * text stored in the file: a number is never turned into a JS float, so an order number stored
 * as text keeps all 19 digits. Dates stored as numbers come out as Excel serials, which the date
 * parser understands.
 *
 * Why not a package: `xlsx` on npm is frozen at 0.18.5 with unfixed CVEs; exceljs's last stable
 * release is from 2023 and pulls in old unzipper/archiver trees and converts numbers to floats;
 * read-excel-file loads the whole file. SAX over node:zlib needs no dependency at all.
 */
export class XlsxError extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function readCentralDirectory(handle: FileHandle, fileSize: number): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(fileSize, 65_557);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new XlsxError('The XLSX file is incomplete (its end is missing; was it cut off while copying?).');
  const count = tail.readUInt16LE(end + 10);
  const size = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  if (offset === 0xffffffff || offset + size > fileSize) throw new XlsxError('The XLSX file is damaged (bad directory).');
  const directory = await readAt(handle, offset, size);
  const entries = new Map<string, ZipEntry>();
  let position = 0;
  for (let index = 0; index < count; index++) {
    if (position + 46 > directory.length || directory.readUInt32LE(position) !== 0x02014b50) {
      throw new XlsxError('The XLSX file is damaged (bad directory entry).');
    }
    const nameLength = directory.readUInt16LE(position + 28);
    const extraLength = directory.readUInt16LE(position + 30);
    const commentLength = directory.readUInt16LE(position + 32);
    const name = directory.toString('utf8', position + 46, position + 46 + nameLength);
    entries.set(name.replace(/^\//, ''), {
      name,
      method: directory.readUInt16LE(position + 10),
      compressedSize: directory.readUInt32LE(position + 20),
      localOffset: directory.readUInt32LE(position + 42),
    });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities, then OOXML's `_xHHHH_` escapes for control characters. */
export function decodeXmlText(text: string): string {
  if (text.indexOf('&') === -1 && text.indexOf('_x') === -1) return text;
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return entities[name] ?? whole;
    })
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a shared string or inline string: its runs joined, phonetic guides left out. */
function richText(xml: string): string {
  const plain = xml.indexOf('<rPh') === -1 ? xml : xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  const runs = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let match = runs.exec(plain); match; match = runs.exec(plain)) text += match[1];
  return decodeXmlText(text);
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes);
  return match ? decodeXmlText(match[1] as string) : undefined;
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

export interface XlsxSheet {
  name: string;
  path: string;
}

export class XlsxReader {
  private sharedStrings: string[] = [];
  bytesRead = 0;

  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly entries: Map<string, ZipEntry>,
    readonly sheets: XlsxSheet[],
  ) {}

  static async open(path: string, fileSize: number): Promise<XlsxReader> {
    const handle = await open(path, 'r');
    try {
      const entries = await readCentralDirectory(handle, fileSize);
      const read = async (name: string) => {
        const entry = entries.get(name);
        return entry ? (await XlsxReader.readEntry(handle, entry)).toString('utf8') : null;
      };
      const workbook = await read('xl/workbook.xml');
      if (workbook === null) throw new XlsxError('This ZIP file is not an Excel workbook (no xl/workbook.xml).');
      const rels = (await read('xl/_rels/workbook.xml.rels')) ?? '';
      const targets = new Map<string, string>();
      for (const match of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
        const id = attribute(match[1] as string, 'Id');
        const target = attribute(match[1] as string, 'Target');
        if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
      const sheets: XlsxSheet[] = [];
      for (const match of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
        const name = attribute(match[1] as string, 'name') ?? `Sheet${sheets.length + 1}`;
        const target = targets.get(attribute(match[1] as string, 'r:id') ?? '');
        if (target && entries.has(target)) sheets.push({ name, path: target });
      }
      if (sheets.length === 0) throw new XlsxError('The workbook has no worksheets.');
      const reader = new XlsxReader(path, handle, entries, sheets);
      await reader.loadSharedStrings();
      return reader;
    } catch (error) {
      await handle.close();
      if (error instanceof XlsxError) throw error;
      throw new XlsxError(`The XLSX file is damaged: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private static async dataOffset(handle: FileHandle, entry: ZipEntry): Promise<number> {
    const header = await readAt(handle, entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new XlsxError(`The XLSX file is damaged (${entry.name}).`);
    return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }

  private static async readEntry(handle: FileHandle, entry: ZipEntry): Promise<Buffer> {
    const data = await readAt(handle, await XlsxReader.dataOffset(handle, entry), entry.compressedSize);
    if (data.length < entry.compressedSize) throw new XlsxError(`The XLSX file is incomplete (${entry.name} is cut off).`);
    if (entry.method === 0) return data;
    if (entry.method === 8) return inflateRawSync(data);
    throw new XlsxError(`The XLSX file uses an unsupported compression (${entry.method}).`);
  }

  /** The part's XML as text chunks, inflated on the fly. */
  private async *entryText(entry: ZipEntry): AsyncGenerator<string> {
    const start = await XlsxReader.dataOffset(this.handle, entry);
    const raw = createReadStream(this.path, { start, end: start + Math.max(0, entry.compressedSize - 1), highWaterMark: 256 * 1024 });
    raw.on('data', (chunk) => {
      this.bytesRead += (chunk as Buffer).length;
    });
    let stream: Readable = raw;
    if (entry.method === 8) stream = raw.pipe(createInflateRaw());
    else if (entry.method !== 0) throw new XlsxError(`The XLSX file uses an unsupported compression (${entry.method}).`);
    raw.on('error', (error) => stream.destroy(error));
    const decoder = new StringDecoder('utf8');
    try {
      for await (const chunk of stream) yield decoder.write(chunk as Buffer);
      yield decoder.end();
    } catch (error) {
      throw new XlsxError(`The XLSX file is damaged or incomplete (${entry.name}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      raw.destroy();
    }
  }

  /** Complete elements ending in `close` from a stream of XML text, as they arrive. */
  private async *elements(entry: ZipEntry, close: string): AsyncGenerator<string> {
    let buffer = '';
    for await (const text of this.entryText(entry)) {
      buffer += text;
      const end = buffer.lastIndexOf(close);
      if (end === -1) continue;
      yield buffer.slice(0, end + close.length);
      buffer = buffer.slice(end + close.length);
    }
    if (buffer.trim() !== '') yield buffer;
  }

  private async loadSharedStrings(): Promise<void> {
    const entry = this.entries.get('xl/sharedStrings.xml');
    if (!entry) return;
    for await (const region of this.elements(entry, '</si>')) {
      for (const match of region.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) this.sharedStrings.push(match[1] === undefined ? '' : richText(match[1]));
    }
    this.bytesRead = 0;
  }

  /** Compressed bytes of a sheet's part: the total for progress, which counts the same bytes. */
  sheetBytes(sheetName?: string): number {
    const sheet = sheetName === undefined ? this.sheets[0] : this.sheets.find((candidate) => candidate.name === sheetName);
    return sheet ? (this.entries.get(sheet.path)?.compressedSize ?? 0) : 0;
  }

  /** The rows of a sheet in batches as they are inflated; gaps in row numbers come out blank. */
  async *rows(sheetName?: string): AsyncGenerator<TableRecord[]> {
    const sheet = sheetName === undefined ? this.sheets[0] : this.sheets.find((candidate) => candidate.name === sheetName);
    if (!sheet) throw new XlsxError(`The workbook has no sheet named "${sheetName}".`);
    const entry = this.entries.get(sheet.path) as ZipEntry;
    let lastRow = 0;
    const rowPattern = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
    const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    for await (const region of this.elements(entry, '</row>')) {
      const batch: TableRecord[] = [];
      for (const row of region.matchAll(rowPattern)) {
        const rowNumber = Number(attribute(row[1] as string, 'r') ?? lastRow + 1);
        for (let blank = lastRow + 1; blank < rowNumber; blank++) batch.push({ rowNumber: blank, cells: [] });
        lastRow = rowNumber;
        const cells: string[] = [];
        for (const cell of (row[2] ?? '').matchAll(cellPattern)) {
          const attributes = cell[1] as string;
          const reference = /(?:^|\s)r="([A-Z]+)\d*"/.exec(attributes);
          const column = reference ? columnIndex(reference[1] as string) : cells.length;
          const body = cell[2] ?? '';
          const type = attribute(attributes, 't');
          let value: string;
          if (type === 'inlineStr') value = richText(body);
          else {
            const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '';
            if (type === 's') value = this.sharedStrings[Number(raw)] ?? '';
            else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
            else value = decodeXmlText(raw);
          }
          while (cells.length < column) cells.push('');
          cells[column] = value;
        }
        batch.push({ rowNumber, cells });
      }
      yield batch;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
