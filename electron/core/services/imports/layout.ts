import type { MappingPreset } from '../../../../shared/contract';
import { AppError } from '../../errors';
import { cleanValue } from './cells';
import { formatCount, importLimits } from './limits';
import { normalizeHeader, suggestMapping, type SuggestedMapping } from './presets';
import type { OpenedTable } from './table-reader';
import { isBlankRecord, type TableRecord } from './table-record';
import { parseReviewTime } from './values';

/** Rows read ahead to find the header: exports put a title or notes above it at most a few rows. */
const lookahead = 30;
const headerSearchRows = 10;

export interface TableLayout {
  headerRow: number;
  headers: string[];
  /** A second header row (English names, units, notes) under the first, skipped on import. */
  subHeaderRow: number | null;
  preset: MappingPreset | null;
  suggested: SuggestedMapping;
  /** Records after the header (and sub-header) already read, in order. */
  buffered: TableRecord[];
  /** The rest of the table. */
  rest: AsyncGenerator<TableRecord[]>;
}

function looksLikeTime(cell: string): boolean {
  const value = cleanValue(cell);
  return value !== null && parseReviewTime(value) !== null;
}

const badHeader = (fileName: string, why: string) =>
  new AppError('BAD_FILE', `${fileName} cannot be imported: ${why}. Check that it is a review export and that the column separator is right.`, { reason: 'bad_header' });

/** Why a header row is not one a review export could have, or null. */
function headerProblem(record: TableRecord, headers: readonly string[]): string | null {
  const { maxColumns, maxHeaderChars } = importLimits;
  const row = `the header row (row ${record.rowNumber})`;
  if (record.oversize?.kind === 'columns' || headers.length > maxColumns) {
    return `${row} has ${formatCount(record.oversize?.size ?? headers.length)} columns; at most ${formatCount(maxColumns)} are read`;
  }
  if (record.oversize) return `${row} is ${formatCount(record.oversize.size)} characters long, far beyond any export's column names`;
  const long = headers.findIndex((header) => header.length > maxHeaderChars);
  if (long >= 0) return `column ${long + 1} of ${row} is ${formatCount(headers[long]!.length)} characters long; a column name may have at most ${formatCount(maxHeaderChars)}`;
  return null;
}

/**
 * Finds the header row (the one most of a preset's names match, else the first with two or more
 * cells) and a sub-header row under it (a row without any date when the rows after it have one).
 */
export async function readLayout(table: OpenedTable, presets: readonly MappingPreset[]): Promise<TableLayout> {
  const rest = table.records();
  const head: TableRecord[] = [];
  let ended = false;
  // Bounded by bytes too: a file whose first row never ends must not be read whole for a preview.
  while (head.length < lookahead && table.bytesRead() < importLimits.layoutBytes) {
    const next = await rest.next();
    if (next.done) {
      ended = true;
      break;
    }
    // Not push(...chunk): a chunk of a few hundred thousand blank lines overflows the call stack.
    for (const record of next.value) head.push(record);
  }
  if (head.length === 0 && !ended) {
    await rest.return(undefined);
    throw badHeader(table.fileName, `the first ${formatCount(importLimits.layoutBytes / 1024 / 1024)} MB hold no complete row (no line break, or a quote that never closes)`);
  }
  const candidates = head.filter((record) => !isBlankRecord(record)).slice(0, headerSearchRows);
  let best: { record: TableRecord; preset: MappingPreset; suggested: SuggestedMapping } | null = null;
  for (const record of candidates) {
    for (const preset of presets) {
      const suggested = suggestMapping(record.cells, preset);
      if (suggested.matched >= 2 && (!best || suggested.matched > best.suggested.matched)) best = { record, preset, suggested };
    }
  }
  const headerRecord = best?.record ?? candidates.find((record) => record.cells.filter((cell) => cell.trim() !== '').length >= 2) ?? candidates[0];
  if (!headerRecord) {
    return { headerRow: 1, headers: [], subHeaderRow: null, preset: null, suggested: { mapping: {}, matched: 0 }, buffered: [], rest };
  }
  const headers = headerRecord.cells.map((cell) => cell.replace(/^\ufeff/, '').trim());
  const problem = headerProblem(headerRecord, headers);
  if (problem) {
    await rest.return(undefined);
    throw badHeader(table.fileName, problem);
  }
  let after = head.slice(head.indexOf(headerRecord) + 1);
  let subHeaderRow: number | null = null;
  const firstData = after.findIndex((record) => !isBlankRecord(record));
  const candidate = after[firstData];
  if (candidate) {
    const repeatsHeader = candidate.cells.map(normalizeHeader).join('\u0000') === headers.map(normalizeHeader).join('\u0000');
    const laterHasTime = after.slice(firstData + 1).some((record) => record.cells.some(looksLikeTime));
    if (repeatsHeader || (!candidate.cells.some(looksLikeTime) && laterHasTime)) {
      subHeaderRow = candidate.rowNumber;
      after = after.filter((record) => record !== candidate);
    }
  }
  return {
    headerRow: headerRecord.rowNumber,
    headers,
    subHeaderRow,
    preset: best?.preset ?? null,
    suggested: best?.suggested ?? { mapping: {}, matched: 0 },
    buffered: after,
    rest,
  };
}
