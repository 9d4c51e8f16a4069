/**
 * What the XLSX reader will read, so a hostile or broken file costs bounded time and memory and is
 * refused with a reason a seller can act on. The sheet bounds are Excel's own: a file beyond
 * them was not saved by a spreadsheet program. The others are far above any real export.
 */
export interface XlsxLimits {
  /** Excel's last row. */
  maxRows: number;
  /** Excel's last column (XFD). */
  maxColumns: number;
  /** Excel's limit on the text of one cell; a shared string is the text of a cell too. */
  maxCellChars: number;
  /**
   * The XML of one cell or one shared string. A cell at the text limit written with entities and
   * rich-text runs fits many times over; an element that has not ended by then never will.
   */
  maxElementChars: number;
  /** One tag (`<c r="A1" t="s">`), attributes and all. */
  maxTagChars: number;
  maxSharedStrings: number;
  /** All shared strings together: they are held in memory while the sheet is read. */
  maxSharedStringChars: number;
  /**
   * Empty cells the reader fills in across wide gaps (more than `wideGap` columns between two
   * filled cells), over the whole sheet. A real export has a few empty cells a row; a row whose
   * one cell is at XFD costs 16,384 for ~20 bytes of file, and the filling in and every later
   * look at those cells is what would take the time.
   */
  maxGapCells: number;
  wideGap: number;
  /** Parts in the ZIP; a workbook has a few dozen. */
  maxEntries: number;
  /**
   * Inflated bytes of one part: at most `inflateRatio` × its compressed size (the ratio Apache
   * POI has refused zip bombs at for years without real workbooks hitting it), but any part may
   * inflate to `inflateGraceBytes`, and none past `maxEntryBytes`.
   */
  inflateRatio: number;
  inflateGraceBytes: number;
  maxEntryBytes: number;
  /** workbook.xml and its relationships are read whole: they are a few KB. */
  maxIndexPartBytes: number;
}

export const xlsxLimits: XlsxLimits = {
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCellChars: 32_767,
  maxElementChars: 4 * 1024 * 1024,
  maxTagChars: 64 * 1024,
  maxSharedStrings: 8_000_000,
  maxSharedStringChars: 128_000_000,
  maxGapCells: 8_000_000,
  wideGap: 256,
  maxEntries: 10_000,
  inflateRatio: 100,
  inflateGraceBytes: 1024 * 1024,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxIndexPartBytes: 16 * 1024 * 1024,
};

/** Which limit a file ran into, for tests and logs; the message is what the person reads. */
export type XlsxLimit =
  | 'rows'
  | 'columns'
  | 'cell_text'
  | 'element_size'
  | 'tag_size'
  | 'shared_strings'
  | 'shared_string_chars'
  | 'gap_cells'
  | 'entries'
  | 'inflated_size'
  | 'malformed';

export class XlsxError extends Error {
  constructor(
    message: string,
    readonly limit?: XlsxLimit,
  ) {
    super(message);
  }
}

const count = (n: number) => n.toLocaleString('en');

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A cell reference or row number from the file, short enough to quote in a message. */
export const quote = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

const damaged = 'The file is damaged or was not made by a spreadsheet program.';
const fix = 'Open it in Excel or WPS and save it again, or export the reviews as CSV.';

export const limitError = {
  rowBeyond: (row: string, limits: XlsxLimits) =>
    new XlsxError(`Row ${row.length <= 15 ? count(Number(row)) : quote(row)} is beyond the last row a worksheet can have (${count(limits.maxRows)}). ${damaged} ${fix}`, 'rows'),
  badRowNumber: (row: string) => new XlsxError(`The sheet has a row numbered "${quote(row)}", which is not a row number. ${damaged} ${fix}`, 'malformed'),
  tooManyRows: (limits: XlsxLimits) => new XlsxError(`The sheet has more than ${count(limits.maxRows)} rows, more than a worksheet can hold. ${damaged} ${fix}`, 'rows'),
  columnBeyond: (ref: string, limits: XlsxLimits) =>
    new XlsxError(`Cell ${quote(ref)} is beyond the last column a worksheet can have (XFD, column ${count(limits.maxColumns)}). ${damaged} ${fix}`, 'columns'),
  tooManyCells: (row: number, limits: XlsxLimits) =>
    new XlsxError(`Row ${count(row)} has more than ${count(limits.maxColumns)} cells, more than a worksheet row can hold. ${damaged} ${fix}`, 'columns'),
  cellText: (ref: string, length: number, limits: XlsxLimits) =>
    new XlsxError(`Cell ${quote(ref)} holds ${count(length)} characters; a cell can hold at most ${count(limits.maxCellChars)}. ${damaged} ${fix}`, 'cell_text'),
  cellElement: (ref: string, limits: XlsxLimits) =>
    new XlsxError(`Cell ${quote(ref)} takes more than ${sizeText(limits.maxElementChars)} in the file without ending. ${damaged} ${fix}`, 'element_size'),
  tag: (part: string, limits: XlsxLimits) => new XlsxError(`${part} has a tag longer than ${sizeText(limits.maxTagChars)}. ${damaged} ${fix}`, 'tag_size'),
  unfinished: (part: string, what: string) => new XlsxError(`${part} ends in the middle of ${what}. ${damaged} ${fix}`, 'malformed'),
  sharedText: (index: number, length: number, limits: XlsxLimits) =>
    new XlsxError(`The workbook's shared text number ${count(index + 1)} holds ${count(length)} characters; a cell can hold at most ${count(limits.maxCellChars)}. ${damaged} ${fix}`, 'cell_text'),
  sharedElement: (index: number, limits: XlsxLimits) =>
    new XlsxError(`The workbook's shared text number ${count(index + 1)} takes more than ${sizeText(limits.maxElementChars)} in the file without ending. ${damaged} ${fix}`, 'element_size'),
  sharedCount: (limits: XlsxLimits) =>
    new XlsxError(`The workbook has more than ${count(limits.maxSharedStrings)} different texts, more than this app can read at once. Split the export into smaller files, or export as CSV.`, 'shared_strings'),
  sharedChars: (limits: XlsxLimits) =>
    new XlsxError(`The workbook's texts add up to more than ${count(limits.maxSharedStringChars)} characters, more than this app can read at once. Split the export into smaller files, or export as CSV.`, 'shared_string_chars'),
  gapCells: (limits: XlsxLimits) =>
    new XlsxError(
      `The sheet has more than ${count(limits.maxGapCells)} empty cells in wide gaps between its filled ones (rows reaching far to the right), more than this app can read. Delete the unused columns far to the right in Excel, or export as CSV.`,
      'gap_cells',
    ),
  entries: (entries: number, limits: XlsxLimits) =>
    new XlsxError(`The file holds ${count(entries)} parts; a workbook has a few dozen, and this app reads at most ${count(limits.maxEntries)}. ${damaged} ${fix}`, 'entries'),
  inflated: (part: string, inflated: number, compressed: number, allowed: number) =>
    new XlsxError(
      `${part} unpacks to far more data than a spreadsheet of its size can hold (${inflated >= 0 ? sizeText(inflated) : 'more'} from ${sizeText(compressed)}; at most ${sizeText(allowed)} is read). The file is damaged or built to overload the app. ${fix}`,
      'inflated_size',
    ),
};
