import { AppError } from '../errors';
import { defineHandlers } from '../handler-types';

/** SLA timers, the case lifecycle, notifications and sign-in (issue 4). */
export const slaHandlers = defineHandlers({
  'sla.listPolicies': (input, context) => context.services().sla.listPolicies(input.includeHistory),
  'sla.savePolicy': (input, context) => context.services().sla.savePolicy(input, context.actor),
  'sla.removePolicy': (input, context) => context.services().sla.removePolicy(input.id, input.applyToOpenCases, context.actor),
  'sla.getCalendar': (input, context) => context.services().sla.getCalendar(input.shopId),
  'sla.saveCalendar': (input, context) => context.services().sla.saveCalendar(input.shopId, input.calendar, context.actor),
  'sla.getCase': (input, context) => context.services().sla.getCase(input.caseId),
  'sla.summary': (_input, context) => context.services().sla.summary(),
  'sla.awaySummary': (_input, context) => context.services().sla.awaySummary(),
  'sla.ackAway': (_input, context) => context.services().sla.ackAway(context.actor),

  'cases.transition': (input, context) => context.services().sla.transition(input, context.actor),
  'cases.pause': (input, context) => context.services().sla.pause(input.caseId, input.reason, input.note, context.actor),
  'cases.resume': (input, context) => context.services().sla.resume(input.caseId, context.actor),
  'cases.take': (input, context) => {
    const services = context.services();
    const operator = services.auth.current();
    if (!operator) throw new AppError('FORBIDDEN', 'Sign in to take a case.');
    services.sla.checkMayTake([input.caseId], operator.id);
    services.cases.assign([input.caseId], operator.id, context.actor);
    return services.sla.getCase(input.caseId);
  },
  'cases.myQueue': (input, context) => context.services().sla.myQueue(input.staffId, input.limit),
  'cases.board': (input, context) => context.services().sla.board(input.perColumn),

  'notifications.list': (input, context) => context.services().notifications.list(input),
  'notifications.markRead': (input, context) => context.services().notifications.markRead(input),
  'notifications.getSettings': (_input, context) => context.services().notifications.settings(),
  'notifications.updateSettings': (input, context) => context.services().notifications.updateSettings(input),

  'auth.session': (_input, context) => context.services().auth.session(),
  'auth.profiles': (_input, context) => context.services().auth.profiles(),
  'auth.signIn': (input, context) => context.services().auth.signIn(input.staffId, input.pin),
  'auth.signOut': (_input, context) => context.services().auth.signOut(),
  'auth.getSettings': (_input, context) => context.services().auth.settings(),
  'auth.updateSettings': (input, context) => context.services().auth.updateSettings(input, context.actor),
  'staff.setPin': (input, context) => context.services().auth.setPin(input.id, input.pin, context.actor),
});
