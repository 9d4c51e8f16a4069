import { defineHandlers } from '../../handler-types';

export const watchHandlers = defineHandlers({
  'watch.get': (_input, context) => context.services().watch.get(),
  'watch.set': (input, context) => context.services().watch.set(input, context.actor),
});
