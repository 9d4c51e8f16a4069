import type { Executor } from './executor';

/** Settings are JSON values under a key; the service that owns a key validates its shape. */
export async function readSetting(db: Executor, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}

export async function writeSetting(db: Executor, key: string, value: unknown, now: number) {
  const value_json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value_json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: now }))
    .execute();
}
