import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { TableRecord } from './table-record';

/**
 * A streaming XLSX reader: each part is inflated as a stream and the sheet is cut into rows as
 * it arrives, so memory stays flat however long the sheet is (only the shared-string table is
 * held, as every reader must). Cells come out as the text stored in the file: a number is never
 * turned into a JS float, so an order number stored as text keeps all 19 digits. Dates stored as
 * numbers come out as Excel serials, which the date parser understands.
 *
 * Why not a package: the ZIP container is read with yauzl (small, well kept, streams entries,
 * validates the directory and entry sizes, supports ZIP64). The sheet XML is still read here with
 * a small streaming scanner, because the spreadsheet packages are no fit: `xlsx` on npm is frozen
 * at 0.18.5 with unfixed CVEs; exceljs's last stable release is from 2023, pulls in old
 * unzipper/archiver trees and converts numbers to floats; read-excel-file loads the whole file.
 * A cell and row scanner over the inflated stream keeps memory flat and cells as stored text.
 */
export class XlsxError extends Error {}

const INCOMPLETE = 'The XLSX file is incomplete (its end is missing; was it cut off while copying?).';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A yauzl error while opening the container or a part, as the reader's own clear message. */
function containerError(error: unknown, part?: string): XlsxError {
  if (error instanceof XlsxError) return error;
  const message = messageOf(error);
  if (/end of central directory record signature not found/i.test(message)) return new XlsxError(INCOMPLETE);
  if (part !== undefined && /unexpected EOF|overflows file bounds|not enough bytes/i.test(message)) {
    return new XlsxError(`The XLSX file is incomplete (${part} is cut off).`);
  }
  const method = /unsupported compression method: (\d+)/.exec(message);
  if (method) return new XlsxError(`The XLSX file uses an unsupported compression (${method[1]}).`);
  return new XlsxError(`The XLSX file is damaged${part === undefined ? '' : ` (${part})`}: ${message}`);
}

/** Every entry of the container by name, read from the central directory one at a time. */
function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** A part's XML as text chunks, inflated on the fly; `onBytes` counts the inflated bytes. */
async function* partText(zip: ZipFile, entry: Entry, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw containerError(error, entry.fileName);
  }
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream) {
      onBytes?.((chunk as Buffer).length);
      yield decoder.write(chunk as Buffer);
    }
    yield decoder.end();
  } catch (error) {
    throw new XlsxError(`The XLSX file is damaged or incomplete (${entry.fileName}): ${messageOf(error)}`);
  } finally {
    stream.destroy();
  }
}

async function readPart(zip: ZipFile, entries: Map<string, Entry>, name: string): Promise<string | null> {
  const entry = entries.get(name);
  if (!entry) return null;
  let text = '';
  for await (const chunk of partText(zip, entry)) text += chunk;
  return text;
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
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    readonly sheets: XlsxSheet[],
  ) {}

  /** `_fileSize` is kept for callers; yauzl finds the size itself. */
  static async open(path: string, _fileSize: number): Promise<XlsxReader> {
    let zip: ZipFile | undefined;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
      const entries = await readEntries(zip);
      const opened = zip;
      const read = (name: string) => readPart(opened, entries, name);
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
      const reader = new XlsxReader(zip, entries, sheets);
      await reader.loadSharedStrings();
      return reader;
    } catch (error) {
      zip?.close();
      throw containerError(error);
    }
  }

  /** Complete elements ending in `close` from a stream of XML text, as they arrive. */
  private async *elements(entry: Entry, close: string): AsyncGenerator<string> {
    let buffer = '';
    const count = (bytes: number) => {
      this.bytesRead += bytes;
    };
    for await (const text of partText(this.zip, entry, count)) {
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

  /** Inflated bytes of a sheet's part: the total for progress, which counts the same bytes. */
  sheetBytes(sheetName?: string): number {
    const sheet = sheetName === undefined ? this.sheets[0] : this.sheets.find((candidate) => candidate.name === sheetName);
    return sheet ? (this.entries.get(sheet.path)?.uncompressedSize ?? 0) : 0;
  }

  /** The rows of a sheet in batches as they are inflated; gaps in row numbers come out blank. */
  async *rows(sheetName?: string): AsyncGenerator<TableRecord[]> {
    const sheet = sheetName === undefined ? this.sheets[0] : this.sheets.find((candidate) => candidate.name === sheetName);
    if (!sheet) throw new XlsxError(`The workbook has no sheet named "${sheetName}".`);
    const entry = this.entries.get(sheet.path) as Entry;
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
    this.zip.close();
    return Promise.resolve();
  }
}
