// Renderer areas stay independent so each loads as its own chunk and can grow without dragging
// another along: what two areas share lives in renderer/src/components/.
import { moduleSpecifierVisitors } from './module-specifiers.js';
import { areaOf, isPathSpecifier, repoPath, resolveSpecifier } from './repo-paths.js';

export default {
  meta: {
    type: 'problem',
    docs: { description: "A renderer area never imports another area's files." },
    schema: [],
    messages: {
      area:
        "Area '{{area}}' may not import {{target}} from area '{{other}}': areas stay independent; move what " +
        'both need to renderer/src/components/. See docs/ARCHITECTURE.md "Renderer areas".',
    },
  },
  create(context) {
    const area = areaOf(repoPath(context.filename));
    if (area === null) return {};
    return moduleSpecifierVisitors((node, specifier) => {
      if (!isPathSpecifier(specifier)) return;
      const target = resolveSpecifier(context.filename, specifier);
      const other = areaOf(target);
      if (other !== null && other !== area) context.report({ node, messageId: 'area', data: { area, other, target } });
    });
  },
};
