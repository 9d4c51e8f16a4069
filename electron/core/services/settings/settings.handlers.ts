import { defineHandlers } from '../../handler-types';

export const settingsHandlers = defineHandlers({
  'settings.getPreferences': (_input, context) => context.services().settings.getPreferences(),
  'settings.updatePreferences': (input, context) =>
    context.services().settings.updatePreferences(input, context.actor),
});
