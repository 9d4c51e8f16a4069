import { AppError } from '../../errors';
import { defineHandlers } from '../../handler-types';

export const casesHandlers = defineHandlers({
  'cases.get': (input, context) => context.services().cases.get(input.id),
  'cases.assign': (input, context) => {
    const services = context.services();
    // With someone signed in, the role table decides who may take which category.
    if (services.auth.current() && input.assigneeId !== null) services.sla.checkMayTake(input.caseIds, input.assigneeId);
    return services.cases.assign(input.caseIds, input.assigneeId, context.actor);
  },
  'cases.recategorize': (input, context) => context.services().cases.recategorize(input.caseIds, input.category, context.actor),
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
});
