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
};
