import { CsvTokenizer } from '../../electron/core/services/imports/csv-tokenizer';
import type { TableRecord } from '../../electron/core/services/imports/table-record';

/**
 * Reads a CSV document the app wrote back with the importer's own RFC 4180 reader: the rows as
 * cells. Throws when the BOM is missing or the file ends inside a field or mid-row.
 */
export function readCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('The CSV does not start with a UTF-8 BOM.');
  const tokenizer = new CsvTokenizer(',');
  const out: TableRecord[] = [];
  tokenizer.push(text.slice(1), out);
  tokenizer.finish(out);
  const broken = out.find((record) => record.truncated || record.unterminated);
  if (broken) throw new Error(`The CSV ends inside row ${broken.rowNumber}.`);
  return out.map((record) => record.cells);
}
