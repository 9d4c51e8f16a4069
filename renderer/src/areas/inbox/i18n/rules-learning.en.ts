import type { Translation } from '../../../i18n/translation';
import type { rulesLearningZhCN } from './rules-learning.zh-CN';

/** English for the rules tab's learning section: exactly the keys of rules-learning.zh-CN.ts. */
export const rulesLearningEn: Translation<typeof rulesLearningZhCN> = {
  title: 'Learning from corrections',
  description: 'Every time someone changes the category of a case, the change is kept as an example. The model retrains in the background on the built-in examples and these corrections, and suggests keywords that would catch such reviews.',
  notTrained: 'The model has not finished training yet',
  training: 'Training…',
  examples: '{{count}} examples ({{builtIn}} built in, {{corrections}} corrections)',
  trainedAt: 'Last trained {{time}}, in {{ms}} ms',
  suggestionsTitle: 'Keywords worth adding to a rule',
  keyword: 'Keyword',
  category: 'Category',
  catches: 'Corrections it catches',
  catchesValue: '{{catches}} of {{corrections}}',
  elsewhere: 'Seen in other categories',
  add: 'Add to “{{rule}}”',
  addNew: 'New rule',
  addAria: 'Add keyword {{keyword}} to rule {{rule}}',
  addNewAria: 'Create a “{{category}}” rule with keyword {{keyword}}',
  newRuleName: '{{category}} (learned words)',
  added: 'Added “{{keyword}}” to rule “{{rule}}”',
  addedHint: 'Reviews imported from now on use it; Reclassify applies it to existing cases.',
  emptyNoCorrections: 'No corrections yet. Once someone changes the category of a case, keywords that would catch such reviews appear here.',
  emptyNothing: 'The last {{count}} corrections hold no new word that is both common and rare in other categories.',
  emptyTitle: 'No suggestions for now',
};
