import type { Compilable } from 'kysely';
import type { Sqlite } from './connection';
import { prepareCached } from './statement-cache';

const depth = new WeakMap<Sqlite, number>();

/**
 * The one way to write atomically (docs/ARCHITECTURE.md "Transactions"). The work is synchronous,
 * so nothing else can run on the connection between BEGIN and COMMIT: no awaited file I/O or
 * hashing can stretch a transaction, and no other statement can slip into it. Do slow work first,
 * then write in one short transaction. Nested calls become savepoints of the outer one.
 *
 * Kysely's async `db.transaction()` is not used (lint refuses it): while it awaited, a synchronous
 * transaction started elsewhere became a savepoint inside it and was rolled back with it.
 */
export function inTransaction<T>(sqlite: Sqlite, work: () => T): T {
  const level = depth.get(sqlite) ?? 0;
  if (level === 0 && sqlite.inTransaction) {
    throw new Error('A transaction opened outside inTransaction() is still open on this connection.');
  }
  depth.set(sqlite, level + 1);
  try {
    // better-sqlite3 refuses a function that returns a promise, so work cannot await.
    return sqlite.transaction(work)();
  } finally {
    depth.set(sqlite, level);
  }
}

/** Runs a Kysely-built query synchronously (inside inTransaction), through the statement cache. */
export function allSync<R>(sqlite: Sqlite, query: Compilable<R>): R[] {
  const compiled = query.compile();
  return prepareCached(sqlite, compiled.sql).all(...(compiled.parameters as unknown[])) as R[];
}

export function firstSync<R>(sqlite: Sqlite, query: Compilable<R>): R | undefined {
  const compiled = query.compile();
  return prepareCached(sqlite, compiled.sql).get(...(compiled.parameters as unknown[])) as R | undefined;
}

/** Runs an insert, update or delete; returns the changes and the last inserted row id. */
export function runSync(sqlite: Sqlite, query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const compiled = query.compile();
  const result = prepareCached(sqlite, compiled.sql).run(...(compiled.parameters as unknown[]));
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
}
