import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import type { Sqlite } from './connection';

/**
 * Kysely's SQLite driver prepares every query it runs, and compiling SQL is most of what a small
 * query costs (an evidence add of 271 files spent ~100 ms of the main thread in `prepare`). The
 * app runs the same few hundred query shapes over and over, so the compiled statements are kept,
 * the least recently used dropped past `max`. Safe because the driver holds the one connection
 * for a whole query (or stream), so a cached statement is never run twice at once; SQLite
 * recompiles a kept statement by itself when the schema changes under it.
 */
interface StatementCache {
  prepare(sql: string): SqliteStatement;
  clear(): void;
}

const caches = new WeakMap<Sqlite, StatementCache>();

function statementCache(sqlite: Sqlite, max: number): StatementCache {
  let cache = caches.get(sqlite);
  if (cache) return cache;
  const statements = new Map<string, SqliteStatement>();
  cache = {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        // Re-inserted: a Map iterates in insertion order, so its first key is the least recently used.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    clear: () => statements.clear(),
  };
  caches.set(sqlite, cache);
  return cache;
}

/**
 * A compiled statement from the connection's one cache, shared with Kysely's dialect. Query
 * modules use it for the statements they run themselves, so a shape is compiled once whichever
 * way it is run. Never change a cached statement's mode (pluck, raw, expand): others share it.
 */
/** A statement of the connection's cache; its parameters are given as a list. */
export type CachedStatement = Statement<unknown[]>;

export function prepareCached(sqlite: Sqlite, sql: string): CachedStatement {
  // Typed as better-sqlite3's own statement (parameters as a list): ReturnType of the generic
  // `prepare` resolves to one whose run/get/all take a single argument.
  return statementCache(sqlite, 500).prepare(sql) as unknown as CachedStatement;
}

/** The database as Kysely's SQLite dialect sees it, preparing through the connection's cache. */
export function withStatementCache(sqlite: Sqlite, max = 500): SqliteDatabase {
  const cache = statementCache(sqlite, max);
  return {
    prepare: (sql: string) => cache.prepare(sql),
    close() {
      cache.clear();
      sqlite.close();
    },
  };
}
