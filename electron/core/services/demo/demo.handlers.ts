import { defineHandlers } from '../../handler-types';

export const demoHandlers = defineHandlers({
  'demo.load': (_input, context) => context.services().demo.load(context.actor),
});
