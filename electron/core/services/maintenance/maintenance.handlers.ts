import { defineHandlers } from '../../handler-types';

export const maintenanceHandlers = defineHandlers({
  'maintenance.backup': (_input, context) => context.services().maintenance.backup(context.actor),
  'maintenance.verify': (_input, context) => context.services().maintenance.verify(),
});
