import { caseCategories, type CaseCategory } from '../domain/reviews';
import type { CategoryModel } from './category-model';

/** One labelled text the model learns from: a built-in example or a person's correction. */
export interface LabelledExample {
  text: string;
  category: CaseCategory;
  /** How much it counts (a correction counts more than a built-in example). Default 1. */
  weight?: number;
}

/** Laplace smoothing: every n-gram is seen this many extra times in every category. */
export const laplaceAlpha = 1;
export const minGram = 1;
export const maxGram = 3;

// Text is cut into runs of letters, digits and CJK; n-grams never cross punctuation or spaces, so
// "物流很快，就是卡" gives "就是卡" but not "快，就".
const separatorPattern = /[\s\p{P}\p{S}]/u;
let separatorTable: Uint8Array | null = null;

/** One byte per UTF-16 code unit: 1 where it separates runs. Built once, on first use (~65k tests). */
function separators(): Uint8Array {
  if (separatorTable) return separatorTable;
  const table = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (separatorPattern.test(String.fromCharCode(code))) table[code] = 1;
  }
  return (separatorTable = table);
}

const unit = 65536;
const lengthTag = 2 ** 48;

/**
 * Calls `visit` with a number for each UTF-16 1–3-gram of the lower-cased text (repeats included;
 * an emoji is two code units, so it is a 2-gram, and its halves are never shown as reasons):
 * the code units packed in base 65536 plus the length times 2^48, exact in a double. Numbers, not
 * strings, because counting 10k reviews visits over a million n-grams and a number key costs no
 * allocation or string hashing. `gramText` turns one back into its text.
 */
export function forEachNgramKey(text: string, visit: (key: number) => void): void {
  const table = separators();
  const lower = text.toLowerCase();
  const length = lower.length;
  let start = 0;
  while (start < length) {
    if (table[lower.charCodeAt(start)] === 1) {
      start++;
      continue;
    }
    let end = start;
    while (end < length && table[lower.charCodeAt(end)] !== 1) end++;
    for (let i = start; i < end; i++) {
      const one = lower.charCodeAt(i);
      visit(one + lengthTag);
      if (i + 1 >= end) break;
      const two = one * unit + lower.charCodeAt(i + 1);
      visit(two + 2 * lengthTag);
      if (i + 2 >= end) continue;
      visit(two * unit + lower.charCodeAt(i + 2) + 3 * lengthTag);
    }
    start = end;
  }
}

/** The text of an n-gram key from forEachNgramKey. */
export function gramText(key: number): string {
  const size = Math.floor(key / lengthTag);
  let packed = key - size * lengthTag;
  const codes: number[] = [];
  for (let i = 0; i < size; i++) {
    codes.unshift(packed % unit);
    packed = Math.floor(packed / unit);
  }
  return String.fromCharCode(...codes);
}

/**
 * n-gram key → row, open addressing over typed arrays: a Map with keys past 2^31 boxes every key
 * and was most of the training time. Key 0 never occurs (every key carries its length tag).
 */
export class KeyIndex {
  private keys = new Float64Array(1 << 14);
  private rows = new Int32Array(1 << 14);
  private mask = (1 << 14) - 1;
  size = 0;

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let at = h & this.mask;
    while (this.keys[at] !== 0 && this.keys[at] !== key) at = (at + 1) & this.mask;
    return at;
  }

  get(key: number): number | undefined {
    const at = this.slot(key);
    return this.keys[at] === 0 ? undefined : this.rows[at];
  }

  /** The key's row, numbering a new key with the next row. */
  add(key: number): number {
    let at = this.slot(key);
    if (this.keys[at] !== 0) return this.rows[at] as number;
    if ((this.size + 1) * 2 > this.keys.length) {
      this.rehash();
      at = this.slot(key);
    }
    this.keys[at] = key;
    this.rows[at] = this.size;
    return this.size++;
  }

  private rehash(): void {
    const keys = this.keys;
    const rows = this.rows;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const at = this.slot(keys[i]!);
      this.keys[at] = keys[i]!;
      this.rows[at] = rows[i]!;
    }
  }
}

/** A gram that splits a character outside the BMP (half an emoji) is never shown as a reason. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The distinct character 1–3-grams of a text (lower-cased), in order of first appearance. */
export function ngrams(text: string): string[] {
  const seen = new Set<number>();
  forEachNgramKey(text, (key) => seen.add(key));
  return [...seen].map(gramText);
}

/**
 * Multinomial naive Bayes over character n-grams, each n-gram counted once per text (binarised,
 * which suits short reviews), with Laplace smoothing. Built by `NgramTrainer`; immutable, so the
 * store can swap a new one in while imports read the old one.
 */
export class NgramModel implements CategoryModel {
  constructor(
    /** The categories with at least one example, in caseCategories order. */
    readonly categories: readonly CaseCategory[],
    /** n-gram key (forEachNgramKey) → row in `logLikelihood`. */
    private readonly vocabulary: KeyIndex,
    /** log P(n-gram | category), row-major: vocabulary × categories. */
    private readonly logLikelihood: Float64Array,
    private readonly logPrior: Float64Array,
    readonly exampleCount: number,
  ) {}

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** The vocabulary rows of the text's known n-grams. */
  private rows(haystack: string): { key: number; row: number }[] {
    const found: { key: number; row: number }[] = [];
    const seen = new Set<number>();
    forEachNgramKey(haystack, (key) => {
      if (seen.has(key)) return;
      seen.add(key);
      const row = this.vocabulary.get(key);
      if (row !== undefined) found.push({ key, row });
    });
    return found;
  }

  probabilities(haystack: string): Partial<Record<CaseCategory, number>> {
    const k = this.categories.length;
    if (k === 0) return {};
    const scores = Float64Array.from(this.logPrior);
    for (const { row } of this.rows(haystack)) {
      for (let c = 0; c < k; c++) scores[c]! += this.logLikelihood[row * k + c]!;
    }
    // Softmax with the maximum taken out, so long texts do not underflow.
    let max = -Infinity;
    for (const score of scores) max = Math.max(max, score);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += scores[c] = Math.exp(scores[c]! - max);
    const result: Partial<Record<CaseCategory, number>> = {};
    this.categories.forEach((category, c) => (result[category] = scores[c]! / sum));
    return result;
  }

  /**
   * The n-grams present in the text that favour `category` most over the strongest other
   * category (log-likelihood ratio), strongest first. An n-gram inside a longer one already chosen
   * is left out, so the reason reads "卡顿" rather than "卡顿, 卡, 顿"; a single character (了, 手)
   * is a reason only when no longer n-gram is one, since alone it says little to a person.
   */
  reasons(haystack: string, category: CaseCategory, limit = 5): string[] {
    const c = this.categories.indexOf(category);
    const k = this.categories.length;
    if (c < 0 || k < 2) return [];
    const weighed: { gram: string; weight: number }[] = [];
    for (const { key, row } of this.rows(haystack)) {
      let strongestOther = -Infinity;
      for (let other = 0; other < k; other++) if (other !== c) strongestOther = Math.max(strongestOther, this.logLikelihood[row * k + other]!);
      const weight = this.logLikelihood[row * k + c]! - strongestOther;
      if (weight <= 0) continue;
      const gram = gramText(key);
      if (!loneSurrogate.test(gram)) weighed.push({ gram, weight });
    }
    const multi = weighed.filter(({ gram }) => Array.from(gram).length > 1);
    const candidates = multi.length > 0 ? multi : weighed;
    candidates.sort((a, b) => b.weight - a.weight || b.gram.length - a.gram.length);
    const chosen: string[] = [];
    for (const { gram } of candidates) {
      if (chosen.length >= limit) break;
      if (chosen.some((longer) => longer.includes(gram))) continue;
      for (let i = chosen.length - 1; i >= 0; i--) if (gram.includes(chosen[i]!)) chosen.splice(i, 1);
      chosen.push(gram);
    }
    return chosen;
  }
}

/**
 * Counts examples one at a time, so the caller can train in slices on a busy thread (the store
 * yields between slices) and build the model at the end. Counts live in one flat array indexed
 * by n-gram number × category (no object per n-gram: 10k reviews have some 200k distinct ones).
 * Single use: `build()` hands its vocabulary to the model.
 */
export class NgramTrainer {
  private readonly index = new KeyIndex();
  private counts = new Float64Array(caseCategories.length * 4096);
  /** The example that last counted each n-gram: an n-gram counts once per text. */
  private lastExample = new Int32Array(4096).fill(-1);
  private readonly gramTotals = new Float64Array(caseCategories.length);
  private readonly docWeights = new Float64Array(caseCategories.length);
  private examples = 0;

  private grow(): void {
    const counts = new Float64Array(this.counts.length * 2);
    counts.set(this.counts);
    this.counts = counts;
    const last = new Int32Array(this.lastExample.length * 2).fill(-1);
    last.set(this.lastExample);
    this.lastExample = last;
  }

  add(example: LabelledExample): void {
    const c = caseCategories.indexOf(example.category);
    if (c < 0) return;
    const weight = example.weight ?? 1;
    if (!(weight > 0)) return;
    const k = caseCategories.length;
    const id = this.examples;
    let distinct = 0;
    forEachNgramKey(example.text, (key) => {
      const row = this.index.add(key);
      if (row >= this.lastExample.length) this.grow();
      if (this.lastExample[row] === id) return;
      this.lastExample[row] = id;
      this.counts[row * k + c]! += weight;
      distinct++;
    });
    if (distinct === 0) return;
    this.gramTotals[c]! += weight * distinct;
    this.docWeights[c]! += weight;
    this.examples++;
  }

  get size(): number {
    return this.examples;
  }

  build(): NgramModel {
    const all = caseCategories.length;
    const present = caseCategories.map((_, c) => c).filter((c) => this.docWeights[c]! > 0);
    const categories = present.map((c) => caseCategories[c] as CaseCategory);
    const k = present.length;
    const v = this.index.size;
    const logLikelihood = new Float64Array(v * k);
    const denominators = present.map((c) => Math.log(this.gramTotals[c]! + laplaceAlpha * v));
    for (let row = 0; row < v; row++) {
      for (let i = 0; i < k; i++) logLikelihood[row * k + i] = Math.log(this.counts[row * all + present[i]!]! + laplaceAlpha) - denominators[i]!;
    }
    const totalDocs = present.reduce((sum, c) => sum + this.docWeights[c]!, 0);
    // Priors smoothed the same way, so a category with few examples is not ruled out by its prior.
    const logPrior = Float64Array.from(present, (c) => Math.log((this.docWeights[c]! + laplaceAlpha) / (totalDocs + laplaceAlpha * k)));
    return new NgramModel(categories, this.index, logLikelihood, logPrior, this.examples);
  }
}

/** Trains in one go (tests, benches); the app trains in slices through `NgramTrainer`. */
export function trainNgramModel(examples: Iterable<LabelledExample>): NgramModel {
  const trainer = new NgramTrainer();
  for (const example of examples) trainer.add(example);
  return trainer.build();
}

/** The category the model rates highest, with its probability; null when it knows none. */
export function topCategory(model: CategoryModel, haystack: string): { category: CaseCategory; probability: number } | null {
  let best: { category: CaseCategory; probability: number } | null = null;
  for (const [category, probability] of Object.entries(model.probabilities(haystack)) as [CaseCategory, number][]) {
    if (!best || probability > best.probability) best = { category, probability };
  }
  return best;
}
