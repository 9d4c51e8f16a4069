import type { TableRecord } from './table-record';
import { limitError, type XlsxLimits } from './xlsx-limits';
import { columnIndex, columnName, decodeXmlText, endsName, richText, scanXml, type Scan, type Wait } from './xlsx-xml';

/**
 * A batch is handed on early once it holds this many cells: a sparse sheet reaching far to the
 * right fills in every empty cell before the last, and a chunk of such rows must not all be held.
 */
const cellsPerBatch = 65_536;

const rowAttribute = /(?:^|\s)r="([^"]*)"/;
const cellReference = /(?:^|\s)r="([A-Z]+)(\d*)"/;
const typeAttribute = /(?:^|\s)t="([^"]*)"/;

export interface SheetContext {
  part: string;
  sharedStrings: readonly string[];
  limits: XlsxLimits;
}

/**
 * The rows of a sheet's XML as it is inflated, cut into cells without a regex over the row: each
 * `<c>` is read when its `</c>` has arrived, so what is held at once is one cell's XML, one row's
 * cells and one batch. Row and column numbers are checked against Excel's bounds before anything
 * is filled in, and rows the file leaves out are not made up.
 */
export async function* readSheetRows(chunks: AsyncIterable<string>, context: SheetContext): AsyncGenerator<TableRecord[]> {
  const { part, sharedStrings, limits } = context;
  let batch: TableRecord[] = [];
  let batchCells = 0;
  let gapCells = 0;
  let rowCount = 0;
  let lastRow = 0;
  let row: TableRecord | null = null;

  const endRow = () => {
    if (row === null) return;
    batch.push(row);
    batchCells += row.cells.length + 1;
    row = null;
  };

  const startRow = (attributes: string) => {
    endRow();
    const r = rowAttribute.exec(attributes)?.[1];
    let rowNumber = lastRow + 1;
    if (r !== undefined) {
      if (!/^\d+$/.test(r) || Number(r) < 1) throw limitError.badRowNumber(r);
      rowNumber = Number(r);
      if (rowNumber > limits.maxRows) throw limitError.rowBeyond(r, limits);
    }
    if (++rowCount > limits.maxRows || rowNumber > limits.maxRows) throw limitError.tooManyRows(limits);
    lastRow = rowNumber;
    row = { rowNumber, cells: [] };
  };

  /** The cell's name for a message: its reference, or where it would be. */
  const nameOf = (current: TableRecord, attributes: string) => rowAttribute.exec(attributes)?.[1] ?? `${columnName(current.cells.length)}${current.rowNumber}`;

  const cell = (attributes: string, body: string) => {
    const current = row;
    if (current === null) return;
    const cells = current.cells;
    const reference = cellReference.exec(attributes);
    let column = cells.length;
    if (reference) {
      column = columnIndex(reference[1] as string, limits.maxColumns);
      if (column === -1) throw limitError.columnBeyond(`${reference[1]}${reference[2]}`, limits);
    } else if (column >= limits.maxColumns) {
      throw limitError.tooManyCells(current.rowNumber, limits);
    }
    const type = typeAttribute.exec(attributes)?.[1];
    let value: string;
    if (type === 'inlineStr') value = richText(body);
    else {
      const open = body.indexOf('<v>');
      const close = open === -1 ? -1 : body.indexOf('</v>', open + 3);
      const raw = close === -1 ? '' : body.slice(open + 3, close);
      if (type === 's') value = sharedStrings[Number(raw)] ?? '';
      else if (type === 'b') value = raw === '1' ? 'TRUE' : 'FALSE';
      else value = decodeXmlText(raw);
    }
    if (value.length > limits.maxCellChars) throw limitError.cellText(nameOf(current, attributes), value.length, limits);
    const grow = column + 1 - cells.length;
    if (grow > 0) {
      if (grow - 1 > limits.wideGap) {
        gapCells += grow - 1;
        if (gapCells > limits.maxGapCells) throw limitError.gapCells(limits);
      }
      if (grow > 16) {
        // A wide gap in one go: pushing one by one costs ~40 ns a cell, a filled new array ~1 ns.
        const wider = new Array<string>(column + 1).fill('');
        for (let i = 0; i < cells.length; i++) wider[i] = cells[i] as string;
        current.cells = wider;
      } else {
        while (cells.length < column) cells.push('');
      }
    }
    current.cells[column] = value;
  };

  const tagWait = (start: number): Wait => ({
    start,
    needle: '>',
    cap: limits.maxTagChars,
    tooLong: () => limitError.tag(part, limits),
    unfinished: () => limitError.unfinished(part, 'a tag'),
  });

  const cellWait = (start: number, attributes: string): Wait => {
    const name = row === null ? 'a cell' : nameOf(row, attributes);
    return {
      start,
      needle: '</c>',
      cap: limits.maxElementChars,
      tooLong: () => limitError.cellElement(name, limits),
      unfinished: () => limitError.unfinished(part, `cell ${name}`),
    };
  };

  const scan: Scan = (text, from) => {
    let pos = from;
    for (;;) {
      if (batchCells >= cellsPerBatch) return pos;
      const open = text.indexOf('<', pos);
      if (open === -1) return null;
      const end = text.indexOf('>', open + 1);
      if (end === -1) return tagWait(open);
      const first = text.charCodeAt(open + 1);
      const selfClosing = text.charCodeAt(end - 1) === 47;
      if (first === 99 && endsName(text.charCodeAt(open + 2))) {
        const attributes = text.slice(open + 2, selfClosing ? end - 1 : end);
        if (selfClosing) {
          cell(attributes, '');
          pos = end + 1;
          continue;
        }
        const close = text.indexOf('</c>', end + 1);
        if (close === -1) return cellWait(open, attributes);
        cell(attributes, text.slice(end + 1, close));
        pos = close + 4;
        continue;
      }
      if (first === 114 && text.startsWith('row', open + 1) && endsName(text.charCodeAt(open + 4))) {
        startRow(text.slice(open + 4, selfClosing ? end - 1 : end));
        if (selfClosing) endRow();
      } else if (first === 47 && text.startsWith('/row', open + 1) && endsName(text.charCodeAt(open + 5))) {
        endRow();
      }
      pos = end + 1;
    }
  };

  for await (const _ of scanXml(chunks, scan)) {
    if (batch.length === 0) continue;
    yield batch;
    batch = [];
    batchCells = 0;
  }
  endRow();
  if (batch.length > 0) yield batch;
}

/**
 * The shared-string table (the texts cells of type `s` point to), read as it is inflated: each
 * `<si>` once its `</si>` has arrived, counted and measured against the limits as it is added.
 */
export async function readSharedStrings(chunks: AsyncIterable<string>, context: { part: string; limits: XlsxLimits }): Promise<string[]> {
  const { part, limits } = context;
  const strings: string[] = [];
  let chars = 0;
  const add = (text: string) => {
    if (text.length > limits.maxCellChars) throw limitError.sharedText(strings.length, text.length, limits);
    if (strings.length >= limits.maxSharedStrings) throw limitError.sharedCount(limits);
    chars += text.length;
    if (chars > limits.maxSharedStringChars) throw limitError.sharedChars(limits);
    strings.push(text);
  };
  const tag = (start: number): Wait => ({ start, needle: '>', cap: limits.maxTagChars, tooLong: () => limitError.tag(part, limits), unfinished: () => limitError.unfinished(part, 'a tag') });
  const scan: Scan = (text, from) => {
    let pos = from;
    for (;;) {
      const open = text.indexOf('<si', pos);
      if (open === -1) {
        // A chunk can end inside `<si`: keep its `<` or `<s` for the next one.
        const partial = text.lastIndexOf('<');
        return partial !== -1 && partial >= Math.max(pos, text.length - 2) ? tag(partial) : null;
      }
      const end = text.indexOf('>', open);
      if (end === -1) return tag(open);
      const after = text.charCodeAt(open + 3);
      if (after !== 62 && after !== 47) {
        // <sst>, <sheetPr>… or `<si attr>`, which Excel never writes: only <si> and <si/> are texts.
        pos = open + 3;
        continue;
      }
      if (after === 47) {
        add('');
        pos = end + 1;
        continue;
      }
      const close = text.indexOf('</si>', end + 1);
      if (close === -1) {
        const index = strings.length;
        return {
          start: open,
          needle: '</si>',
          cap: limits.maxElementChars,
          tooLong: () => limitError.sharedElement(index, limits),
          unfinished: () => limitError.unfinished(part, `shared text number ${(index + 1).toLocaleString('en')}`),
        };
      }
      add(richText(text.slice(end + 1, close)));
      pos = close + 5;
    }
  };
  for await (const _ of scanXml(chunks, scan)) {
    // The shared strings are only collected; there is nothing to hand on between chunks.
  }
  return strings;
}
