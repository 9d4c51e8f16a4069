import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { DB } from '../schema';

/**
 * Kysely without a connection, for the synchronous query functions: they build a typed query
 * here and run it with allSync/firstSync/runSync (db/transaction.ts) on the caller's connection,
 * so they can be used inside inTransaction. It compiles exactly as the app's SqliteDialect does,
 * so a query run either way is one entry in the statement cache.
 */
export const queryBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});
