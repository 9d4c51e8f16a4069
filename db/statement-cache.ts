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
export function withStatementCache(sqlite: Sqlite, max = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
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
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
