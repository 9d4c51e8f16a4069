import { defineHandlers } from '../../handler-types';

export const reviewsHandlers = defineHandlers({
  'reviews.list': (input, context) => context.services().reviews.list(input),
  'reviews.count': (input, context) => context.services().reviews.count(input.filters),
  'reviews.get': (input, context) => context.services().reviews.get(input.id),
  'reviews.create': (input, context) => context.services().reviews.create(input, context.actor),
});
