// Each layer imports only the layers below it. Specifiers are resolved to repo paths first, so
// the rule holds however many `../` an import needs.
import { moduleSpecifierVisitors } from './module-specifiers.js';
import { isPathSpecifier, isTestFile, layerOf, repoPath, resolveSpecifier, withoutExtension } from './repo-paths.js';

const isFileEntry = (entry) => /\.[cm]?[jt]sx?$/.test(entry);

function describeAllowed(entries) {
  const layers = entries.filter((entry) => !isFileEntry(entry));
  const files = entries.filter(isFileEntry);
  const parts = [layers.join(', ')];
  if (files.length > 0) parts.push(`and only these electron/core entry points: ${files.join(', ')}`);
  return parts.join(' ');
}

function allows(entries, target) {
  const layer = layerOf(target);
  return entries.some((entry) => (isFileEntry(entry) ? withoutExtension(entry) === withoutExtension(target) : entry === layer));
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers (and entry points) it is allowed to.' },
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          testsMayImport: { type: 'array', items: { type: 'string' } },
        },
        required: ['allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer:
        '{{importerLayer}}/ may not import {{target}}: {{importerLayer}}/ imports only {{allowed}}. ' +
        'See docs/ARCHITECTURE.md "Layering".',
    },
  },
  create(context) {
    const { allow, testsMayImport = [] } = context.options[0];
    const importer = repoPath(context.filename);
    const importerLayer = layerOf(importer);
    const own = importerLayer === null ? undefined : allow[importerLayer];
    if (own === undefined) return {};
    const entries = isTestFile(importer) ? [...own, ...testsMayImport] : own;
    return moduleSpecifierVisitors((node, specifier) => {
      if (!isPathSpecifier(specifier)) return;
      const target = resolveSpecifier(context.filename, specifier);
      if (target !== null && allows(entries, target)) return;
      context.report({
        node,
        messageId: 'layer',
        data: { importerLayer, target: target ?? `${specifier} (outside the repository)`, allowed: describeAllowed(entries) },
      });
    });
  },
};
