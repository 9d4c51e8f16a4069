import { defineHandlers } from '../handler-types';

/** The review inbox: imports, the watched folder, reviews and cases, rules and alerts. */
export const inboxHandlers = defineHandlers({
  'imports.preview': (input, context) => context.services().imports.preview(input),
  'imports.start': (input, context) => context.services().imports.start(input, context.actor),
  'imports.cancel': (input, context) => context.services().imports.cancel(input.importId),
  'imports.list': async (input, context) => ({ items: await context.services().imports.list(input.limit) }),
  'imports.get': (input, context) => context.services().imports.get(input.importId),
  'imports.rejects': (input, context) => context.services().imports.rejects(input.importId, input.offset, input.limit),
  'imports.exportReport': (input, context) => context.services().imports.exportReport(input.importId),
  'imports.presets': async (_input, context) => ({ items: await context.services().imports.presets() }),
  'imports.deletePreset': (input, context) => context.services().imports.deletePreset(input.id, context.actor),

  'watch.get': (_input, context) => context.services().watch.get(),
  'watch.set': (input, context) => context.services().watch.set(input, context.actor),

  'reviews.list': (input, context) => context.services().reviews.list(input),
  'reviews.count': (input, context) => context.services().reviews.count(input.filters),
  'reviews.get': (input, context) => context.services().reviews.get(input.id),
  'reviews.create': (input, context) => context.services().reviews.create(input, context.actor),

  'cases.assign': (input, context) => {
    const services = context.services();
    // With someone signed in, the role table decides who may take which category.
    if (services.auth.current() && input.assigneeId !== null) services.sla.checkMayTake(input.caseIds, input.assigneeId);
    return services.cases.assign(input.caseIds, input.assigneeId, context.actor);
  },
  'cases.recategorize': (input, context) => context.services().cases.recategorize(input.caseIds, input.category, context.actor),
  'cases.get': (input, context) => context.services().cases.get(input.id),

  'rules.list': (_input, context) => context.services().rules.list(),
  'rules.saveMonitor': (input, context) => context.services().rules.saveMonitor(input, context.actor),
  'rules.saveCategory': (input, context) => context.services().rules.saveCategory(input, context.actor),
  'rules.remove': (input, context) => context.services().rules.remove(input.kind, input.id, context.actor),
  'rules.reclassify': (_input, context) => context.services().rules.reclassify(context.actor),

  'alerts.list': (input, context) => context.services().alerts.list(input),
  'alerts.markRead': (input, context) => context.services().alerts.markRead(input),
});
