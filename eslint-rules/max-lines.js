// ESLint's max-lines with skipBlankLines and skipComments, counted the same way, but with a
// message that says what to do about it.

/** Lines that hold at least one token, in order: blank lines and lines with only comments do not count. */
export function codeLines(sourceCode) {
  const lines = new Set();
  for (const token of sourceCode.ast.tokens) {
    for (let line = token.loc.start.line; line <= token.loc.end.line; line += 1) {
      if (sourceCode.lines[line - 1].trim() !== '') lines.add(line);
    }
  }
  return [...lines].sort((a, b) => a - b);
}

export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'A file holds at most `max` lines of code (blank lines and comments not counted).' },
    schema: [
      {
        type: 'object',
        properties: { max: { type: 'integer', minimum: 1 } },
        required: ['max'],
        additionalProperties: false,
      },
    ],
    messages: {
      tooLong:
        'This file has {{actual}} lines of code (blank lines and comments not counted); the limit is {{max}}. ' +
        'Split it along its seams into files of its domain folder. See docs/ARCHITECTURE.md "File size".',
    },
  },
  create(context) {
    const { max } = context.options[0];
    return {
      'Program:exit'(node) {
        const lines = codeLines(context.sourceCode);
        if (lines.length <= max) return;
        // Like ESLint's max-lines: from the first line over the limit to the end of the file.
        const last = context.sourceCode.lines.length;
        context.report({
          node,
          loc: { start: { line: lines[max], column: 0 }, end: { line: last, column: context.sourceCode.lines[last - 1].length } },
          messageId: 'tooLong',
          data: { actual: lines.length, max },
        });
      },
    };
  },
};
