import { defineHandlers } from '../../handler-types';

export const alertsHandlers = defineHandlers({
  'alerts.list': (input, context) => context.services().alerts.list(input),
  'alerts.markRead': (input, context) => context.services().alerts.markRead(input),
});
