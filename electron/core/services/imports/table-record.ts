/** One row of a table as read, before any meaning is given to its cells. */
export interface TableRecord {
  /** 1-based row as a spreadsheet shows it: blank lines count, a multi-line cell is one row. */
  rowNumber: number;
  cells: string[];
  /** The file ended inside this row (an open quote, or a last line cut short). */
  truncated?: boolean;
  /** The last row, with no line break after it: it may have been cut off mid-line. */
  unterminated?: boolean;
}

export function isBlankRecord(record: TableRecord): boolean {
  // '' first: a sparse XLSX row can hold thousands of empty cells before its one value.
  for (const cell of record.cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}
