// Two transaction styles on one connection nest wrongly: a synchronous better-sqlite3 transaction
// that starts while a Kysely transaction awaits becomes a savepoint inside it and is rolled back
// with it. So Kysely's async transactions are not used at all.

const builderSteps = new Set(['setIsolationLevel', 'setAccessMode']);

const propertyName = (member) =>
  member.type === 'MemberExpression' && !member.computed && member.property.type === 'Identifier' ? member.property.name : null;

/** `x.transaction()` (no arguments: better-sqlite3's `transaction(fn)` takes one) or `x.startTransaction()`. */
function startsKyselyTransaction(call) {
  let current = call;
  while (current.type === 'CallExpression' && builderSteps.has(propertyName(current.callee))) current = current.callee.object;
  if (current.type !== 'CallExpression') return false;
  const name = propertyName(current.callee);
  return (name === 'transaction' && current.arguments.length === 0) || name === 'startTransaction';
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "Kysely's async transactions (db.transaction().execute()) are not used." },
    schema: [],
    messages: {
      async:
        "Kysely's async {{call}} is not used: every write transaction is synchronous, through " +
        'inTransaction(sqlite, fn) in db/transaction.ts, so nothing is awaited inside it. ' +
        'See docs/ARCHITECTURE.md "Transactions".',
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        if (propertyName(node.callee) !== 'execute' || !startsKyselyTransaction(node.callee.object)) return;
        const call = propertyName(node.callee.object.callee) === 'startTransaction' ? 'startTransaction().execute()' : 'transaction().execute()';
        context.report({ node, messageId: 'async', data: { call } });
      },
    };
  },
};
