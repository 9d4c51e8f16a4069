import type { Translation } from '../../../../i18n/translation';
import type { explainZhCN } from './zh-CN';

/** English for the classification explanation: exactly the keys of zh-CN.ts. */
export const explainEn: Translation<typeof explainZhCN> = {
  rule: 'Rule “{{rule}}” matched: {{words}}',
  ruleNoWords: 'Rule “{{rule}}” matched',
  manual: 'Set by a person',
  default: 'No category rule matched; default category',
  needsReview: 'Needs a look: some evidence, but not enough to be sure — pick the category',
  model: 'Learned model ({{count}} examples)',
  decision: 'Judged “{{winner}}”, {{confidence}}% sure',
  runnerUp: 'runner-up “{{category}}”',
  secondary: 'Also mentions: {{categories}}',
  reasons: 'Evidence',
  noReasons: 'No words in the review point to a category',
  pickGuess: 'Pick a category:',
  machineGuess: 'Before a person set it, the system judged “{{winner}}” ({{confidence}}% sure)',
  effects: {
    complaint: 'complaint',
    praise: 'praise, not counted',
    negated: 'negated, not counted',
    pattern: 'threat pattern',
    model: 'model',
  },
  reasonTip: '{{category}} · {{effect}} · weight {{weight}}',
};
