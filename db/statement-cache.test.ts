import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

interface TestDb {
  note: { id: Generated<number>; body: string };
}

function setup(max?: number) {
  const sqlite = new Database(':memory:');
  let prepared = 0;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => ((prepared += 1), prepare(source))) as typeof sqlite.prepare;
  const db = new Kysely<TestDb>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, max) }) });
  return { sqlite, db, prepared: () => prepared };
}

describe('withStatementCache', () => {
  it('compiles a query shape once and reuses it with new parameters', async () => {
    const { db, prepared } = setup();
    await sql`create table note (id integer primary key, body text not null)`.execute(db);
    const before = prepared();
    for (const body of ['买家说破损', '物流慢', 'late']) await db.insertInto('note').values({ body }).execute();
    expect(prepared() - before).toBe(1);
    const rows = await db.selectFrom('note').select('body').where('id', '>', 1).orderBy('id').execute();
    expect(rows.map((row) => row.body)).toEqual(['物流慢', 'late']);
    await db.destroy();
  });

  it('keeps working when the schema changes under a kept statement', async () => {
    const { db } = setup();
    await sql`create table note (id integer primary key, body text not null)`.execute(db);
    await db.insertInto('note').values({ body: 'a' }).execute();
    const select = () => db.selectFrom('note').selectAll().execute();
    expect(await select()).toEqual([{ id: 1, body: 'a' }]);
    await sql`alter table note add column tag text not null default 'x'`.execute(db);
    expect(await select()).toEqual([{ id: 1, body: 'a', tag: 'x' }]);
    await db.destroy();
  });

  it('drops the least recently used statement past its limit', async () => {
    const { db, prepared } = setup(2);
    const one = () => sql`select 1 as n`.execute(db);
    const two = () => sql`select 2 as n`.execute(db);
    const three = () => sql`select 3 as n`.execute(db);
    await one();
    await two();
    await one(); // 1 is now the most recent: 3 evicts 2
    await three();
    const before = prepared();
    await one();
    expect(prepared()).toBe(before);
    await two();
    expect(prepared()).toBe(before + 1);
    await db.destroy();
  });

  it('closes the database with the dialect', async () => {
    const { sqlite, db } = setup();
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
