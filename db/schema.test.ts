import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../tests/helpers/temp-dir';
import type { Sqlite } from './connection';
import { openDatabase } from './open-database';
import { schemaColumns } from './schema-columns';

const tempDir = useTempDirs();

/**
 * Tables a migrated database has that `DB` deliberately does not type. Listed by name (not only
 * skipped by kind) so a new one — another FTS index, a Kysely upgrade's bookkeeping — is a decision
 * someone makes here, not something the comparison silently passes over.
 */
const untypedTables = [
  // The Migrator's bookkeeping: open-database.ts reads it with raw SQL; the app never queries it.
  'kysely_migration',
  'kysely_migration_lock',
  // The FTS5 index over reviews: searched with raw `MATCH` SQL (db/queries/reviews.ts), written by
  // triggers. Its columns are a view of reviews' text, and the rest are FTS5's own shadow tables.
  'reviews_fts',
  'reviews_fts_config',
  'reviews_fts_data',
  'reviews_fts_idx',
].sort();

interface TableRow {
  name: string;
  kind: 'table' | 'virtual' | 'shadow' | 'view';
  strict: number;
  withoutRowid: number;
}

interface ColumnRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

/** Every table with its columns, described in the words of db/schema-columns.ts. */
function introspect(sqlite: Sqlite) {
  // sqlite_* tables (sqlite_sequence, sqlite_stat1 …) belong to SQLite and come and go with
  // AUTOINCREMENT or ANALYZE; they are never part of the app's schema.
  const tables = sqlite
    .prepare(
      `SELECT s.name, l.type AS kind, l.strict, l.wr AS withoutRowid
       FROM sqlite_schema s JOIN pragma_table_list l ON l.schema = 'main' AND l.name = s.name
       WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY s.name`,
    )
    .all() as TableRow[];
  const typed = tables.filter((table) => !untypedTables.includes(table.name));
  const columns: Record<string, Record<string, string>> = {};
  for (const table of typed) {
    const rows = sqlite.prepare('SELECT * FROM pragma_table_xinfo(?) ORDER BY cid').all(table.name) as ColumnRow[];
    const keyColumns = rows.filter((column) => column.pk > 0);
    columns[table.name] = Object.fromEntries(
      rows.map((column) => {
        const type = column.type.toUpperCase();
        // Only a lone column declared exactly INTEGER in a rowid table is the rowid (SQLite's rule).
        const rowid = table.withoutRowid === 0 && keyColumns.length === 1 && column.pk === 1 && type === 'INTEGER';
        if (rowid) return [column.name, 'INTEGER PRIMARY KEY'];
        // A generated column cannot be written: no spec in schema-columns.ts covers it yet, so it fails here.
        if (column.hidden !== 0) return [column.name, `${type} GENERATED`];
        return [column.name, `${type}${column.notnull ? '' : ' NULL'}${column.dflt_value === null ? '' : ' DEFAULT'}`];
      }),
    );
  }
  return {
    untyped: tables.filter((table) => untypedTables.includes(table.name)).map((table) => table.name),
    notStrict: typed.filter((table) => table.kind !== 'table' || table.strict !== 1).map((table) => table.name),
    columns,
  };
}

describe('db/schema.ts', () => {
  it('describes every table and column of a freshly migrated database, with their types', async () => {
    const result = await openDatabase({ dataDir: tempDir(), now: () => Date.UTC(2026, 10, 24) });
    if (!result.ok) throw new Error(result.message);
    let actual: ReturnType<typeof introspect>;
    try {
      actual = introspect(result.sqlite);
    } finally {
      await result.db.destroy();
    }

    expect(actual.untyped, 'tables left out of DB on purpose').toEqual(untypedTables);
    // STRICT is what makes the TypeScript types true: SQLite refuses a value of another type.
    expect(actual.notStrict, 'typed tables that are not STRICT tables').toEqual([]);
    expect(Object.keys(actual.columns).sort(), 'tables in the database vs schemaColumns').toEqual(
      Object.keys(schemaColumns).sort(),
    );
    expect(actual.columns, 'columns in the database vs schemaColumns').toEqual(schemaColumns);
  });
});
