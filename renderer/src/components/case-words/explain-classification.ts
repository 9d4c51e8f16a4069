import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/contract';

/**
 * Why a case has its category, in one sentence: 规则「物流延误」命中：快递、三天 — or that a person
 * chose it, that it waits for one (待确认), or that no rule matched. Cases explain themselves so
 * nobody has to guess; classification-panel.tsx shows the scorer's evidence under it.
 */
export function explainClassification(classification: CaseSummary['classification'], t: TFunction<readonly ['domain', 'common']>): string {
  if (classification.source === 'manual') return t('explain.manual');
  if (classification.needsReview) return t('explain.needsReview');
  if (classification.source === 'rule' && classification.ruleName) {
    const words = classification.matchedWords.join(t('common:wordSeparator'));
    return words
      ? t('explain.rule', { rule: classification.ruleName, words })
      : t('explain.ruleNoWords', { rule: classification.ruleName });
  }
  return t('explain.default');
}

/** explainClassification in the current language (inbox rows and pane, case workspace). */
export function useExplainClassification(): (classification: CaseSummary['classification']) => string {
  const { t } = useTranslation(['domain', 'common']);
  return (classification) => explainClassification(classification, t);
}
