// Only the Electron shell may load Electron; everything else runs in plain Node or in a browser.
import { moduleSpecifierVisitors } from './module-specifiers.js';
import { layerOf, repoPath } from './repo-paths.js';

export const isElectronSpecifier = (specifier) => specifier === 'electron' || specifier.startsWith('electron/');

export default {
  meta: {
    type: 'problem',
    docs: { description: "Only the listed layers may import 'electron' (statically, with import() or require())." },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        required: ['allow'],
        additionalProperties: false,
      },
    ],
    messages: {
      electron:
        "'{{specifier}}' may be imported only in {{allowed}}; {{where}} runs without Electron. " +
        'See docs/ARCHITECTURE.md "Layering".',
    },
  },
  create(context) {
    const { allow } = context.options[0];
    const file = repoPath(context.filename);
    const layer = layerOf(file);
    if (layer !== null && allow.includes(layer)) return {};
    return moduleSpecifierVisitors((node, specifier) => {
      if (!isElectronSpecifier(specifier)) return;
      context.report({
        node,
        messageId: 'electron',
        data: { specifier, allowed: allow.join(' and '), where: layer === null ? (file ?? 'this file') : `${layer}/` },
      });
    });
  },
};
