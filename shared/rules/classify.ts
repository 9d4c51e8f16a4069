import type { CaseCategory } from '../domain/reviews';

export interface CategoryRuleInput {
  id: number;
  name: string;
  category: CaseCategory;
  keywords: readonly string[];
  priority: number;
  enabled: boolean;
}

export interface CategoryDecision {
  category: CaseCategory;
  source: 'rule' | 'default';
  ruleId: number | null;
  ruleName: string | null;
  /** The rule's keywords found in the text, in the rule's order: the "why" shown on the case. */
  matchedWords: string[];
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

/** Enabled rules in the order they run: lower priority first, then the older rule. */
export function orderCategoryRules<T extends CategoryRuleInput>(rules: readonly T[]): T[] {
  return rules.filter((rule) => rule.enabled).sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/**
 * The first rule (by priority) with a keyword in the text decides the category; none → 其他.
 * `rules` must already be ordered with orderCategoryRules (done once per import, not per row).
 */
export function classifyReview(haystack: string, orderedRules: readonly CategoryRuleInput[]): CategoryDecision {
  for (const rule of orderedRules) {
    const matchedWords = findKeywords(haystack, rule.keywords);
    if (matchedWords.length > 0) {
      return { category: rule.category, source: 'rule', ruleId: rule.id, ruleName: rule.name, matchedWords };
    }
  }
  return { category: 'other', source: 'default', ruleId: null, ruleName: null, matchedWords: [] };
}
