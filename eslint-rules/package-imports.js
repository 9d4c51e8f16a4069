// shared/ and the renderer run in more than one environment (browser, Node, vitest): they may use
// only the packages listed for them, so a Node built-in or a backend library cannot slip in.
import { isElectronSpecifier } from './electron-imports.js';
import { moduleSpecifierVisitors } from './module-specifiers.js';
import { isPathSpecifier, isTestFile, layerOf, packageName, repoPath } from './repo-paths.js';

/** `@scope/*` allows every package of the scope; any other entry is one package name. */
function listed(entries, name) {
  return entries.some((entry) => (entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : entry === name));
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'A layer imports only the packages on its allowlist.' },
    schema: [
      {
        type: 'object',
        properties: {
          layers: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: {
                allow: { type: 'array', items: { type: 'string' } },
                testsMayImport: { type: 'array', items: { type: 'string' } },
              },
              required: ['allow'],
              additionalProperties: false,
            },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      package:
        "{{layer}}/ may not import '{{specifier}}': it uses only {{allowed}}. Node built-ins and backend " +
        'libraries belong behind the API contract. See docs/ARCHITECTURE.md "Layering".',
    },
  },
  create(context) {
    const file = repoPath(context.filename);
    const layer = layerOf(file);
    const policy = layer === null ? undefined : context.options[0].layers[layer];
    if (policy === undefined) return {};
    const entries = isTestFile(file) ? [...policy.allow, ...(policy.testsMayImport ?? [])] : policy.allow;
    return moduleSpecifierVisitors((node, specifier) => {
      // Path imports belong to layer-imports and 'electron' to electron-imports: one error per mistake.
      if (isPathSpecifier(specifier) || isElectronSpecifier(specifier)) return;
      if (listed(entries, packageName(specifier))) return;
      context.report({ node, messageId: 'package', data: { layer, specifier, allowed: entries.join(', ') } });
    });
  },
};
