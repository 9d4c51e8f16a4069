import { defineHandlers } from '../../handler-types';

export const slaHandlers = defineHandlers({
  'sla.listPolicies': (input, context) => context.services().sla.listPolicies(input.includeHistory),
  'sla.savePolicy': (input, context) => context.services().sla.savePolicy(input, context.actor),
  'sla.removePolicy': (input, context) => context.services().sla.removePolicy(input.id, input.applyToOpenCases, context.actor),
  'sla.getCalendar': (input, context) => context.services().sla.getCalendar(input.shopId),
  'sla.listCalendars': async (_input, context) => ({ items: await context.services().sla.listCalendars() }),
  'sla.saveCalendar': (input, context) => context.services().sla.saveCalendar(input.shopId, input.calendar, context.actor),
  'sla.getCase': (input, context) => context.services().sla.getCase(input.caseId),
  'sla.summary': (_input, context) => context.services().sla.summary(),
  'sla.awaySummary': (_input, context) => context.services().sla.awaySummary(),
  'sla.ackAway': (_input, context) => context.services().sla.ackAway(context.actor),
});
