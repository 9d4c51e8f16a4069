import type { TFunction } from 'i18next';
import type { AppNotification } from '../../../shared/contract';
import { categoryKey, roleKey, slaTargetKey, type DomainKey } from '../i18n/domain/keys';
import { keyFor } from '../i18n/translation';

type Words = Pick<AppNotification, 'kind' | 'params' | 'title' | 'body'>;

/**
 * Title and body of a notification in the UI's language, from its kind and params. Rows without
 * the params a kind needs (or kinds without keys) show the text stored when they were created.
 */
export function notificationWords(t: TFunction<['common', 'domain']>, item: Words): { title: string; body: string } {
  const p = item.params;
  const has = (...keys: string[]) => keys.every((key) => p[key] !== undefined && p[key] !== null);
  // Params come from stored rows: a code this build does not know is shown as it is.
  const name = (map: Readonly<Record<string, DomainKey>>, key: string) => {
    const code = String(p[key]);
    const wordsKey = keyFor(map, code);
    return wordsKey ? t(wordsKey) : code;
  };
  switch (item.kind) {
    case 'sla_warning':
      if (!has('caseId', 'percent', 'category', 'shopName', 'target')) break;
      return {
        title: t('notifications.text.warningTitle', { percent: p.percent, caseId: p.caseId, category: name(categoryKey, 'category') }),
        body: has('assignee')
          ? t('notifications.text.warningBody', { shopName: p.shopName, target: name(slaTargetKey, 'target'), assignee: p.assignee })
          : t('notifications.text.warningBodyUnassigned', { shopName: p.shopName, target: name(slaTargetKey, 'target') }),
      };
    case 'sla_breach':
      if (!has('caseId', 'category', 'shopName', 'target', 'escalateTo')) break;
      return {
        title: t('notifications.text.breachTitle', { caseId: p.caseId, category: name(categoryKey, 'category') }),
        body: t('notifications.text.breachBody', { shopName: p.shopName, target: name(slaTargetKey, 'target'), escalateTo: name(roleKey, 'escalateTo') }),
      };
    case 'away_summary':
      if (!has('count')) break;
      return { title: t('notifications.text.awayTitle', { count: Number(p.count) }), body: t('notifications.text.awayBody') };
    case 'review_alert':
      if (!has('ruleName', 'shopName', 'excerpt')) break;
      return { title: t('notifications.text.alertTitle', { rule: p.ruleName }), body: t('notifications.text.alertBody', { shopName: p.shopName, excerpt: p.excerpt }) };
    default:
      break;
  }
  return { title: item.title, body: item.body };
}

/** The line of a centre group: "12 个工单首次响应即将到期"; one on its own reads as itself. */
export function groupWords(t: TFunction<['common', 'domain']>, head: Words, count: number): string {
  const target = head.params.target;
  const targetWords = () => {
    const key = keyFor(slaTargetKey, String(target));
    return key ? t(key) : String(target);
  };
  if (count > 1 && head.kind === 'sla_warning' && target) return t('notifications.groupWarning', { count, target: targetWords() });
  if (count > 1 && head.kind === 'sla_breach' && target) return t('notifications.groupBreach', { count, target: targetWords() });
  if (count > 1 && head.kind === 'review_alert' && head.params.ruleName) return t('notifications.groupAlert', { count, rule: head.params.ruleName });
  return notificationWords(t, head).title;
}
