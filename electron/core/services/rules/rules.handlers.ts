import { defineHandlers } from '../../handler-types';

export const rulesHandlers = defineHandlers({
  'rules.list': (_input, context) => context.services().rules.list(),
  'rules.saveMonitor': (input, context) => context.services().rules.saveMonitor(input, context.actor),
  'rules.saveCategory': (input, context) => context.services().rules.saveCategory(input, context.actor),
  'rules.remove': (input, context) => context.services().rules.remove(input.kind, input.id, context.actor),
  'rules.reclassify': (_input, context) => context.services().rules.reclassify(context.actor),
  'rules.getClassifier': (_input, context) => context.services().rules.classifier(),
  'rules.saveClassifier': (input, context) => context.services().rules.saveClassifier(input, context.actor),
});
