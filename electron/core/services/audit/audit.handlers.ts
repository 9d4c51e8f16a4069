import { defineHandlers } from '../../handler-types';

export const auditHandlers = defineHandlers({
  'audit.list': (input, context) => context.services().audit.list(input),
  'audit.listFacets': (_input, context) => context.services().audit.facets(),
});
