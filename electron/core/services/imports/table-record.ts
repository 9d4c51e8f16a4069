import type { Oversize } from './limits';

/** One row of a table as read, before any meaning is given to its cells. */
export interface TableRecord {
  /** 1-based row as a spreadsheet shows it: blank lines count, a multi-line cell is one row. */
  rowNumber: number;
  cells: string[];
  /** The file ended inside this row (an open quote, or a last line cut short). */
  truncated?: boolean;
  /** The last row, with no line break after it: it may have been cut off mid-line. */
  unterminated?: boolean;
  /** A cell, the cell count or the row was over its limit: the cells are not whole. */
  oversize?: Oversize;
  /** Decoding put U+FFFD (bytes that are not text in the file's encoding) into a cell. */
  undecodable?: boolean;
}

export function isBlankRecord(record: TableRecord): boolean {
  // An oversized row holds only the start of its cells: never blank, it is reported.
  if (record.oversize) return false;
  // '' first: a sparse XLSX row can hold thousands of empty cells before its one value.
  for (const cell of record.cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}
