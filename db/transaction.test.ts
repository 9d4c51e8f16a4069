import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';
import { allSync, firstSync, inTransaction, runSync } from './transaction';

interface TestDb {
  note: { id: number; body: string };
}

function setup() {
  const sqlite = new Database(':memory:');
  sqlite.exec('create table note (id integer primary key, body text not null)');
  const db = new Kysely<TestDb>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { sqlite, db };
}

describe('inTransaction', () => {
  it('commits synchronous work and rolls all of it back on a throw', () => {
    const { sqlite, db } = setup();
    inTransaction(sqlite, () => runSync(sqlite, db.insertInto('note').values({ id: 1, body: '破损' })));
    expect(() =>
      inTransaction(sqlite, () => {
        runSync(sqlite, db.insertInto('note').values({ id: 2, body: '物流慢' }));
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(allSync(sqlite, db.selectFrom('note').select('body'))).toEqual([{ body: '破损' }]);
  });

  it('refuses work that returns a promise, so nothing can be awaited inside', () => {
    const { sqlite } = setup();
    expect(() => inTransaction(sqlite, () => Promise.resolve(1))).toThrow(/promise/i);
    expect(sqlite.inTransaction).toBe(false);
  });

  it('refuses to start while a transaction it did not open is still open', () => {
    const { sqlite } = setup();
    sqlite.exec('BEGIN');
    expect(() => inTransaction(sqlite, () => 1)).toThrow(/outside inTransaction/);
    sqlite.exec('ROLLBACK');
  });

  it('makes a nested call part of the outer transaction', () => {
    const { sqlite, db } = setup();
    expect(() =>
      inTransaction(sqlite, () => {
        inTransaction(sqlite, () => runSync(sqlite, db.insertInto('note').values({ id: 3, body: '错发' })));
        throw new Error('outer fails');
      }),
    ).toThrow('outer fails');
    expect(firstSync(sqlite, db.selectFrom('note').selectAll().where('id', '=', 3))).toBeUndefined();
  });
});
