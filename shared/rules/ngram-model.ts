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
const separators = /[\s\p{P}\p{S}]+/u;

/** The distinct character 1–3-grams of a text (lower-cased), in order of first appearance. */
export function ngrams(text: string): string[] {
  const seen = new Set<string>();
  for (const run of text.toLowerCase().split(separators)) {
    const chars = Array.from(run);
    for (let start = 0; start < chars.length; start++) {
      let gram = '';
      for (let size = 1; size <= maxGram && start + size <= chars.length; size++) {
        gram += chars[start + size - 1];
        if (size >= minGram) seen.add(gram);
      }
    }
  }
  return [...seen];
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
    /** n-gram → row in `logLikelihood`. */
    private readonly vocabulary: ReadonlyMap<string, number>,
    /** log P(n-gram | category), row-major: vocabulary × categories. */
    private readonly logLikelihood: Float64Array,
    private readonly logPrior: Float64Array,
    readonly exampleCount: number,
  ) {}

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** The vocabulary rows of the text's known n-grams. */
  private rows(haystack: string): { gram: string; row: number }[] {
    const found: { gram: string; row: number }[] = [];
    for (const gram of ngrams(haystack)) {
      const row = this.vocabulary.get(gram);
      if (row !== undefined) found.push({ gram, row });
    }
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
    for (const { gram, row } of this.rows(haystack)) {
      let strongestOther = -Infinity;
      for (let other = 0; other < k; other++) if (other !== c) strongestOther = Math.max(strongestOther, this.logLikelihood[row * k + other]!);
      const weight = this.logLikelihood[row * k + c]! - strongestOther;
      if (weight > 0) weighed.push({ gram, weight });
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
 * yields between slices) and build the model at the end.
 */
export class NgramTrainer {
  private readonly counts = new Map<string, Float64Array>();
  private readonly gramTotals = new Float64Array(caseCategories.length);
  private readonly docWeights = new Float64Array(caseCategories.length);
  private examples = 0;

  add(example: LabelledExample): void {
    const c = caseCategories.indexOf(example.category);
    if (c < 0) return;
    const weight = example.weight ?? 1;
    if (!(weight > 0)) return;
    const grams = ngrams(example.text);
    if (grams.length === 0) return;
    for (const gram of grams) {
      let row = this.counts.get(gram);
      if (!row) this.counts.set(gram, (row = new Float64Array(caseCategories.length)));
      row[c]! += weight;
    }
    this.gramTotals[c]! += weight * grams.length;
    this.docWeights[c]! += weight;
    this.examples++;
  }

  get size(): number {
    return this.examples;
  }

  build(): NgramModel {
    const present = caseCategories.map((_, c) => c).filter((c) => this.docWeights[c]! > 0);
    const categories = present.map((c) => caseCategories[c] as CaseCategory);
    const k = present.length;
    const vocabulary = new Map<string, number>();
    const logLikelihood = new Float64Array(this.counts.size * k);
    const v = this.counts.size;
    const denominators = present.map((c) => Math.log(this.gramTotals[c]! + laplaceAlpha * v));
    let row = 0;
    for (const [gram, counts] of this.counts) {
      vocabulary.set(gram, row);
      for (let i = 0; i < k; i++) logLikelihood[row * k + i] = Math.log(counts[present[i]!]! + laplaceAlpha) - denominators[i]!;
      row++;
    }
    const totalDocs = present.reduce((sum, c) => sum + this.docWeights[c]!, 0);
    // Priors smoothed the same way, so a category with few examples is not ruled out by its prior.
    const logPrior = Float64Array.from(present, (c) => Math.log((this.docWeights[c]! + laplaceAlpha) / (totalDocs + laplaceAlpha * k)));
    return new NgramModel(categories, vocabulary, logLikelihood, logPrior, this.examples);
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
