import type { ReviewLevel } from '../domain/reviews';
import { findKeywords } from './classify';

export interface MonitorRuleInput {
  id: number;
  name: string;
  keywords: readonly string[];
  levels: readonly ReviewLevel[];
  maxRating: number | null;
  enabled: boolean;
}

export interface MonitorMatch {
  /** null for an alert no monitoring rule raised (a compliance risk found by the patterns). */
  ruleId: number | null;
  ruleName: string;
  matchedWords: string[];
  /** 'monitor' when absent; 'compliance_risk' alerts are for the owner. */
  kind?: AlertKind;
}

/** What raised an alert: a monitoring rule, or a buyer reporting the shop's 好评返现 (for the owner). */
export type AlertKind = 'monitor' | 'compliance_risk';

/** The lowest star rating a level can stand for, used when an export has levels but no stars. */
const levelFloor: Record<ReviewLevel, number> = { bad: 1, neutral: 3, good: 4 };

/**
 * A rule matches when every condition it sets holds: the level is one of `levels`, the rating is
 * at most `maxRating`, and (if it has keywords) one of them is in the text. A rule that sets no
 * condition at all matches nothing, so an empty new rule never alerts on every review.
 */
export function matchMonitorRules(
  review: { haystack: string; level: ReviewLevel; rating: number | null },
  rules: readonly MonitorRuleInput[],
): MonitorMatch[] {
  const matches: MonitorMatch[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.keywords.length === 0 && rule.levels.length === 0 && rule.maxRating === null) continue;
    if (rule.levels.length > 0 && !rule.levels.includes(review.level)) continue;
    if (rule.maxRating !== null && (review.rating ?? levelFloor[review.level]) > rule.maxRating) continue;
    let matchedWords: string[] = [];
    if (rule.keywords.length > 0) {
      matchedWords = findKeywords(review.haystack, rule.keywords);
      if (matchedWords.length === 0) continue;
    }
    matches.push({ ruleId: rule.id, ruleName: rule.name, matchedWords });
  }
  return matches;
}
