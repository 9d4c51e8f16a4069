import type { Sqlite } from '../connection';
import { firstSync, runSync } from '../transaction';
import type { Executor } from './executor';
import { queryBuilder } from './query-builder';

/**
 * Settings are JSON values under a key; the service that owns a key validates its shape. The sync
 * pair is the one to use inside inTransaction (and anywhere a connection is at hand); the async
 * pair runs the same statements through Kysely for code that holds only the Kysely handle.
 */
const selectValue = (db: Executor, key: string) => db.selectFrom('settings').select('value_json').where('key', '=', key);

const upsertValue = (db: Executor, key: string, value: unknown, now: number) => {
  const value_json = JSON.stringify(value);
  return db
    .insertInto('settings')
    .values({ key, value_json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }));
};

const parsed = (row: { value_json: string } | undefined): unknown => (row ? (JSON.parse(row.value_json) as unknown) : undefined);

export function readSettingSync(sqlite: Sqlite, key: string): unknown {
  return parsed(firstSync(sqlite, selectValue(queryBuilder, key)));
}

export function writeSettingSync(sqlite: Sqlite, key: string, value: unknown, now: number): void {
  runSync(sqlite, upsertValue(queryBuilder, key, value, now));
}

export async function readSetting(db: Executor, key: string): Promise<unknown> {
  return parsed(await selectValue(db, key).executeTakeFirst());
}

export async function writeSetting(db: Executor, key: string, value: unknown, now: number): Promise<void> {
  await upsertValue(db, key, value, now).execute();
}
