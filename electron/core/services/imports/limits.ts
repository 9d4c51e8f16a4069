/**
 * How big a file's parts may be before the importer stops reading them as data. A real export's
 * review is at most a few thousand characters and its header a few dozen short names; anything
 * far beyond is a broken or hostile file, and holding it whole would cost memory, a multi-MB
 * preview answer and a review nobody can read. Every limit is a clear reason, never a crash.
 */
export const importLimits = {
  /** One cell; longer → that row is rejected (a header cell: the file is refused). */
  maxFieldChars: 20_000,
  /** Columns of the header row (and cells kept of any row); more → the file is refused. */
  maxColumns: 1_000,
  /** One header name. */
  maxHeaderChars: 1_000,
  /** All cells of one row together; beyond, the row is rejected. */
  maxRecordChars: 1_000_000,
  /** Characters of a cell kept when the cell is over its limit, for the report. */
  keptChars: 200,
  /** Preview: characters of a sample cell shown (the import reads the whole cell). */
  previewCellChars: 300,
  /** Preview: characters of all sample cells together (wide rows get shorter cells, at least 20). */
  previewSampleChars: 100_000,
  /** Preview (and the header search of an import) stop after this long with a clear reason. */
  previewDeadlineMs: 10_000,
  /** Bytes read looking for the header before giving up on a file without line breaks. */
  layoutBytes: 16 * 1024 * 1024,
} as const;

export type ImportLimits = typeof importLimits;

/** Why a record is not whole: the tokenizer kept a bounded part of it. */
export interface Oversize {
  kind: 'field' | 'columns' | 'record';
  /** 0-based column of the first cell over its limit (`field`), else the column count reached. */
  column: number;
  /** Characters of that cell, or cells of the row, or characters of the row. */
  size: number;
}

export const formatCount = (n: number) => n.toLocaleString('en-US');
