import { keywordSuggestions } from './keyword-suggestions';
import { defineHandlers } from '../../handler-types';

export const rulesHandlers = defineHandlers({
  'rules.list': (_input, context) => context.services().rules.list(),
  'rules.saveMonitor': (input, context) => context.services().rules.saveMonitor(input, context.actor),
  'rules.saveCategory': (input, context) => context.services().rules.saveCategory(input, context.actor),
  'rules.remove': (input, context) => context.services().rules.remove(input.kind, input.id, context.actor),
  'rules.reclassify': (_input, context) => context.services().rules.reclassify(context.actor),
  'rules.getModelState': (_input, context) => context.services().classifier.state(),
  'rules.listKeywordSuggestions': (input, context) => keywordSuggestions(context.services().deps, input.limit),
  'rules.getClassifier': (_input, context) => context.services().rules.classifier(),
  'rules.saveClassifier': (input, context) => context.services().rules.saveClassifier(input, context.actor),
});
