import type { TFunction } from 'i18next';
import type { ReviewFlag } from '../../../../shared/contract';
import type { Language } from '../../../../shared/domain/preferences';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';

/** How many buyers a same-IP/device flag names before "and others". */
const buyersShown = 5;

/**
 * What raised a flag, in the UI's language, built from its params: 评价中有索要钱款的字眼「返现删评」,
 * 同一 IP 1.2.3.4 被 3 个不同买家使用（甲、乙、丙）. Times are in the shop's time zone. Falls back to the
 * backend's sentence when the params lack what the type needs.
 */
export function explainFlag(flag: Pick<ReviewFlag, 'type' | 'evidence' | 'params'>, t: TFunction<readonly ['domain', 'common']>, timeZone: string, language: Language): string {
  const p = flag.params;
  const separator = t('common:wordSeparator');
  switch (flag.type) {
    case 'extortion':
    case 'competitor':
    case 'compliance_risk':
      if (!p.words?.length) break;
      return t(flag.type === 'extortion' ? 'flagEvidence.extortion' : flag.type === 'competitor' ? 'flagEvidence.competitor' : 'flagEvidence.compliance', { words: p.words.join(separator) });
    case 'burst':
      if (p.count === undefined || p.hours === undefined || p.product === undefined || p.from === undefined || p.to === undefined) break;
      return t('flagEvidence.burst', {
        count: p.count,
        hours: p.hours,
        product: p.product,
        from: formatDateTime(p.from, timeZone, language),
        to: formatDateTime(p.to, timeZone, language),
      });
    case 'same_device': {
      if (p.kind === undefined || p.value === undefined || p.count === undefined) break;
      const names = (p.buyers ?? []).slice(0, buyersShown).join(separator);
      const buyers = p.count > buyersShown ? t('flagEvidence.moreBuyers', { buyers: names }) : names;
      const count = p.countCapped ? `${p.count}+` : String(p.count);
      return t(p.kind === 'ip' ? 'flagEvidence.sameIp' : 'flagEvidence.sameDevice', { value: p.value, buyerCount: count, buyers });
    }
    case 'high_return_rate':
      break;
  }
  return flag.evidence;
}

/** explainFlag with the current language and the shop's time zone. */
export function useExplainFlag(): (flag: Pick<ReviewFlag, 'type' | 'evidence' | 'params'>) => string {
  const { t } = useTranslation(['domain', 'common']);
  const { timeZone, language } = usePreferences();
  return (flag) => explainFlag(flag, t, timeZone, language);
}
