import { defineHandlers } from '../../handler-types';
import { readableSource, tokensOf } from '../files/caller-files';

export const importsHandlers = defineHandlers({
  'imports.preview': (input, context) => context.services().imports.preview({ ...input, source: readableSource(input.source, context, 'imports.preview') }),
  'imports.start': async (input, context) => {
    const started = await context.services().imports.start({ ...input, source: readableSource(input.source, context, 'imports.start') }, context.actor);
    for (const token of tokensOf([input.source])) context.vouched.spend(token);
    return started;
  },
  'imports.cancelPreview': (input, context) => context.services().imports.cancelPreview(input.previewId),
  'imports.cancel': (input, context) => context.services().imports.cancel(input.importId, context.actor),
  'imports.list': (input, context) => context.services().imports.list(input),
  'imports.getMapping': (input, context) => context.services().imports.mappingOf(input.importId),
  'imports.get': (input, context) => context.services().imports.get(input.importId),
  'imports.rejects': (input, context) => context.services().imports.rejects(input.importId, input.offset, input.limit),
  'imports.exportReport': (input, context) => context.services().imports.exportReport(input.importId),
  'imports.presets': async (_input, context) => ({ items: await context.services().imports.presets() }),
  'imports.deletePreset': (input, context) => context.services().imports.deletePreset(input.id, context.actor),
});
