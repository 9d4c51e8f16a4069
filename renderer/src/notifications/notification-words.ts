import type { TFunction } from 'i18next';
import type { AppNotification } from '../../../shared/contract';

type Words = Pick<AppNotification, 'kind' | 'params' | 'title' | 'body'>;

/**
 * Title and body of a notification in the UI's language, from its kind and params. Rows without
 * the params a kind needs (or kinds without keys) show the text stored when they were created.
 */
export function notificationWords(t: TFunction, item: Words): { title: string; body: string } {
  const p = item.params;
  const has = (...keys: string[]) => keys.every((key) => p[key] !== undefined && p[key] !== null);
  const code = (key: string) => String(p[key]);
  switch (item.kind) {
    case 'sla_warning':
      if (!has('caseId', 'percent', 'category', 'shopName', 'target')) break;
      return {
        title: t('notifications.text.warningTitle', { percent: p.percent, caseId: p.caseId, category: t(`inbox.categories.${code('category')}`) }),
        body: has('assignee')
          ? t('notifications.text.warningBody', { shopName: p.shopName, target: t(`sla.targets.${code('target')}`), assignee: p.assignee })
          : t('notifications.text.warningBodyUnassigned', { shopName: p.shopName, target: t(`sla.targets.${code('target')}`) }),
      };
    case 'sla_breach':
      if (!has('caseId', 'category', 'shopName', 'target', 'escalateTo')) break;
      return {
        title: t('notifications.text.breachTitle', { caseId: p.caseId, category: t(`inbox.categories.${code('category')}`) }),
        body: t('notifications.text.breachBody', { shopName: p.shopName, target: t(`sla.targets.${code('target')}`), escalateTo: t(`roles.${code('escalateTo')}`) }),
      };
    case 'away_summary':
      if (!has('count')) break;
      return { title: t('notifications.text.awayTitle', { count: p.count }), body: t('notifications.text.awayBody') };
    default:
      break;
  }
  return { title: item.title, body: item.body };
}
