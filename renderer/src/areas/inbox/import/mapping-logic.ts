import type { ColumnMapping, ImportPreview } from '../../../../../shared/contract';
import { requiredReviewFields, reviewFields, type ReviewField } from '../../../../../shared/domain/reviews';

function mapped(mapping: ColumnMapping, field: ReviewField): boolean {
  const column = mapping[field];
  return column !== undefined && column !== null;
}

/**
 * Required fields the mapping leaves empty. Level and rating are one requirement (either will
 * do), so when both are unmapped both are reported, and mapping one clears both.
 */
export function missingFields(mapping: ColumnMapping): ReviewField[] {
  const missing = requiredReviewFields.filter((field) => !mapped(mapping, field));
  if (!mapped(mapping, 'level') && !mapped(mapping, 'rating')) missing.push('level', 'rating');
  return missing;
}

/** Header indexes no field uses: columns that will not be imported. */
export function unusedColumns(headers: readonly string[], mapping: ColumnMapping): number[] {
  const used = new Set(Object.values(mapping).filter((column): column is number => column !== null && column !== undefined));
  return headers.map((_, index) => index).filter((index) => !used.has(index));
}

export interface PreviewRow {
  /** Row number in the file (1-based), for matching it up with the import report. */
  rowNumber: number;
  values: Partial<Record<ReviewField, string>>;
  /** Required fields this row leaves blank; such a row goes to the import report instead. */
  problems: ReviewField[];
}

/** The sample rows as the current mapping will read them, so the preview follows every change at once. */
export function previewRows(preview: ImportPreview, mapping: ColumnMapping): PreviewRow[] {
  return preview.sampleRows.map((cells, index) => {
    const values: Partial<Record<ReviewField, string>> = {};
    for (const field of reviewFields) {
      const column = mapping[field];
      if (column !== undefined && column !== null) values[field] = (cells[column] ?? '').trim();
    }
    const problems = requiredReviewFields.filter((field) => !values[field]);
    if (!values.level && !values.rating) problems.push('level');
    return { rowNumber: preview.headerRow + 1 + index, values, problems };
  });
}

/** Fields the preview table shows: the mapped ones, in the mapping screen's order. */
export function mappedFields(mapping: ColumnMapping): ReviewField[] {
  return reviewFields.filter((field) => mapped(mapping, field));
}
