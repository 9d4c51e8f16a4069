import type { CategoryModel } from '../../../../shared/rules/category-model';
import { classifyReview, ruleHaystack } from '../../../../shared/rules/classify';
import type { Lexicon } from '../../../../shared/rules/lexicon';
import { matchMonitorRules, type MonitorMatch, type MonitorRuleInput } from '../../../../shared/rules/monitor';
import { findPatterns } from '../../../../shared/rules/patterns';
import { caseSeverity } from '../../../../shared/rules/severity';
import { textFlags } from '../../../../shared/rules/text-flags';
import { dedupeKey } from './dedupe';
import type { ReviewDraft } from './map-row';
import type { PreparedReview } from './review-writer';

export interface RuleSet {
  /** The category rules compiled for the shop's product family (compileLexicon, once per import). */
  lexicon: Lexicon;
  monitor: MonitorRuleInput[];
  /** The learned model (item 4 of issue 15), when one is trained; its vote is one more evidence source. */
  model: CategoryModel | null;
  /** Below this confidence a case goes to the needs-review queue. */
  threshold: number;
}

/** The rule name a compliance-risk alert carries (no monitoring rule raised it: the pattern did). */
export const complianceAlertName = '好评返现合规风险';

/** The names pattern-found flags alert under: those of the default monitor rules with the same meaning. */
export const patternAlertNames = { extortion: '索要好评返现', competitor: '恶意差评迹象' } as const;

/** Everything about a row that needs no database: classification, severity, text flags, alerts. */
export function prepareReview(draft: ReviewDraft, rules: RuleSet): PreparedReview {
  const haystack = ruleHaystack(draft.text, draft.followUpText);
  const patterns = findPatterns(haystack);
  const flags = textFlags(draft.text, draft.followUpText, patterns);
  let opensCase: PreparedReview['opensCase'] = null;
  if (draft.level !== 'good') {
    const decision = classifyReview(haystack, rules.lexicon, { model: rules.model, threshold: rules.threshold, patterns });
    const severity = caseSeverity({ level: draft.level, rating: draft.rating, category: decision.category, flags: flags.map((flag) => flag.type), haystack });
    opensCase = { decision, severity };
  }
  let alerts: MonitorMatch[] = matchMonitorRules({ haystack, level: draft.level, rating: draft.rating }, rules.monitor);
  const flagged = (type: string) => flags.find((flag) => flag.type === type);
  // A buyer reporting the shop's own 好评返现: the owner must see it at once, whatever the level. It
  // is not a buyer's demand, so the 索要好评返现 keyword line (it holds 返现) does not fire beside it.
  const compliance = flagged('compliance_risk');
  if (compliance) {
    if (!flagged('extortion')) alerts = alerts.filter((alert) => alert.ruleName !== patternAlertNames.extortion);
    alerts.push({ ruleId: null, ruleName: complianceAlertName, matchedWords: compliance.params.words ?? [], kind: 'compliance_risk' });
  }
  // Extortion and a competitor's claim are found by pattern, however they are worded: they alert
  // under the default rules' names even when no keyword of those rules is in the text.
  for (const type of ['extortion', 'competitor'] as const) {
    const flag = flagged(type);
    const ruleName = patternAlertNames[type];
    if (flag && !alerts.some((alert) => alert.ruleName === ruleName)) alerts.push({ ruleId: null, ruleName, matchedWords: flag.params.words ?? [] });
  }
  return { draft, dedupeKey: dedupeKey(draft), opensCase, flags, alerts };
}
