import { caseCategories, type CaseCategory } from '../domain/reviews';
import type { CategoryModel } from './category-model';
import { clauseAt, isNegated, splitClauses, type Clause } from './clauses';
import { complaintPattern, praisePattern, type Lexicon, type LexiconEntry } from './lexicon';
import type { PatternFinding } from './patterns';

/** One piece of evidence for or against a category, with where it stands in the text. */
export interface Reason {
  category: CaseCategory;
  word: string;
  /** Offsets into the haystack (review, then a new line and the follow-up); null for a model n-gram not found verbatim. */
  start: number | null;
  end: number | null;
  /** What it added to the category's score (negative: praise against it; 0: negated, shown but not counted). */
  weight: number;
  source: 'rule' | 'pattern' | 'model';
  effect: 'complaint' | 'praise' | 'negated' | 'pattern' | 'model';
  ruleId: number | null;
  ruleName: string | null;
}

export interface CategoryScore {
  category: CaseCategory;
  score: number;
}

export interface ScoredDecision {
  /** The primary category: it decides the SLA. `other` when nothing was found. */
  category: CaseCategory;
  runnerUp: CaseCategory | null;
  /** Further complaints in the same review, strongest first (not the primary). */
  secondary: CaseCategory[];
  /** 0–1: how strong the winner's evidence is and how far ahead of the runner-up. */
  confidence: number;
  /** Every category with a positive score, highest first. */
  scores: CategoryScore[];
  /** Evidence for the winner, the runner-up and the secondary ones, and what was discounted. */
  reasons: Reason[];
  /** The rule that gave the winner its strongest word (the case's rule id/name), if a rule did. */
  ruleId: number | null;
  ruleName: string | null;
}

/** A word of the lexicon in a plain clause. An aspect word alone (物流) counts this much … */
export const wordWeight = 1;
export const aspectAloneWeight = 0.6;
/** … an aspect with a complaint modifier in its clause (物流太慢) this much … */
export const aspectComplaintWeight = 1.5;
/** … and an aspect praised in its clause (物流很快) counts against its category by this much. */
export const praiseWeight = -0.8;
/** An extortion or competitor pattern: malicious evidence outweighing any one complaint word. */
export const patternWeight = 3;
/**
 * The learned model's vote: its probability for a category times this, for categories it gives at
 * least `modelFloor`. About one plain lexicon word at p = 0.67, so it tips close calls and fills in
 * where the lexicon is silent, but a clear complaint word still outvotes it.
 */
export const modelWeight = 1.5;
export const modelFloor = 0.2;
/** A category is a secondary complaint from this score, and this share of the primary's. */
const secondaryMinimum = 0.9;
const secondaryShare = 0.35;

/** Ties go to the category whose mistakes cost most. */
const tieOrder: readonly CaseCategory[] = ['malicious', 'wrong_item', 'quality', 'mismatch', 'logistics', 'service', 'other'];

const round = (value: number) => Math.round(value * 100) / 100;

interface Hit {
  entry: LexiconEntry;
  start: number;
  clause: Clause;
}

function findHits(haystack: string, clauses: readonly Clause[], lexicon: Lexicon): Hit[] {
  const hits: Hit[] = [];
  for (let at = 0; at < haystack.length; at++) {
    const candidates = lexicon.byFirst.get(haystack[at] as string);
    if (!candidates) continue;
    for (const entry of candidates) {
      if (!haystack.startsWith(entry.word, at)) continue;
      const clause = clauseAt(clauses, at);
      if (clause) hits.push({ entry, start: at, clause });
    }
  }
  if (hits.length < 2) return hits;
  // A word inside a longer matched word of the same category (坏 in 坏了) is that word, not two.
  return hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other !== hit &&
          other.entry.category === hit.entry.category &&
          other.entry.word.length > hit.entry.word.length &&
          other.start <= hit.start &&
          other.start + other.entry.word.length >= hit.start + hit.entry.word.length,
      ),
  );
}

/** A clause's tone around an aspect word: a complaint modifier not negated, or praise, or neither. */
function tone(clause: Clause, exceptFrom: number, exceptTo: number): 'complaint' | 'praise' | null {
  const text = clause.text;
  const outside = (index: number, length: number) => index + length <= exceptFrom || index >= exceptTo;
  let praised = false;
  for (const match of text.matchAll(complaintPattern)) {
    const index = match.index ?? 0;
    if (outside(index, match[0].length) && !isNegated(text, index)) return 'complaint';
  }
  for (const match of text.matchAll(praisePattern)) {
    const index = match.index ?? 0;
    if (!outside(index, match[0].length)) continue;
    // 不快, 不太好: praise negated is a complaint.
    if (isNegated(text, index)) return 'complaint';
    praised = true;
  }
  return praised ? 'praise' : null;
}

/**
 * Scores every category from the evidence in `haystack` (ruleHaystack: lower-cased review and
 * follow-up): lexicon words weighted by their clause, praise against, negated words not at all,
 * the patterns' malicious evidence, and the learned model's vote when it has been trained.
 */
export function scoreReview(haystack: string, lexicon: Lexicon, patterns: readonly PatternFinding[], model?: CategoryModel | null): ScoredDecision {
  const clauses = splitClauses(haystack);
  const scores = new Map<CaseCategory, number>();
  const reasons: Reason[] = [];
  const add = (category: CaseCategory, weight: number) => scores.set(category, (scores.get(category) ?? 0) + weight);

  for (const hit of findHits(haystack, clauses, lexicon)) {
    const { entry, clause } = hit;
    const local = hit.start - clause.start;
    const reason = (weight: number, effect: Reason['effect']): Reason => ({
      category: entry.category,
      word: entry.word,
      start: hit.start,
      end: hit.start + entry.word.length,
      weight,
      source: 'rule',
      effect,
      ruleId: entry.ruleId,
      ruleName: entry.ruleName,
    });
    if (isNegated(clause.text, local)) {
      reasons.push(reason(0, 'negated'));
      continue;
    }
    let weight = wordWeight;
    let effect: Reason['effect'] = 'complaint';
    if (entry.aspect) {
      const clauseTone = tone(clause, local, local + entry.word.length);
      weight = clauseTone === 'complaint' ? aspectComplaintWeight : clauseTone === 'praise' ? praiseWeight : aspectAloneWeight;
      if (clauseTone === 'praise') effect = 'praise';
    }
    // Praise after a contrast is still praise, only stronger; a concession's praise is weaker.
    weight = round(weight * clause.weight);
    add(entry.category, weight);
    reasons.push(reason(weight, effect));
  }

  for (const finding of patterns) {
    if (finding.kind === 'compliance_risk') continue;
    add('malicious', patternWeight);
    reasons.push({ category: 'malicious', word: finding.text, start: finding.start, end: finding.end, weight: patternWeight, source: 'pattern', effect: 'pattern', ruleId: null, ruleName: null });
  }

  if (model && model.exampleCount > 0) {
    const probabilities = model.probabilities(haystack);
    for (const category of caseCategories) {
      const p = probabilities[category] ?? 0;
      if (p < modelFloor) continue;
      const weight = round(p * modelWeight);
      add(category, weight);
      const grams = model.reasons(haystack, category, 3);
      const shown = grams.length > 0 ? grams : [''];
      shown.forEach((gram, index) => {
        const at = gram === '' ? -1 : haystack.indexOf(gram);
        reasons.push({ category, word: gram, start: at === -1 ? null : at, end: at === -1 ? null : at + gram.length, weight: index === 0 ? weight : 0, source: 'model', effect: 'model', ruleId: null, ruleName: null });
      });
    }
  }

  reasons.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  return decide(scores, reasons);
}

function decide(scores: Map<CaseCategory, number>, reasons: Reason[]): ScoredDecision {
  const ranked = [...scores.entries()]
    .map(([category, score]) => ({ category, score: round(score) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || tieOrder.indexOf(a.category) - tieOrder.indexOf(b.category));
  const first = ranked[0];
  const second = ranked[1];
  if (!first) {
    return { category: 'other', runnerUp: null, secondary: [], confidence: 0, scores: [], reasons: reasons.filter((reason) => reason.effect !== 'model'), ruleId: null, ruleName: null };
  }
  const strength = 1 - Math.exp(-1.5 * first.score);
  const lead = second ? (first.score - second.score) / first.score : 1;
  const confidence = round(strength * (0.6 + 0.4 * lead));
  const secondary = ranked.slice(1).filter((entry) => entry.score >= secondaryMinimum && entry.score >= first.score * secondaryShare).map((entry) => entry.category);
  const shown = new Set<CaseCategory>([first.category, ...(second ? [second.category] : []), ...secondary]);
  const kept = reasons.filter((reason) => shown.has(reason.category) || reason.effect === 'negated' || reason.effect === 'praise');
  const strongest = kept
    .filter((reason) => reason.category === first.category && reason.source === 'rule' && reason.weight > 0)
    .sort((a, b) => b.weight - a.weight)[0];
  return {
    category: first.category,
    runnerUp: second?.category ?? null,
    secondary,
    confidence,
    scores: ranked,
    reasons: kept,
    ruleId: strongest?.ruleId ?? null,
    ruleName: strongest?.ruleName ?? null,
  };
}
