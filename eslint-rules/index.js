// ReviewDesk's own lint rules: the design in docs/ARCHITECTURE.md, checked on every `npm run lint`.
import areaImports from './area-imports.js';
import electronImports from './electron-imports.js';
import layerImports from './layer-imports.js';
import maxLines from './max-lines.js';
import packageImports from './package-imports.js';
import syncTransactions from './sync-transactions.js';

export default {
  meta: { name: 'reviewdesk' },
  rules: {
    'area-imports': areaImports,
    'electron-imports': electronImports,
    'layer-imports': layerImports,
    'max-lines': maxLines,
    'package-imports': packageImports,
    'sync-transactions': syncTransactions,
  },
};
