/**
 * What spreadsheet exports do to cells, undone. Platforms and Excel write ids as `="0123"`,
 * `'0123` or with a leading tab so Excel keeps them as text, and write `-`, `--`, `#NULL!` or
 * `null` for "nothing".
 */
const emptyMarkers = new Set(['', '-', '--', '—', '——', '#null!', 'null', '#n/a', 'n/a', 'undefined', 'nan']);

// Trim also removes the full-width space and no-break space that Chinese exports pad with.
const edgeSpace = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;

/** Free text (review, follow-up): trimmed; an empty marker means no value. */
export function cleanText(raw: string): string | null {
  const value = raw.replace(edgeSpace, '');
  return emptyMarkers.has(value.toLowerCase()) ? null : value;
}

/** Ids, dates, levels, names: also strips the Excel keep-as-text wrappers. */
export function cleanValue(raw: string): string | null {
  let value = raw.replace(edgeSpace, '');
  const formula = /^="(.*)"$/s.exec(value);
  if (formula) value = (formula[1] as string).replace(/""/g, '"').replace(edgeSpace, '');
  else if (value.startsWith("'")) value = value.slice(1).replace(edgeSpace, '');
  return emptyMarkers.has(value.toLowerCase()) ? null : value;
}

/** Excel shows a long number it could not keep as `1.23457E+18`: the digits are gone for good. */
export function looksLikeLostDigits(value: string): boolean {
  return /^\d(\.\d+)?e\+\d+$/i.test(value);
}
