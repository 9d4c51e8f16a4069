import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { TableRecord } from './table-record';
import { limitError, xlsxLimits, XlsxError, type XlsxLimits } from './xlsx-limits';
import { attribute } from './xlsx-xml';
import { readSharedStrings, readSheetRows } from './xlsx-sheet';

export { XlsxError } from './xlsx-limits';

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
function readEntries(zip: ZipFile, limits: XlsxLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxEntries) return Promise.reject(limitError.entries(zip.entryCount, limits));
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

/** How many bytes a part may inflate to (see XlsxLimits.inflateRatio). */
function inflateAllowance(entry: Entry, limits: XlsxLimits): number {
  return Math.min(limits.maxEntryBytes, Math.max(limits.inflateGraceBytes, entry.compressedSize * limits.inflateRatio));
}

interface PartOptions {
  limits: XlsxLimits;
  signal?: AbortSignal;
  /** Counts the inflated bytes, for progress. */
  onBytes?: (bytes: number) => void;
}

/**
 * A part's XML as text chunks, inflated on the fly. A part that says or turns out to inflate past
 * its allowance is refused before (or as soon as) it does; the signal is checked between chunks.
 */
async function* partText(zip: ZipFile, entry: Entry, options: PartOptions): AsyncGenerator<string> {
  const { limits, signal } = options;
  const allowed = inflateAllowance(entry, limits);
  if (entry.uncompressedSize > allowed) throw limitError.inflated(entry.fileName, entry.uncompressedSize, entry.compressedSize, allowed);
  signal?.throwIfAborted();
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw containerError(error, entry.fileName);
  }
  const decoder = new StringDecoder('utf8');
  let inflated = 0;
  try {
    for await (const chunk of stream) {
      signal?.throwIfAborted();
      inflated += (chunk as Buffer).length;
      // yauzl also checks the sizes the entry declares; this holds whatever the header says.
      if (inflated > allowed) throw limitError.inflated(entry.fileName, -1, entry.compressedSize, allowed);
      options.onBytes?.((chunk as Buffer).length);
      yield decoder.write(chunk as Buffer);
    }
    yield decoder.end();
  } catch (error) {
    if (error instanceof XlsxError || signal?.aborted) throw error;
    throw new XlsxError(`The XLSX file is damaged or incomplete (${entry.fileName}): ${messageOf(error)}`);
  } finally {
    stream.destroy();
  }
}

async function readPart(zip: ZipFile, entries: Map<string, Entry>, name: string, options: PartOptions): Promise<string | null> {
  const entry = entries.get(name);
  if (!entry) return null;
  const limits = { ...options.limits, maxEntryBytes: Math.min(options.limits.maxEntryBytes, options.limits.maxIndexPartBytes) };
  let text = '';
  for await (const chunk of partText(zip, entry, { ...options, limits })) text += chunk;
  return text;
}

export interface XlsxSheet {
  name: string;
  path: string;
}

export interface XlsxOpenOptions {
  /** Tests lower these to reach each one with a small file. */
  limits?: Partial<XlsxLimits>;
  /** Checked between chunks of every part, while opening and while reading rows. */
  signal?: AbortSignal;
}

export class XlsxReader {
  private sharedStrings: readonly string[] = [];
  bytesRead = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    readonly sheets: XlsxSheet[],
    private readonly limits: XlsxLimits,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** `_fileSize` is kept for callers; yauzl finds the size itself. */
  static async open(path: string, _fileSize: number, options: XlsxOpenOptions = {}): Promise<XlsxReader> {
    const limits = { ...xlsxLimits, ...options.limits };
    const { signal } = options;
    let zip: ZipFile | undefined;
    try {
      zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
      const entries = await readEntries(zip, limits);
      const opened = zip;
      const read = (name: string) => readPart(opened, entries, name, { limits, signal });
      const workbook = await read('xl/workbook.xml');
      if (workbook === null) throw new XlsxError('This ZIP file is not an Excel workbook (no xl/workbook.xml).');
      const rels = (await read('xl/_rels/workbook.xml.rels')) ?? '';
      const targets = new Map<string, string>();
      // `[^<>]*`, not `[^>]*`: a tag left open must not send each match to the end of the part.
      for (const match of rels.matchAll(/<Relationship\b([^<>]*)>/g)) {
        const id = attribute(match[1] as string, 'Id');
        const target = attribute(match[1] as string, 'Target');
        if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }
      const sheets: XlsxSheet[] = [];
      for (const match of workbook.matchAll(/<sheet\b([^<>]*)>/g)) {
        const name = attribute(match[1] as string, 'name') ?? `Sheet${sheets.length + 1}`;
        const target = targets.get(attribute(match[1] as string, 'r:id') ?? '');
        if (target && entries.has(target)) sheets.push({ name, path: target });
      }
      if (sheets.length === 0) throw new XlsxError('The workbook has no worksheets.');
      const reader = new XlsxReader(zip, entries, sheets, limits, signal);
      await reader.loadSharedStrings();
      return reader;
    } catch (error) {
      zip?.close();
      if (signal?.aborted) throw error;
      throw containerError(error);
    }
  }

  private async loadSharedStrings(): Promise<void> {
    const entry = this.entries.get('xl/sharedStrings.xml');
    if (!entry) return;
    this.sharedStrings = await readSharedStrings(partText(this.zip, entry, { limits: this.limits, signal: this.signal }), { part: entry.fileName, limits: this.limits });
  }

  private sheetOf(sheetName?: string): XlsxSheet | undefined {
    return sheetName === undefined ? this.sheets[0] : this.sheets.find((candidate) => candidate.name === sheetName);
  }

  /** Inflated bytes of a sheet's part: the total for progress, which counts the same bytes. */
  sheetBytes(sheetName?: string): number {
    const sheet = this.sheetOf(sheetName);
    return sheet ? (this.entries.get(sheet.path)?.uncompressedSize ?? 0) : 0;
  }

  /**
   * The rows of a sheet in batches as they are inflated. Rows the file leaves out (a gap in the
   * row numbers) do not come out: a blank row means nothing to the importer, and a gap can be a
   * million rows long.
   */
  async *rows(sheetName?: string): AsyncGenerator<TableRecord[]> {
    const sheet = this.sheetOf(sheetName);
    if (!sheet) throw new XlsxError(`The workbook has no sheet named "${sheetName}".`);
    const entry = this.entries.get(sheet.path) as Entry;
    const chunks = partText(this.zip, entry, {
      limits: this.limits,
      signal: this.signal,
      onBytes: (bytes) => {
        this.bytesRead += bytes;
      },
    });
    yield* readSheetRows(chunks, { part: entry.fileName, sharedStrings: this.sharedStrings, limits: this.limits });
  }

  close(): Promise<void> {
    this.zip.close();
    return Promise.resolve();
  }
}
