import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, isFormulaLike } from './csv-writer';
import { readCsv } from '../../tests/helpers/read-csv';

const hostile = ["=cmd|' /C calc'!A0", '@SUM(1+1)', '\t=1', '\r=1', '\n=1', '+1+1', '-1+A1', '=HYPERLINK("http://x","y")', '  =1+1', '\u3000=1', '＝1+1', '＋1', '－1', '＠A1'];

describe('csv writer', () => {
  it('defuses every formula start with a leading apostrophe, and reading back gives exactly that text', () => {
    const rows = readCsv(csvDocument([hostile]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(hostile.map((cell) => `'${cell}`));
  });

  it('keeps numbers and text that is only a plain number as they are', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
    for (const text of ['-12.50', '+3', '-0.5', '.5', '42']) {
      expect(isFormulaLike(text), text).toBe(false);
      expect(csvField(text), text).toBe(text);
    }
    for (const text of ['-', '--', '-1-1', '+86 13800000000', '-1e3', '-1,234']) expect(isFormulaLike(text), text).toBe(true);
  });

  it('leaves ordinary text unquoted and quotes quotes, commas, line breaks and edge spaces', () => {
    expect(csvField('很好，物流快')).toBe('很好，物流快');
    expect(csvField("it's")).toBe("it's");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes a BOM and CRLF rows, and a line break inside a field never starts a row', () => {
    const name = 'a\r\n=HYPERLINK("http://x","y").csv';
    const text = csvDocument([['name', 'size'], [name, 3], ['b.csv', -1]]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text)).toEqual([
      ['name', 'size'],
      [name, '3'],
      ['b.csv', '-1'],
    ]);
  });
});
