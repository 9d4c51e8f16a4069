import { importLimits, type Oversize } from './limits';
import type { TableRecord } from './table-record';

const quote = 34;
const lineFeed = 10;
const carriageReturn = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the end of the field, or the first half of `""`. */
  QuoteInQuoted,
}

export interface TokenizerLimits {
  maxFieldChars: number;
  maxColumns: number;
  maxRecordChars: number;
  keptChars: number;
}

/**
 * A streaming RFC 4180 reader, lenient the way Excel is: quoted fields may hold delimiters, `""`
 * and line breaks; CRLF, LF and lone CR all end a row; a quote in the middle of an unquoted field
 * is kept as text. Written here rather than taken from a library because it must report a row
 * the file ends inside (truncated exports) with the cells read so far, count rows the way a
 * spreadsheet numbers them, and run at several hundred thousand rows a second (csv-parse
 * measured ~11 µs a row, most of an import's budget).
 *
 * Memory is bounded whatever the file: a cell over `maxFieldChars`, cells past `maxColumns` and
 * a row past `maxRecordChars` are not kept (only a short start of an oversized cell, for the
 * report); the row still ends where the quotes and line breaks say, so the rows after it are read
 * as usual, and it comes out flagged with `oversize`.
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly limits: TokenizerLimits;
  private state = State.FieldStart;
  private field = '';
  /** The current cell is over its limit: `field` holds its start, `fieldSize` counts it. */
  private fieldOver = false;
  private fieldSize = 0;
  private record: string[] = [];
  private recordChars = 0;
  private droppedCells = 0;
  private oversize: Oversize | null = null;
  private rowNumber = 0;
  private skipLineFeed = false;

  constructor(delimiter: string, limits: TokenizerLimits = importLimits) {
    this.delimiter = delimiter.charCodeAt(0);
    this.limits = limits;
  }

  /** Feeds decoded text; complete rows are appended to `out`. */
  push(text: string, out: TableRecord[]): void {
    const delimiter = this.delimiter;
    const length = text.length;
    let start = 0;
    let i = 0;
    if (this.skipLineFeed && length > 0) {
      this.skipLineFeed = false;
      if (text.charCodeAt(0) === lineFeed) start = i = 1;
    }
    while (i < length) {
      const code = text.charCodeAt(i);
      if (this.state === State.Quoted) {
        if (code === quote) {
          this.append(text, start, i);
          this.state = State.QuoteInQuoted;
          start = i + 1;
        }
        i++;
        continue;
      }
      if (this.state === State.QuoteInQuoted) {
        if (code === quote) {
          this.append('"', 0, 1);
          this.state = State.Quoted;
          start = ++i;
          continue;
        }
        this.state = State.Unquoted;
      }
      if (code === delimiter) {
        this.endField(text, start, i);
        start = ++i;
      } else if (code === lineFeed || code === carriageReturn) {
        this.endField(text, start, i);
        out.push(this.endRecord());
        i++;
        if (code === carriageReturn) {
          if (i < length) {
            if (text.charCodeAt(i) === lineFeed) i++;
          } else this.skipLineFeed = true;
        }
        start = i;
      } else {
        if (code === quote && this.state === State.FieldStart) {
          this.state = State.Quoted;
          start = i + 1;
        } else this.state = State.Unquoted;
        i++;
      }
    }
    this.append(text, start, length);
  }

  /** Ends the input: a row without a final line break is still a row, flagged as such. */
  finish(out: TableRecord[]): void {
    const inQuotes = this.state === State.Quoted;
    if (!inQuotes && this.state === State.FieldStart && this.field === '' && !this.fieldOver && this.record.length === 0 && this.droppedCells === 0) return;
    this.endField('', 0, 0);
    const record = this.endRecord();
    if (inQuotes) record.truncated = true;
    else record.unterminated = true;
    out.push(record);
  }

  /** Adds text to the current cell, keeping only its start once it is over the limit. */
  private append(text: string, start: number, end: number): void {
    if (end <= start) return;
    if (this.fieldOver) {
      this.fieldSize += end - start;
      return;
    }
    const size = this.field.length + (end - start);
    if (size <= this.limits.maxFieldChars) {
      this.field += text.slice(start, end);
      return;
    }
    this.fieldOver = true;
    this.fieldSize = size;
    this.field = (this.field + text.slice(start, start + this.limits.keptChars)).slice(0, this.limits.keptChars);
  }

  private endField(text: string, start: number, end: number): void {
    const size = this.field.length + (end - start);
    const { maxFieldChars, maxColumns, maxRecordChars } = this.limits;
    if (!this.fieldOver && size <= maxFieldChars && this.record.length < maxColumns && this.recordChars + size <= maxRecordChars) {
      this.record.push(this.field + text.slice(start, end));
      this.recordChars += size;
    } else this.endOversizedField(text, start, end);
    this.field = '';
    this.fieldOver = false;
    this.state = State.FieldStart;
  }

  private endOversizedField(text: string, start: number, end: number): void {
    const { maxFieldChars, maxColumns, keptChars } = this.limits;
    const size = this.fieldOver ? this.fieldSize + (end - start) : this.field.length + (end - start);
    this.recordChars += size;
    if (this.record.length >= maxColumns) {
      this.droppedCells++;
      this.oversize ??= { kind: 'columns', column: maxColumns, size: 0 };
      return;
    }
    const kept = this.fieldOver ? this.field : (this.field + text.slice(start, Math.min(end, start + keptChars))).slice(0, keptChars);
    if (size > maxFieldChars) {
      this.oversize ??= { kind: 'field', column: this.record.length, size };
      this.record.push(`${kept}…`);
    } else {
      this.oversize ??= { kind: 'record', column: this.record.length, size: 0 };
      this.record.push(size > keptChars ? `${kept}…` : kept);
    }
  }

  private endRecord(): TableRecord {
    const record: TableRecord = { rowNumber: ++this.rowNumber, cells: this.record };
    if (this.oversize) {
      if (this.oversize.kind === 'columns') this.oversize.size = this.record.length + this.droppedCells;
      else if (this.oversize.kind === 'record') this.oversize.size = this.recordChars;
      record.oversize = this.oversize;
    }
    this.record = [];
    this.recordChars = 0;
    this.droppedCells = 0;
    this.oversize = null;
    this.state = State.FieldStart;
    return record;
  }
}
