import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { EncodingConfidence, EncodingReason, TextEncoding } from '../../../../shared/domain/reviews';
import { AppError } from '../../errors';
import { CsvTokenizer } from './csv-tokenizer';
import { sniffDelimiter, type Delimiter } from './delimiter';
import { createDecoder, detectEncoding } from './encoding';
import type { ResolvedSource } from './source';
import type { TableRecord } from './table-record';
import { XlsxError, XlsxReader } from './xlsx-reader';

export interface TableOptions {
  encoding?: 'auto' | TextEncoding;
  delimiter?: 'auto' | Delimiter;
  sheet?: string;
}

export interface TableEncoding {
  detected: string;
  used: string;
  confidence: EncodingConfidence;
  reason: EncodingReason;
  /** Byte sequences of the detection sample that are not UTF-8. */
  invalidUtf8: number;
  sampleBytes: number;
}

/** Stops reading: the signal's reason (an AppError saying why) is what the read throws. */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof Error ? signal.reason : new AppError('UNAVAILABLE', 'Reading the file was stopped.', { reason: 'aborted' });
}

const replacement = '\ufffd';

/** Flags the records with a replacement character; whether any was found. */
function markUndecodable(records: TableRecord[]): boolean {
  let found = false;
  for (const record of records) {
    if (record.cells.some((cell) => cell.includes(replacement))) {
      record.undecodable = true;
      found = true;
    }
  }
  return found;
}

const notBytes = (encoding: TextEncoding): TableEncoding => ({ detected: encoding, used: encoding, confidence: 'certain', reason: 'not_bytes', invalidUtf8: 0, sampleBytes: 0 });

export interface OpenedTable {
  fileName: string;
  format: 'csv' | 'tsv' | 'xlsx' | 'text';
  encoding: TableEncoding;
  delimiter: string | null;
  sheets: string[];
  totalBytes: number | null;
  bytesRead(): number;
  /** Rows in batches as the file is read; a table can be read once. */
  records(): AsyncGenerator<TableRecord[]>;
  close(): Promise<void>;
}

const headBytes = 64 * 1024;
const chunkBytes = 256 * 1024;

const notATable = (fileName: string, why: string) =>
  new AppError('BAD_FILE', `${fileName} is not a table this app can import (${why}). Export the reviews as CSV, TSV or XLSX.`, { reason: 'not_a_table' });

/** `limit` names the bound a hostile or broken workbook ran into (rows, columns, inflated_size…). */
const badXlsx = (fileName: string, error: XlsxError) =>
  new AppError('BAD_FILE', `${fileName}: ${error.message}`, { reason: 'bad_xlsx', ...(error.limit ? { limit: error.limit } : {}) });

/** What the first bytes say a file is, for the ones that are surely not a text table. */
function sniffBinary(head: Buffer): 'xlsx' | 'xls' | 'other-binary' | null {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  const signatures = ['%PDF', '\x89PNG', 'GIF8', 'Rar!', '7z\xbc\xaf'];
  if (signatures.some((signature) => head.subarray(0, signature.length).equals(Buffer.from(signature, 'latin1')))) return 'other-binary';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'other-binary';
  return null;
}

/** Text that is mostly control characters or has NULs after decoding is not a text table. */
function looksBinary(text: string): boolean {
  let control = 0;
  const length = Math.min(text.length, 8192);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) control++;
  }
  return control > length / 100;
}

function textTable(
  fileName: string,
  head: string,
  options: TableOptions,
  base: { encoding: OpenedTable['encoding']; totalBytes: number | null; format?: 'text' },
  chunks: () => AsyncGenerator<{ text: string; bytes: number }>,
  signal: AbortSignal | undefined,
): OpenedTable {
  if (head.replace(/^\ufeff/, '').trim() === '') throw new AppError('BAD_FILE', `${fileName} is empty: there are no rows to import.`, { reason: 'empty' });
  if (looksBinary(head)) throw notATable(fileName, 'its content is binary, not text');
  const delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : sniffDelimiter(head);
  if (delimiter === null) throw notATable(fileName, 'no column separator (comma, tab, ; or |) was found');
  let bytesRead = 0;
  return {
    fileName,
    format: base.format ?? (delimiter === '\t' ? 'tsv' : 'csv'),
    encoding: base.encoding,
    delimiter,
    sheets: [],
    totalBytes: base.totalBytes,
    bytesRead: () => bytesRead,
    async *records() {
      const tokenizer = new CsvTokenizer(delimiter);
      // A replacement character in a chunk belongs to a record of it or to the one still open;
      // the next chunk's records are looked at too. Checking the chunk first keeps clean files free.
      let carry = false;
      for await (const chunk of chunks()) {
        throwIfAborted(signal);
        const out: TableRecord[] = [];
        tokenizer.push(chunk.text, out);
        const replaced = chunk.text.includes(replacement);
        if (replaced || carry) {
          const marked = markUndecodable(out);
          carry = replaced || (carry && !marked && out.length === 0);
        }
        bytesRead += chunk.bytes;
        yield out;
      }
      const out: TableRecord[] = [];
      tokenizer.finish(out);
      if (carry) markUndecodable(out);
      yield out;
    },
    close: async () => {},
  };
}

/**
 * Opens a file or pasted text as a table: format, encoding and delimiter detected (or as the
 * user chose), and anything that is not a table refused with BAD_FILE before a row is read.
 */
export async function openTable(source: ResolvedSource, options: TableOptions = {}, signal?: AbortSignal): Promise<OpenedTable> {
  if (source.kind === 'text') {
    const text = source.text;
    return textTable(
      source.fileName,
      text.slice(0, headBytes),
      options,
      { encoding: notBytes('utf-8'), totalBytes: text.length, format: 'text' },
      async function* () {
        for (let start = 0; start < text.length; start += chunkBytes) {
          const slice = text.slice(start, start + chunkBytes);
          yield { text: slice, bytes: slice.length };
        }
      },
      signal,
    );
  }

  const { path, fileName, size } = source;
  if (size === 0) throw new AppError('BAD_FILE', `${fileName} is empty: there are no rows to import.`, { reason: 'empty' });
  const handle = await open(path, 'r');
  const head = Buffer.alloc(Math.min(size, headBytes));
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }

  const binary = sniffBinary(head);
  if (binary === 'xls') {
    throw new AppError('BAD_FILE', `${fileName} is an old Excel 97–2003 (.xls) file. Open it in Excel or WPS and save it as .xlsx or CSV.`, { reason: 'xls' });
  }
  if (binary === 'other-binary') throw notATable(fileName, 'it is a document or image, not a table');
  if (binary === 'xlsx') {
    let reader: XlsxReader;
    try {
      reader = await XlsxReader.open(path, size, { signal });
    } catch (error) {
      if (error instanceof XlsxError) throw badXlsx(fileName, error);
      throw error;
    }
    const sheetNames = reader.sheets.map((sheet) => sheet.name);
    if (options.sheet !== undefined && !sheetNames.includes(options.sheet)) {
      await reader.close();
      throw new AppError('VALIDATION', `${fileName} has no sheet named "${options.sheet}" (it has ${sheetNames.join(', ')}).`);
    }
    return {
      fileName,
      format: 'xlsx',
      encoding: notBytes('utf-8'),
      delimiter: null,
      sheets: sheetNames,
      totalBytes: reader.sheetBytes(options.sheet),
      bytesRead: () => reader.bytesRead,
      async *records() {
        try {
          for await (const rows of reader.rows(options.sheet)) {
            throwIfAborted(signal);
            yield rows;
          }
        } catch (error) {
          if (error instanceof XlsxError) throw badXlsx(fileName, error);
          throw error;
        }
      },
      close: () => reader.close(),
    };
  }

  const detected = detectEncoding(head);
  const used: TextEncoding = options.encoding && options.encoding !== 'auto' ? options.encoding : detected.encoding;
  const headText = createDecoder(used).write(head);
  const encoding: TableEncoding = {
    detected: detected.encoding,
    used,
    confidence: detected.confidence,
    reason: detected.reason,
    invalidUtf8: detected.invalidUtf8,
    sampleBytes: detected.sampleBytes,
  };
  return textTable(
    fileName,
    headText,
    options,
    { encoding, totalBytes: size },
    async function* () {
      const decoder = createDecoder(used);
      for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
        yield { text: decoder.write(chunk as Buffer), bytes: (chunk as Buffer).length };
      }
      yield { text: decoder.end(), bytes: 0 };
    },
    signal,
  );
}
