import type { ColumnMapping } from '../../../../shared/contract';
import type { ReviewField, ReviewLevel } from '../../../../shared/domain/reviews';
import { cleanText, cleanValue, looksLikeLostDigits } from './cells';
import { formatCount, importLimits, type Oversize } from './limits';
import type { TableRecord } from './table-record';
import { levelForRating, parseCount, parseLevel, parseRating, parseReviewTime } from './values';

/** A row turned into a review, not yet classified or stored. */
export interface ReviewDraft {
  rowNumber: number;
  platformReviewId: string | null;
  orderNo: string | null;
  product: string | null;
  sku: string | null;
  rating: number | null;
  level: ReviewLevel;
  text: string;
  followUpText: string | null;
  imagesCount: number;
  buyerNick: string | null;
  buyerIp: string | null;
  deviceId: string | null;
  postedAt: number;
}

export interface RowReject {
  rowNumber: number;
  code: string;
  reason: string;
  raw: Record<string, string>;
}

export type RowOutcome = { ok: true; draft: ReviewDraft } | { ok: false; reject: RowReject };

/** Unique, non-empty column names for the report: blank headers become 列N, repeats get (2). */
export function reportColumnNames(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header, index) => {
    const base = header.trim() || `列${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}(${count})`;
  });
}

/** Why a row over a size limit was not imported, or null when every cell is within the limits. */
export function oversizeReason(oversize: Oversize | undefined, cells: readonly string[], names: readonly string[]): { code: string; reason: string } | null {
  const { maxFieldChars, maxColumns, maxRecordChars } = importLimits;
  // XLSX rows come without a flag: their cells are checked here.
  const found = oversize ?? longCell(cells, maxFieldChars);
  if (!found) return null;
  const name = (index: number) => `column ${index + 1}${names[index] ? ` "${names[index]}"` : ''}`;
  if (found.kind === 'field') {
    return { code: 'field_too_long', reason: `Field too long (字段过长): ${name(found.column)} has ${formatCount(found.size)} characters; the limit is ${formatCount(maxFieldChars)}. The row was not imported.` };
  }
  if (found.kind === 'columns') {
    return { code: 'too_many_columns', reason: `The row has ${formatCount(found.size)} cells; at most ${formatCount(maxColumns)} are read. The row was not imported.` };
  }
  return { code: 'row_too_long', reason: `The row has ${formatCount(found.size)} characters; the limit is ${formatCount(maxRecordChars)}. The row was not imported.` };
}

function longCell(cells: readonly string[], max: number): Oversize | undefined {
  for (let index = 0; index < cells.length; index++) {
    const size = (cells[index] as string).length;
    if (size > max) return { kind: 'field', column: index, size };
  }
  return undefined;
}

/** A cell kept in the report: an oversized one only by its start. */
const reportCell = (cell: string) => (cell.length > importLimits.keptChars * 2 ? `${cell.slice(0, importLimits.keptChars)}…` : cell);

const quote = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

/**
 * Turns rows into drafts or rejects with a code and a reason a person can act on. Never throws:
 * a bad row is a reject, and the import goes on.
 */
export function createRowMapper(headers: readonly string[], mapping: ColumnMapping) {
  const names = reportColumnNames(headers);
  const column = (field: ReviewField) => mapping[field] ?? null;
  const lastMappedColumn = Math.max(-1, ...Object.values(mapping).filter((index): index is number => typeof index === 'number'));

  const rawOf = (cells: readonly string[]): Record<string, string> => {
    const raw: Record<string, string> = {};
    for (let index = 0; index < names.length; index++) raw[names[index] as string] = cells[index] ?? '';
    // Past the header only filled cells: a row can reach column 16,384 with one value, and the
    // report must not hold 16,384 empty columns for it.
    for (let index = names.length; index < cells.length; index++) if (cells[index] !== '') raw[`列${index + 1}`] = cells[index] as string;
    return raw;
  };
  const shortRawOf = (cells: readonly string[]): Record<string, string> => {
    const raw = rawOf(cells);
    for (const key of Object.keys(raw)) raw[key] = reportCell(raw[key] as string);
    return raw;
  };

  return (record: TableRecord): RowOutcome => {
    const { cells, rowNumber } = record;
    const reject = (code: string, reason: string): RowOutcome => ({ ok: false, reject: { rowNumber, code, reason, raw: rawOf(cells) } });
    const value = (field: ReviewField, clean: (raw: string) => string | null = cleanValue): string | null => {
      const index = column(field);
      if (index === null) return null;
      const raw = cells[index];
      return raw === undefined ? null : clean(raw);
    };

    const tooBig = oversizeReason(record.oversize, cells, names);
    if (tooBig) return { ok: false, reject: { rowNumber, ...tooBig, raw: shortRawOf(cells) } };
    if (record.truncated) return reject('truncated_row', 'The file ends inside this row (a quote is never closed): the file was cut off.');
    if (record.unterminated && cells.length <= lastMappedColumn) {
      return reject('truncated_row', `The last row has ${cells.length} of ${headers.length} columns and no line break: the file was cut off.`);
    }

    const text = value('text', cleanText);
    if (text === null) return reject('missing_text', 'The review text is empty.');

    const postedRaw = value('postedAt');
    if (postedRaw === null) return reject('missing_date', 'The review time is empty.');
    const postedAt = parseReviewTime(postedRaw);
    if (postedAt === null) return reject('bad_date', `The review time ${quote(postedRaw)} is not a date this app can read.`);

    let rating: number | null = null;
    let level: ReviewLevel | null = null;
    const levelRaw = value('level');
    if (levelRaw !== null) {
      level = parseLevel(levelRaw);
      if (level === null) {
        rating = parseRating(levelRaw);
        if (rating === null) return reject('unknown_level', `The level ${quote(levelRaw)} is not 好评, 中评, 差评 or 1–5 stars.`);
      }
    }
    const ratingRaw = value('rating');
    if (ratingRaw !== null) {
      rating = parseRating(ratingRaw);
      if (rating === null) return reject('bad_rating', `The rating ${quote(ratingRaw)} is not 1–5 stars.`);
    }
    if (level === null && rating === null) return reject('missing_level', 'The row has neither a level (好评/中评/差评) nor a rating.');
    level ??= levelForRating(rating as number);

    const orderNo = value('orderNo');
    const platformReviewId = value('platformReviewId');
    for (const [label, id] of [['order number', orderNo], ['review id', platformReviewId]] as const) {
      if (id !== null && looksLikeLostDigits(id)) {
        return reject('id_lost_digits', `The ${label} ${quote(id)} was saved by Excel as a rounded number; its digits are lost. Export again as text.`);
      }
    }
    if (orderNo === null && platformReviewId === null) return reject('missing_order_no', 'The order number is empty (and there is no review id).');

    const imagesRaw = value('imagesCount');
    return {
      ok: true,
      draft: {
        rowNumber,
        platformReviewId,
        orderNo,
        product: value('product'),
        sku: value('sku'),
        rating,
        level,
        text,
        followUpText: value('followUpText', cleanText),
        imagesCount: imagesRaw === null ? 0 : (parseCount(imagesRaw) ?? 0),
        buyerNick: value('buyerNick'),
        buyerIp: value('buyerIp'),
        deviceId: value('deviceId'),
        postedAt,
      },
    };
  };
}
