import type { TFunction } from 'i18next';
import type { TimelineEntry } from '../../../../../shared/contract';
import { categoryKey } from '../../../i18n/domain/keys';
import { keyFor } from '../../../i18n/translation';

/**
 * The line under a timeline entry, in the UI's language, built from its params: the file it came
 * from, the category and rule, who it moved between. Falls back to the backend's line (`detail`)
 * for actions without params.
 */
export function timelineDetail(entry: Pick<TimelineEntry, 'action' | 'detail' | 'params'>, t: TFunction<readonly ['inbox', 'common', 'domain']>): string | null {
  const p = entry.params;
  if (p) {
    const category = (value: string) => {
      const key = keyFor(categoryKey, value);
      return key ? t(key) : value;
    };
    const person = (name: string | null | undefined) => name ?? t('unassigned');
    switch (entry.action) {
      case 'reviews.imported':
        if (p.fileName !== undefined && p.importId !== undefined) return t('timelineDetail.imported', { file: p.fileName, id: p.importId });
        break;
      case 'cases.opened':
        if (p.category === undefined) break;
        if (p.ruleName === undefined) return category(p.category);
        return p.words?.length
          ? t('timelineDetail.openedByRule', { category: category(p.category), rule: p.ruleName, words: p.words.join(t('common:wordSeparator')) })
          : t('timelineDetail.openedByRuleNoWords', { category: category(p.category), rule: p.ruleName });
      case 'cases.recategorize':
        if (p.fromCategory !== undefined && p.toCategory !== undefined) return t('timelineDetail.change', { from: category(p.fromCategory), to: category(p.toCategory) });
        break;
      case 'cases.assign':
        if ('fromName' in p || 'toName' in p) return t('timelineDetail.change', { from: person(p.fromName), to: person(p.toName) });
        break;
      case 'reviews.followUp':
        if (p.text !== undefined) return t('timelineDetail.followUp', { text: p.text });
        break;
    }
  }
  return entry.detail;
}
