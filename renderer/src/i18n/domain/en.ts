import { categoryLabels, roleLabels } from '../../../../shared/domain/labels';
import type { Translation } from '../translation';
import type { domainZhCN } from './zh-CN';

/** English for the `domain` namespace: exactly the keys of zh-CN.ts. */
export const domainEn: Translation<typeof domainZhCN> = {
  languages: {
    'zh-CN': '中文',
    en: 'English',
  },
  colorSchemes: {
    light: 'Light',
    dark: 'Dark',
    auto: 'Auto',
  },
  levels: {
    bad: 'Negative',
    neutral: 'Neutral',
    good: 'Positive',
  },
  categories: categoryLabels.en,
  manualCategory: 'Category set by a person',
  productFamilies: {
    general: 'General',
    electronics: 'Electronics',
    food: 'Food & fresh produce',
    beauty: 'Beauty & personal care',
    clothing: 'Clothing, shoes & bags',
    appliances: 'Home appliances',
  },
  allFamilies: 'Any (use every family’s words)',
  statuses: {
    new: 'New',
    contacting: 'Contacting',
    solution_offered: 'Solution offered',
    resolved: 'Resolved',
    guidance_sent: 'Guidance sent',
    outcome: 'Outcome known',
    closed: 'Closed',
  },
  severities: {
    low: 'Low',
    medium: 'Medium',
    high: 'High',
    critical: 'Critical',
  },
  roles: roleLabels.en,
  platforms: {
    taobao: 'Taobao',
    tmall: 'Tmall',
    douyin: 'Douyin',
    jd: 'JD',
    pinduoduo: 'Pinduoduo',
    kuaishou: 'Kuaishou',
  },
  slaStates: {
    running: 'Running',
    warning: 'Due soon',
    breached: 'Breached',
    paused: 'Paused',
    met: 'Met',
  },
  slaTargets: {
    first_response: 'First response',
    resolution: 'Resolution',
  },
  pauseReasons: {
    waiting_buyer: 'Waiting for the buyer',
    waiting_platform: 'Waiting for the platform',
  },
  outcomes: {
    review_updated: 'Review updated',
    review_removed: 'Review removed',
    appeal_won: 'Appeal won',
    appeal_lost: 'Appeal lost',
    unchanged: 'Unchanged',
  },
  actors: {
    local: 'This computer',
    cli: 'Command line',
    rules: 'Rules',
  },
  /** Malicious-pattern flags, what raised each, and why a case has its category (inbox and case workspace). */
  flagEvidence: {
    extortion: 'Makes money the condition for changing the review: “{{words}}”',
    competitor: 'Claims to be a competitor or a professional bad reviewer: “{{words}}”',
    compliance: 'The buyer reports this shop paying for good reviews: “{{words}}” (platforms penalise the shop for it)',
    burst: '{{count}} bad reviews of “{{product}}” within {{hours}} h from buyers with no earlier review in this shop ({{from}} – {{to}})',
    sameIp: 'The same IP {{value}} used by {{buyerCount}} different buyers ({{buyers}})',
    sameDevice: 'The same device {{value}} used by {{buyerCount}} different buyers ({{buyers}})',
    moreBuyers: '{{buyers}} and others',
  },
  flags: {
    extortion: 'Extortion / paid removal',
    competitor: 'Competitor attack',
    burst: 'Review burst',
    high_return_rate: 'Unusual returns',
    same_device: 'Same IP / device',
    compliance_risk: 'Cash-for-review risk',
  },
  explain: {
    rule: 'Rule “{{rule}}” matched: {{words}}',
    ruleNoWords: 'Rule “{{rule}}” matched',
    manual: 'Set by a person',
    default: 'No category rule matched; default category',
    needsReview: 'Needs a look: there are clues, but not enough to be sure. Pick the category.',
  },
};
