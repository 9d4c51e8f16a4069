import { defineHandlers } from '../../handler-types';

export const notificationsHandlers = defineHandlers({
  'notifications.list': (input, context) => context.services().notifications.list(input),
  'notifications.listGroups': (input, context) => context.services().notifications.groups(input),
  'notifications.markRead': (input, context) => context.services().notifications.markRead(input),
  'notifications.getSettings': (_input, context) => context.services().notifications.settings(),
  'notifications.updateSettings': (input, context) => context.services().notifications.updateSettings(input, context.actor),
  'notifications.getPreferences': (input, context) => context.services().notifications.choices.get(context.services().notifications.choices.resolve(input.staffId)),
  'notifications.updatePreferences': (input, context) => context.services().notifications.choices.update(input.staffId, input.channels, context.actor),
});
