import { defineHandlers } from '../../handler-types';
import { assignMatching, countMatching, recategorizeMatching } from './bulk-matching';

export const reviewsHandlers = defineHandlers({
  'reviews.list': (input, context) => context.services().reviews.list(input),
  'reviews.count': (input, context) => context.services().reviews.count(input.filters),
  'reviews.countCases': (input, context) => countMatching(context.services(), input.filters),
  'reviews.assignMatching': (input, context) => assignMatching(context.services(), input, context.actor),
  'reviews.recategorizeMatching': (input, context) => recategorizeMatching(context.services(), input, context.actor),
  'reviews.get': (input, context) => context.services().reviews.get(input.id),
  'reviews.create': (input, context) => context.services().reviews.create(input, context.actor),
});
