// Every way a file can name another module, as AST visitors: static import, export … from,
// dynamic import(), require(), TypeScript `import x = require()` and `typeof import()` types.
// Only literal specifiers are checked; a computed one cannot be resolved by a linter.

function literalText(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return literalText(node.literal);
  return null;
}

/** Visitors that call `check(node, specifier)` for every module specifier in the file. */
export function moduleSpecifierVisitors(check) {
  const visit = (node, source) => {
    const specifier = literalText(source);
    if (specifier !== null) check(source, specifier);
  };
  return {
    ImportDeclaration: (node) => visit(node, node.source),
    ExportNamedDeclaration: (node) => visit(node, node.source),
    ExportAllDeclaration: (node) => visit(node, node.source),
    ImportExpression: (node) => visit(node, node.source),
    TSImportType: (node) => visit(node, node.source ?? node.argument),
    TSExternalModuleReference: (node) => visit(node, node.expression),
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) {
        visit(node, node.arguments[0]);
      }
    },
  };
}
