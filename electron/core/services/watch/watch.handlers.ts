import { defineHandlers } from '../../handler-types';
import { watchFolder, tokensOf } from '../files/caller-files';

export const watchHandlers = defineHandlers({
  'watch.get': (_input, context) => context.services().watch.get(),
  'watch.set': async (input, context) => {
    const watch = context.services().watch;
    const folder = watchFolder(input.folder, (await watch.get()).folder, context);
    const set = await watch.set({ ...input, folder }, context.actor);
    for (const token of tokensOf([input.folder])) context.vouched.spend(token);
    return set;
  },
});
