import type { Selectable } from 'kysely';
import type { PlatformId } from '../../shared/domain/platforms';
import type { Shop } from '../../shared/contract';
import type { ShopsTable } from '../schema';
import type { Executor } from './executor';

function toShop(row: Selectable<ShopsTable>): Shop {
  return {
    id: row.id,
    platform: row.platform as PlatformId,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listShops(db: Executor): Promise<Shop[]> {
  const rows = await db.selectFrom('shops').selectAll().orderBy('platform').orderBy('name').execute();
  return rows.map(toShop);
}

export async function findShop(db: Executor, id: number): Promise<Shop | undefined> {
  const row = await db.selectFrom('shops').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toShop(row) : undefined;
}

export async function findShopByName(db: Executor, platform: PlatformId, name: string) {
  const row = await db
    .selectFrom('shops')
    .selectAll()
    .where('platform', '=', platform)
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? toShop(row) : undefined;
}

export async function insertShop(
  db: Executor,
  values: { platform: PlatformId; name: string; now: number },
): Promise<Shop> {
  const row = await db
    .insertInto('shops')
    .values({
      platform: values.platform,
      name: values.name,
      created_at: values.now,
      updated_at: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toShop(row);
}

export async function updateShop(
  db: Executor,
  id: number,
  changes: { platform?: PlatformId; name?: string; now: number },
): Promise<Shop | undefined> {
  const row = await db
    .updateTable('shops')
    .set({
      ...(changes.platform !== undefined && { platform: changes.platform }),
      ...(changes.name !== undefined && { name: changes.name }),
      updated_at: changes.now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toShop(row) : undefined;
}

export async function deleteShop(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('shops').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
