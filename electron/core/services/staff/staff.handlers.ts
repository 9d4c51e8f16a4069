import { defineHandlers } from '../../handler-types';

export const staffHandlers = defineHandlers({
  'staff.list': async (input, context) => ({ items: await context.services().staff.list(input) }),
  'staff.create': (input, context) => context.services().staff.create(input, context.actor),
  'staff.update': (input, context) => context.services().staff.update(input, context.actor),
  'staff.setPin': (input, context) => context.services().auth.setPin(input.id, input.pin, context.actor),
});
