import { describe, expect, it } from 'vitest';
import { encodeText } from '../../../../tests/helpers/review-files';
import { cleanText, cleanValue, looksLikeLostDigits } from './cells';
import { CsvTokenizer } from './csv-tokenizer';
import { sniffDelimiter } from './delimiter';
import { createDecoder, detectEncoding } from './encoding';
import { normalizeHeader } from './presets';
import type { TableRecord } from './table-record';
import { parseLevel, parseRating, parseReviewTime } from './values';

function tokenize(text: string, delimiter = ',', chunk = text.length) {
  const tokenizer = new CsvTokenizer(delimiter);
  const out: TableRecord[] = [];
  for (let i = 0; i < text.length; i += chunk) tokenizer.push(text.slice(i, i + chunk), out);
  tokenizer.finish(out);
  return out;
}

describe('CsvTokenizer', () => {
  const text = 'a,b,c\r\n"x, ""y""\r\nz",2,\r\n\r\nlast,"q"\rlone,cr\n1,"open\nnever closed';
  const expected = [
    { rowNumber: 1, cells: ['a', 'b', 'c'] },
    { rowNumber: 2, cells: ['x, "y"\r\nz', '2', ''] },
    { rowNumber: 3, cells: [''] },
    { rowNumber: 4, cells: ['last', 'q'] },
    { rowNumber: 5, cells: ['lone', 'cr'] },
    { rowNumber: 6, cells: ['1', 'open\nnever closed'], truncated: true },
  ];

  it('reads quotes, embedded quotes and line breaks, CRLF, lone CR, blank lines and trailing empty cells', () => {
    expect(tokenize(text)).toEqual(expected);
  });

  it('gives the same rows however the text is split into chunks', () => {
    for (const chunk of [1, 2, 3, 7]) expect(tokenize(text, ',', chunk)).toEqual(expected);
  });

  it('flags a last row without a line break, and keeps a stray quote inside a field', () => {
    expect(tokenize('a\tb\n5"寸\tx', '\t')).toEqual([
      { rowNumber: 1, cells: ['a', 'b'] },
      { rowNumber: 2, cells: ['5"寸', 'x'], unterminated: true },
    ]);
    expect(tokenize('a,b\n', ',')).toEqual([{ rowNumber: 1, cells: ['a', 'b'] }]);
  });
});

describe('CsvTokenizer limits', () => {
  const limits = { maxFieldChars: 10, maxColumns: 3, maxRecordChars: 20, keptChars: 4 };
  function tokenizeLimited(text: string, chunk: number) {
    const tokenizer = new CsvTokenizer(',', limits);
    const out: TableRecord[] = [];
    for (let i = 0; i < text.length; i += chunk) tokenizer.push(text.slice(i, i + chunk), out);
    tokenizer.finish(out);
    return out;
  }
  const text = 'a,"0123456789ABCDEF,""x""\nstill",c\nok,1\n1,2,3,4,5\n0123456789,0123456789,x\nend,"0123456789ABC';
  const expected = [
    { rowNumber: 1, cells: ['a', '0123…', 'c'], oversize: { kind: 'field', column: 1, size: 26 } },
    { rowNumber: 2, cells: ['ok', '1'] },
    { rowNumber: 3, cells: ['1', '2', '3'], oversize: { kind: 'columns', column: 3, size: 5 } },
    { rowNumber: 4, cells: ['0123456789', '0123456789', 'x'], oversize: { kind: 'record', column: 2, size: 21 } },
    { rowNumber: 5, cells: ['end', '0123…'], oversize: { kind: 'field', column: 1, size: 13 }, truncated: true },
  ];

  it('keeps only the start of an oversized cell, drops cells past the column limit, and reads on after them', () => {
    expect(tokenizeLimited(text, text.length)).toEqual(expected);
  });

  it('gives the same rows however the text is split', () => {
    for (const chunk of [1, 2, 3, 5, 11]) expect(tokenizeLimited(text, chunk)).toEqual(expected);
  });
});

describe('encoding detection', () => {
  it.each([
    ['utf-8-bom', 'utf-8', 3],
    ['utf-16le', 'utf-16le', 2],
    ['utf-16be', 'utf-16be', 2],
    ['gb18030', 'gb18030', 0],
    ['utf-8', 'utf-8', 0],
  ] as const)('%s → %s', (fixture, encoding, bomLength) => {
    const bytes = encodeText('订单编号,评价内容\n1,质量差评\n', fixture);
    expect(detectEncoding(bytes)).toMatchObject({ encoding, bomLength });
    const decoder = createDecoder(encoding);
    // Split mid-character: the decoder must join the halves.
    expect(decoder.write(bytes.subarray(0, 5)) + decoder.write(bytes.subarray(5)) + decoder.end()).toBe('订单编号,评价内容\n1,质量差评\n');
  });

  it('weighs the whole sample: a stray byte in UTF-8 text is UTF-8 with medium confidence; GB18030 text is not', () => {
    const utf8 = Buffer.from('订单编号,评价内容\n'.repeat(50), 'utf8');
    const stray = Buffer.concat([utf8.subarray(0, 100), Buffer.from([0xff]), utf8.subarray(100)]);
    expect(detectEncoding(stray)).toMatchObject({ encoding: 'utf-8', confidence: 'medium', reason: 'utf8_bad_bytes', invalidUtf8: 1 });
    expect(detectEncoding(encodeText('订单编号,评价内容\n'.repeat(50), 'gb18030'))).toMatchObject({ encoding: 'gb18030', reason: 'not_utf8', confidence: 'high' });
    // Many bad bytes are no longer "a few": the file is not UTF-8.
    const many = Buffer.concat(Array.from({ length: 20 }, () => Buffer.concat([Buffer.from('订单', 'utf8'), Buffer.from([0xff])])));
    expect(detectEncoding(many).encoding).toBe('gb18030');
    expect(detectEncoding(Buffer.from('id,text\n1,ok\n'))).toMatchObject({ encoding: 'utf-8', reason: 'ascii' });
  });

  it('a short UTF-8 file with a few stray bytes stays UTF-8 (low confidence): read as GB18030 it would lose every row', () => {
    const text = Buffer.from('订单编号,评价内容,评价时间\n1,质量太差了，穿一次就坏,2026-11-24\n2,物流太慢，三天才到,2026-11-24\n', 'utf8');
    const stray = Buffer.concat([text.subarray(0, 40), Buffer.from([0xff]), text.subarray(40, 80), Buffer.from([0xfe]), text.subarray(80, 120), Buffer.from([0xff]), text.subarray(120)]);
    expect(detectEncoding(stray)).toMatchObject({ encoding: 'utf-8', confidence: 'low', reason: 'utf8_bad_bytes', invalidUtf8: 3 });
  });

  it('treats a UTF-8 sample cut inside a character as UTF-8', () => {
    const bytes = Buffer.from('差评差评', 'utf8');
    expect(detectEncoding(bytes.subarray(0, 7)).encoding).toBe('utf-8');
  });
});

describe('delimiter sniffing', () => {
  it('picks the separator that splits lines consistently, past a title line and inside quotes', () => {
    expect(sniffDelimiter('评价导出\n订单号\t内容\t时间\n1\t"a,b,c"\t2\n')).toBe('\t');
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('a,b,c\n"x\ny",2,3\n')).toBe(',');
    expect(sniffDelimiter('只是一段文字\n没有分隔符\n')).toBeNull();
  });
});

describe('cell cleaning and values', () => {
  it('undoes keep-as-text wrappers and empty markers', () => {
    expect(cleanValue('="0012345678901234567"')).toBe('0012345678901234567');
    expect(cleanValue("'0012")).toBe('0012');
    expect(cleanValue('\t 123 \u3000')).toBe('123');
    for (const empty of ['-', '--', '#NULL!', 'null', 'NULL', '', '  ']) expect(cleanValue(empty)).toBeNull();
    expect(cleanText("'好评'")).toBe("'好评'");
    expect(looksLikeLostDigits('1.23457E+18')).toBe(true);
    expect(looksLikeLostDigits('1234567890123456789')).toBe(false);
  });

  it('reads review times as China time unless the value says otherwise', () => {
    const at = Date.UTC(2026, 10, 24, 1, 30);
    for (const value of ['2026-11-24 09:30:00', '2026/11/24 9:30', '2026年11月24日 09:30', '2026-11-24T09:30:00+08:00', '2026-11-24T01:30:00Z', '46350.395833333336']) {
      expect([value, parseReviewTime(value)]).toEqual([value, at]);
    }
    expect(parseReviewTime('2026-11-24')).toBe(Date.UTC(2026, 10, 23, 16));
    for (const bad of ['2026-02-30 10:00', '2026-13-01', '24/11/2026', 'yesterday', '123']) expect(parseReviewTime(bad)).toBeNull();
  });

  it('reads levels and star ratings in their usual spellings', () => {
    expect(['好评', '中评', '差评', '差', 'Negative'].map(parseLevel)).toEqual(['good', 'neutral', 'bad', 'bad', 'bad']);
    expect(parseLevel('一般')).toBeNull();
    expect(['5', '4.0', '3星', '二星', '★★★★☆', '4.5'].map(parseRating)).toEqual([5, 4, 3, 2, 4, 5]);
    expect(['0', '6', '五颗'].map(parseRating)).toEqual([null, null, null]);
  });

  it('normalises header variants', () => {
    expect(normalizeHeader(' 评价时间（北京时间） ')).toBe('评价时间(北京时间)');
    expect(normalizeHeader('ＳＫＵ ')).toBe('sku');
    expect(normalizeHeader('订单号*')).toBe('订单号');
  });
});
