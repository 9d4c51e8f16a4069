import { defineHandlers } from '../../handler-types';

export const authHandlers = defineHandlers({
  'auth.session': (_input, context) => context.services().auth.session(),
  'auth.profiles': (_input, context) => context.services().auth.profiles(),
  'auth.signIn': (input, context) => context.services().auth.signIn(input.staffId, input.pin),
  'auth.signOut': (_input, context) => context.services().auth.signOut(),
  'auth.getSettings': (_input, context) => context.services().auth.settings(),
  'auth.updateSettings': (input, context) => context.services().auth.updateSettings(input, context.actor),
});
