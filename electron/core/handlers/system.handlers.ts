import { defineHandlers } from '../handler-types';

/** Audit trail, demo data and database maintenance: the cross-cutting methods. */
export const systemHandlers = defineHandlers({
  'audit.list': async (input, context) => ({ items: await context.services().audit(input) }),
  'demo.load': (_input, context) => context.services().demo.load(context.actor),
  'maintenance.backup': (_input, context) => context.services().maintenance.backup(context.actor),
  'maintenance.verify': (_input, context) => {
    const report = context.services().maintenance.verify();
    return report;
  },
});
