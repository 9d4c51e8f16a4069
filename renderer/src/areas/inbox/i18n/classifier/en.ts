import type { Translation } from '../../../../i18n/translation';
import type { classifierZhCN } from './zh-CN';

/** English for the classifier parts of the rules screen: exactly the keys of zh-CN.ts. */
export const classifierEn: Translation<typeof classifierZhCN> = {
  family: 'Product family',
  familyHint: '“General” words apply to every shop; the other families’ words only to shops selling those goods (a shop with no family set uses all of them).',
  title: 'Needs-review threshold',
  description:
    'The system scores every category. A negative review it is less sure of than this is not filed under a category but waits under “Needs a category” for a person to pick one. Its first-response clock runs on the strictest candidate’s SLA.',
  threshold: 'Confidence threshold (%)',
  thresholdHint: '0–95; 45 by default. Higher sends more cases for review, lower lets the system decide more of them.',
  saved: 'Needs-review threshold saved: {{percent}}%',
  savedHint: 'Reviews imported from now on are judged by it; “Re-run rules” applies it to existing cases.',
};
