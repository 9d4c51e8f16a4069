import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';

export type Sqlite = Database.Database;
export type Db = Kysely<DB>;

/**
 * Opens (or creates) the database file with the project's pragmas. `synchronous` is set
 * explicitly after opening: NORMAL is safe with WAL and keeps commits cheap.
 */
export function openSqlite(path: string, options: { fileMustExist?: boolean } = {}): Sqlite {
  const sqlite = new Database(path, { fileMustExist: options.fileMustExist ?? false });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

export function createKysely(sqlite: Sqlite): Db {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}
