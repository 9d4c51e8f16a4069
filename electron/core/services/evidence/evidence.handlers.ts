import { defineHandlers } from '../../handler-types';
import { readableSources, refuseRawPath, tokensOf } from '../files/caller-files';

export const evidenceHandlers = defineHandlers({
  'evidence.add': async ({ paths = [], sources = [], ...options }, context) => {
    if (paths.length > 0 && !context.trusted) refuseRawPath(context, 'evidence.add');
    const { readable, merge } = readableSources(sources, context, 'evidence.add');
    const outcomes = await context.services().evidence.add(paths, options, context.actor, readable);
    for (const token of tokensOf(sources)) context.vouched.spend(token);
    return { items: merge(outcomes, paths.length) };
  },
  'evidence.addBytes': async ({ name, base64, ...options }, context) => ({
    items: await context.services().evidence.addBytes(name, base64, options, context.actor),
  }),
  'evidence.list': async (input, context) => ({ items: await context.services().evidence.list(input) }),
  'evidence.get': ({ id }, context) => context.services().evidence.get(id),
  'evidence.update': (input, context) => context.services().evidence.update(input, context.actor),
  'evidence.link': ({ id, target }, context) => context.services().evidence.link(id, target, context.actor),
  'evidence.unlink': ({ id, target }, context) => context.services().evidence.unlink(id, target, context.actor),
  'evidence.trash': ({ id }, context) => context.services().evidence.trash(id, context.actor),
  'evidence.restore': ({ id }, context) => context.services().evidence.restore(id, context.actor),
  'evidence.emptyTrash': (_input, context) => context.services().evidence.emptyTrash(context.actor),
  'evidence.verify': (_input, context) => context.services().evidence.verify(context.actor),
  'evidence.cleanOrphans': (_input, context) => context.services().evidence.cleanOrphans(context.actor),
  'evidence.exportManifest': (input, context) => context.services().evidence.exportManifest(input, context.actor),
  'evidence.resolveObject': ({ sha256 }, context) => context.services().evidence.resolveObject(sha256),
  'evidence.getSettings': (_input, context) => context.services().evidence.getSettings(),
  'evidence.updateSettings': (input, context) => context.services().evidence.updateSettings(input, context.actor),
});
