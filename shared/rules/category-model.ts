import type { CaseCategory } from '../domain/reviews';

/**
 * A statistical opinion on a review's category, learned offline from labelled examples (the built-in
 * ones plus the team's corrections). The rule scorer combines it with the lexicon's evidence; the
 * model never decides alone and always says why (its top-weighted n-grams).
 */
export interface CategoryModel {
  /** Per category, the probability the model gives it for this text (sums to ~1 over the categories it knows). */
  probabilities(haystack: string): Partial<Record<CaseCategory, number>>;
  /** The n-grams in the text that pushed hardest towards `category`, strongest first: the reason shown on the case. */
  reasons(haystack: string, category: CaseCategory, limit?: number): string[];
  /** How many labelled examples it was trained on (0: untrained, ignore it). */
  readonly exampleCount: number;
}
