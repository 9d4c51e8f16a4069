import type { CaseCategory } from '../domain/reviews';
import type { CategoryModel } from './category-model';
import type { Lexicon } from './lexicon';
import { findPatterns, type PatternFinding } from './patterns';
import { scoreReview, type Reason, type CategoryScore } from './scorer';

export type { LexiconRule as CategoryRuleInput } from './lexicon';
export { compileLexicon } from './lexicon';

/** Below this confidence a negative review's case waits for a person (待确认) with its best guesses. */
export const defaultNeedsReviewThreshold = 0.45;

/** Why the case has its category, as stored on the case and shown in the inbox's detail. */
export interface ClassificationExplanation {
  winner: CaseCategory;
  runnerUp: CaseCategory | null;
  secondary: CaseCategory[];
  confidence: number;
  scores: CategoryScore[];
  reasons: Reason[];
  /** The categories a person is offered when the case needs review, best first. */
  guesses: CaseCategory[];
  /** Which lexicon family decided (null: every family's words). */
  family: string | null;
  /** Whether the learned model took part (trained on at least one example). */
  modelExamples: number;
}

export interface CategoryDecision {
  category: CaseCategory;
  source: 'rule' | 'default';
  ruleId: number | null;
  ruleName: string | null;
  /** The winner's words found in the text, strongest first: the short "why" shown on the case. */
  matchedWords: string[];
  /** Evidence found but too weak or too close to call: the case is put in the needs-review queue. */
  needsReview: boolean;
  explanation: ClassificationExplanation;
}

export interface ClassifyOptions {
  model?: CategoryModel | null;
  threshold?: number;
  /** The patterns already found in the haystack (the import finds them once for flags and category). */
  patterns?: readonly PatternFinding[];
}

/** Keywords are matched as substrings, ignoring case for Latin letters (Chinese has no case). */
export function findKeywords(haystack: string, keywords: readonly string[]): string[] {
  const found: string[] = [];
  for (const keyword of keywords) {
    if (keyword !== '' && haystack.includes(keyword.toLowerCase())) found.push(keyword);
  }
  return found;
}

/** The text the rules look at: the review and its follow-up (追评), lower-cased once. */
export function ruleHaystack(text: string, followUpText: string | null): string {
  return (followUpText ? `${text}\n${followUpText}` : text).toLowerCase();
}

/**
 * Scores the review against the lexicon (scorer.ts) and decides: the winner when it is sure
 * enough, 其他 with the best guesses and `needsReview` when it found evidence but not enough, and
 * plain 其他 when it found nothing to go on.
 */
export function classifyReview(haystack: string, lexicon: Lexicon, options: ClassifyOptions = {}): CategoryDecision {
  const threshold = options.threshold ?? defaultNeedsReviewThreshold;
  const scored = scoreReview(haystack, lexicon, options.patterns ?? findPatterns(haystack), options.model);
  const guesses = scored.scores.map((entry) => entry.category).slice(0, 3);
  const explanation: ClassificationExplanation = {
    winner: scored.category,
    runnerUp: scored.runnerUp,
    secondary: scored.secondary,
    confidence: scored.confidence,
    scores: scored.scores,
    reasons: scored.reasons,
    guesses,
    family: lexicon.family,
    modelExamples: options.model?.exampleCount ?? 0,
  };
  const found = scored.scores.length > 0;
  const needsReview = found && scored.confidence < threshold;
  if (!found || needsReview) {
    return { category: 'other', source: 'default', ruleId: null, ruleName: null, matchedWords: [], needsReview, explanation };
  }
  const matchedWords = [
    ...new Set(
      scored.reasons
        // The rule's words only: the model's n-grams are shown in the explanation, marked as the model's.
        .filter((reason) => reason.category === scored.category && reason.source !== 'model' && reason.weight > 0 && reason.word !== '')
        .sort((a, b) => b.weight - a.weight)
        .map((reason) => reason.word),
    ),
  ];
  return { category: scored.category, source: 'rule', ruleId: scored.ruleId, ruleName: scored.ruleName, matchedWords, needsReview: false, explanation };
}
