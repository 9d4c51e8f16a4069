import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { CsvTokenizer } from '../electron/core/services/imports/csv-tokenizer';
import { detectEncoding } from '../electron/core/services/imports/encoding';
import type { TableRecord } from '../electron/core/services/imports/table-record';
import type { Bench, BenchResult, Report } from './run';

/** Where the real review text is (README: a path argument, never copied into the repository). */
const corpusDir = resolve(process.env.REVIEWDESK_CORPUS ?? '../shared/corpus/');
const header = '订单编号,评价内容,评价时间,评价结果\r\n';

export const encodingDetectionBench: Bench = { name: 'encodingDetection', title: 'encoding detection on real review text', run: runEncodingBench };

function readReviews(): string[] {
  const tokenizer = new CsvTokenizer(',');
  const records: TableRecord[] = [];
  tokenizer.push(readFileSync(join(corpusDir, 'online_shopping_10_cats.csv'), 'utf8'), records);
  tokenizer.finish(records);
  return records
    .slice(1)
    .map((record) => (record.cells[2] ?? '').trim())
    .filter((text) => text !== '');
}

const row = (n: number, text: string) => `A${n},"${text.replace(/"/g, '""')}",2026-11-24 09:30,差评\r\n`;

/**
 * The share of `files` detected as `expected`, as a percentage with its count. A file whose bytes
 * decode to the same text either way (plain ASCII) counts as right: nothing is lost.
 */
function share(files: Iterable<Buffer>, expected: string): { rate: number; text: string } {
  let total = 0;
  let hits = 0;
  for (const bytes of files) {
    total++;
    const detected = detectEncoding(bytes.subarray(0, 64 * 1024)).encoding;
    if (detected === expected || iconv.decode(bytes, detected) === iconv.decode(bytes, expected)) hits++;
  }
  const rate = total === 0 ? 0 : hits / total;
  return { rate, text: `${(rate * 100).toFixed(2)}% (${hits.toLocaleString('en')} of ${total.toLocaleString('en')})` };
}

function withStrayByte(bytes: Buffer): Buffer {
  const at = Math.floor(bytes.length / 3);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
}

function* singleReviewFiles(reviews: string[], encoding: string, withHeader: boolean, strayByte = false) {
  for (let i = 0; i < reviews.length; i++) {
    const bytes = iconv.encode(`${withHeader ? header : ''}${withHeader ? row(i, reviews[i] as string) : reviews[i]}`, encoding);
    yield strayByte ? withStrayByte(bytes) : bytes;
  }
}

/** Exports of 200 reviews each (about the 64 KB the detector samples). */
function* exportFiles(reviews: string[], encoding: string, strayByte: boolean) {
  for (let start = 0; start + 200 <= reviews.length; start += 200) {
    const bytes = iconv.encode(header + reviews.slice(start, start + 200).map((text, index) => row(start + index, text)).join(''), encoding);
    yield strayByte ? withStrayByte(bytes) : bytes;
  }
}

async function runEncodingBench(report: Report): Promise<BenchResult> {
  if (!existsSync(join(corpusDir, 'online_shopping_10_cats.csv'))) {
    report(`no corpus at ${corpusDir} (set REVIEWDESK_CORPUS): skipped`);
    return { ok: true };
  }
  const reviews = readReviews();
  report(`${reviews.length.toLocaleString('en')} reviews from ${corpusDir}`);
  const started = performance.now();
  const results = {
    gbExport: share(exportFiles(reviews, 'gb18030', false), 'gb18030'),
    utf8Export: share(exportFiles(reviews, 'utf8', false), 'utf-8'),
    utf8Stray: share(exportFiles(reviews, 'utf8', true), 'utf-8'),
    gbSingleWithHeader: share(singleReviewFiles(reviews, 'gb18030', true), 'gb18030'),
    gbSingleBare: share(singleReviewFiles(reviews, 'gb18030', false), 'gb18030'),
    utf8SingleBare: share(singleReviewFiles(reviews, 'utf8', false), 'utf-8'),
    utf8SingleStray: share(singleReviewFiles(reviews, 'utf8', true, true), 'utf-8'),
  };
  report(`GB18030 exports of 200 reviews detected as GB18030: ${results.gbExport.text}`);
  report(`UTF-8 exports of 200 reviews detected as UTF-8: ${results.utf8Export.text}`);
  report(`UTF-8 exports with one stray 0xFF byte still UTF-8: ${results.utf8Stray.text}`);
  report(`one review + header in GB18030 detected as GB18030: ${results.gbSingleWithHeader.text}`);
  report(`one review alone (no header) in GB18030 detected as GB18030: ${results.gbSingleBare.text}`);
  report(`one review alone in UTF-8 detected as UTF-8: ${results.utf8SingleBare.text}`);
  report(`one review + header in UTF-8 with one stray byte still UTF-8: ${results.utf8SingleStray.text}`);
  report(`(${Math.round(performance.now() - started)} ms for all detections)`);
  // Whole exports must be right; a single bare review is the hard case, reported for the record.
  return { ok: results.gbExport.rate === 1 && results.utf8Export.rate === 1 && results.utf8Stray.rate === 1 && results.gbSingleWithHeader.rate >= 0.999 };
}
