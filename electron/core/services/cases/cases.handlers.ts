import { defineHandlers } from '../../handler-types';

export const casesHandlers = defineHandlers({
  'cases.get': (input, context) => context.services().cases.get(input.id),
  'cases.getWorkspace': (input, context) => context.services().caseWorkspace.read(input.caseId),
  'cases.addNote': (input, context) => context.services().caseWorkspace.addNote(input.caseId, input.text, context.actor),
  'cases.assign': (input, context) => context.services().cases.assign(input.caseIds, input.assigneeId, context.actor),
  'cases.recategorize': (input, context) => context.services().cases.recategorize(input.caseIds, input.category, context.actor),
  'cases.transition': (input, context) => context.services().cases.transition(input, context.actor),
  'cases.pause': (input, context) => context.services().cases.pause(input.caseId, input.reason, input.note, context.actor),
  'cases.resume': (input, context) => context.services().cases.resume(input.caseId, context.actor),
  'cases.take': (input, context) => context.services().cases.take(input.caseId, context.actor, input.fromPool),
  'cases.listPool': (input, context) => context.services().cases.pool(input.limit),
  'cases.myQueue': (input, context) => context.services().cases.myQueue(input.staffId, input.limit),
  'cases.board': (input, context) => context.services().cases.board(input.perColumn),
  'cases.list': (input, context) => context.services().cases.list.list(input.filter, input.sort, input.cursor, input.limit),
  'cases.boardView': (input, context) => context.services().cases.list.board(input.groupBy, input.filter, input.perColumn),
  'cases.bulkAssign': (input, context) => context.services().cases.list.bulkAssign(input.selection, input.to, context.actor),
  'cases.bulkTransition': (input, context) => context.services().cases.list.bulkTransition(input.selection, input.to, input.note, context.actor),
});
