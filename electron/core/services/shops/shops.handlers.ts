import { defineHandlers } from '../../handler-types';

export const shopsHandlers = defineHandlers({
  'shops.list': async (_input, context) => ({ items: await context.services().shops.list() }),
  'shops.create': (input, context) => context.services().shops.create(input, context.actor),
  'shops.update': (input, context) => context.services().shops.update(input, context.actor),
  'shops.remove': (input, context) => context.services().shops.remove(input.id, context.actor),
});
