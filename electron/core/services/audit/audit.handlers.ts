import { defineHandlers } from '../../handler-types';

export const auditHandlers = defineHandlers({
  'audit.list': async (input, context) => ({ items: await context.services().audit(input) }),
});
