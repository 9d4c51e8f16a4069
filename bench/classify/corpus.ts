import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CsvTokenizer } from '../../electron/core/services/imports/csv-tokenizer';
import type { TableRecord } from '../../electron/core/services/imports/table-record';

/** The shop product types of the corpus (its README: 蒙牛, 酒店 and 书籍 are not shop products). */
export const productTypes = ['手机', '平板', '计算机', '水果', '洗发水', '热水器', '衣服'] as const;
export type ProductType = (typeof productTypes)[number];

export interface CorpusRow {
  /** 1-based number of the data row (the header is row 0): what labels.csv keys on. */
  row: number;
  cat: string;
  label: number;
  text: string;
}

export const corpusFile = 'online_shopping_10_cats.csv';

/** The corpus folder: `--corpus PATH`, else REVIEWDESK_CORPUS, else ../shared/corpus/ (never copied into the repo). */
export function corpusDir(argv: readonly string[] = process.argv): string {
  const at = argv.indexOf('--corpus');
  const given = at >= 0 ? argv[at + 1] : undefined;
  return resolve(given ?? process.env.REVIEWDESK_CORPUS ?? '../shared/corpus/');
}

export function corpusExists(dir: string): boolean {
  return existsSync(join(dir, corpusFile));
}

export function readCorpus(dir: string): CorpusRow[] {
  const tokenizer = new CsvTokenizer(',');
  const records: TableRecord[] = [];
  tokenizer.push(readFileSync(join(dir, corpusFile), 'utf8'), records);
  tokenizer.finish(records);
  return records.slice(1).map((record, index) => ({
    row: index + 1,
    cat: (record.cells[0] ?? '').trim(),
    label: Number(record.cells[1]),
    text: (record.cells[2] ?? '').replace(/^\uFEFF/, '').trim(),
  }));
}

/** mulberry32: a small seeded generator, so the sample is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sampleSeed = 20261203;

/**
 * The labelled sample's rows: per product type, negative reviews with text, shuffled with the
 * fixed seed; the first `perType` of each. The split (dev / held-out) is by position in that
 * order: the first `devPerType` are dev, the rest held out.
 */
export function pickSample(rows: readonly CorpusRow[], perType: number): { row: number; cat: ProductType; position: number }[] {
  const random = seededRandom(sampleSeed);
  const picked: { row: number; cat: ProductType; position: number }[] = [];
  for (const cat of productTypes) {
    const pool = rows.filter((row) => row.cat === cat && row.label === 0 && row.text.length >= 4).map((row) => row.row);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
    }
    pool.slice(0, perType).forEach((row, position) => picked.push({ row, cat, position }));
  }
  return picked;
}
