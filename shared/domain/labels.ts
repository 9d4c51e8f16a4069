import type { Language } from './preferences';
import type { CaseCategory } from './reviews';
import type { StaffRole } from './roles';

/**
 * The one place a complaint category and a role get their words. The renderer's `domain` namespace
 * takes them from here, and so does the text the backend writes itself (desktop notifications,
 * timeline entries, error details), where i18next does not run.
 */
export const categoryLabels = {
  'zh-CN': {
    logistics: '物流延误',
    quality: '产品质量',
    mismatch: '尺码/描述不符',
    wrong_item: '漏发/错发',
    service: '服务态度',
    malicious: '恶意差评',
    other: '其他',
  },
  en: {
    logistics: 'Shipping delay',
    quality: 'Product quality',
    mismatch: 'Size / not as described',
    wrong_item: 'Missing / wrong item',
    service: 'Service attitude',
    malicious: 'Malicious review',
    other: 'Other',
  },
} as const satisfies Record<Language, Record<CaseCategory, string>>;

export const roleLabels = {
  'zh-CN': { agent: '普通客服', supervisor: '客服主管', legal: '法务', owner: '店主' },
  en: { agent: 'Agent', supervisor: 'Supervisor', legal: 'Legal', owner: 'Owner' },
} as const satisfies Record<Language, Record<StaffRole, string>>;
