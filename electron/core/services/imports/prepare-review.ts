import { classifyReview, ruleHaystack, type CategoryRuleInput } from '../../../../shared/rules/classify';
import { matchMonitorRules, type MonitorRuleInput } from '../../../../shared/rules/monitor';
import { caseSeverity } from '../../../../shared/rules/severity';
import { textFlags } from '../../../../shared/rules/text-flags';
import { dedupeKey } from './dedupe';
import type { ReviewDraft } from './map-row';
import type { PreparedReview } from './review-writer';

export interface RuleSet {
  /** Enabled category rules in the order they run (orderCategoryRules). */
  category: CategoryRuleInput[];
  monitor: MonitorRuleInput[];
}

/** Everything about a row that needs no database: classification, severity, text flags, alerts. */
export function prepareReview(draft: ReviewDraft, rules: RuleSet): PreparedReview {
  const haystack = ruleHaystack(draft.text, draft.followUpText);
  const flags = textFlags(draft.text, draft.followUpText);
  let opensCase: PreparedReview['opensCase'] = null;
  if (draft.level !== 'good') {
    const decision = classifyReview(haystack, rules.category);
    const severity = caseSeverity({ level: draft.level, rating: draft.rating, category: decision.category, flags: flags.map((flag) => flag.type), haystack });
    opensCase = { decision, severity };
  }
  return {
    draft,
    dedupeKey: dedupeKey(draft),
    opensCase,
    flags,
    alerts: matchMonitorRules({ haystack, level: draft.level, rating: draft.rating }, rules.monitor),
  };
}
