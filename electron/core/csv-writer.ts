/**
 * The one CSV writer of the backend: import reports, evidence manifests and any other CSV the app
 * hands to a person. The files are opened in Excel or WPS, so two things matter beyond RFC 4180:
 *
 * - A text cell that a spreadsheet would read as a formula (`=cmd|' /C calc'!A0`, `@SUM(1+1)`,
 *   `+1+1`, `-1+1`, a leading TAB or CR) is defused with a leading `'` (OWASP's advice): the cell
 *   shows the text with the apostrophe in front instead of running it. The full-width ＝＋－＠ count
 *   too, because Chinese and Japanese spreadsheets turn full-width operators into formulas, and so
 *   does a trigger behind leading spaces, which some spreadsheets skip.
 * - Numbers are not text. A `number` value is written as it is, so a negative amount stays a
 *   number. A text cell that is only a plain decimal number (`-12.50`, `+3`) is left alone as well:
 *   it evaluates to itself, so there is nothing to defuse, and the apostrophe would turn a refund
 *   copied from the shop's export into text that no longer sums.
 *
 * Every field that holds `"`, `,`, CR or LF, or starts or ends with white space, is quoted with
 * inner quotes doubled, so a line break in a file name stays inside its cell. Documents start with
 * a UTF-8 BOM (Excel on Chinese Windows otherwise reads UTF-8 as the ANSI code page) and end every
 * row with CRLF.
 */

export type CsvValue = string | number | null | undefined;

const formulaStart = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const plainNumber = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const needsQuotes = /[",\r\n]|^\s|\s$/;

/** Whether a spreadsheet would read this text cell as a formula. */
export function isFormulaLike(text: string): boolean {
  return formulaStart.test(text) && !plainNumber.test(text);
}

/** One field: numbers as they are, text defused and quoted as needed, null and undefined empty. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = isFormulaLike(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',');
}

/** A whole file: BOM, one CRLF-terminated line per row. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => `${csvRow(row)}\r\n`).join('')}`;
}
