import type { Selectable } from 'kysely';
import type { PlatformId } from '../../shared/domain/platforms';
import type { ProductFamily } from '../../shared/domain/reviews';
import type { Shop } from '../../shared/contract';
import type { Sqlite } from '../connection';
import type { ShopsTable } from '../schema';
import { firstSync, runSync } from '../transaction';
import type { Executor } from './executor';
import { queryBuilder } from './query-builder';

function toShop(row: Selectable<ShopsTable>): Shop {
  return {
    id: row.id,
    platform: row.platform as PlatformId,
    name: row.name,
    productFamily: row.product_family as ProductFamily | null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const shopById = (db: Executor, id: number) => db.selectFrom('shops').selectAll().where('id', '=', id);

export async function listShops(db: Executor): Promise<Shop[]> {
  const rows = await db.selectFrom('shops').selectAll().orderBy('platform').orderBy('name').execute();
  return rows.map(toShop);
}

export async function findShop(db: Executor, id: number): Promise<Shop | undefined> {
  const row = await shopById(db, id).executeTakeFirst();
  return row ? toShop(row) : undefined;
}

export function findShopSync(sqlite: Sqlite, id: number): Shop | undefined {
  const row = firstSync(sqlite, shopById(queryBuilder, id));
  return row ? toShop(row) : undefined;
}

export function findShopByNameSync(sqlite: Sqlite, platform: PlatformId, name: string): Shop | undefined {
  const row = firstSync(sqlite, queryBuilder.selectFrom('shops').selectAll().where('platform', '=', platform).where('name', '=', name));
  return row ? toShop(row) : undefined;
}

export function insertShopSync(sqlite: Sqlite, values: { platform: PlatformId; name: string; productFamily?: ProductFamily | null; now: number }): Shop {
  const query = queryBuilder
    .insertInto('shops')
    .values({
      platform: values.platform,
      name: values.name,
      product_family: values.productFamily ?? null,
      created_at: values.now,
      updated_at: values.now,
    })
    .returningAll();
  return toShop(firstSync(sqlite, query)!);
}

export function updateShopSync(
  sqlite: Sqlite,
  id: number,
  changes: { platform?: PlatformId; name?: string; productFamily?: ProductFamily | null; now: number },
): Shop | undefined {
  const query = queryBuilder
    .updateTable('shops')
    .set({
      ...(changes.platform !== undefined && { platform: changes.platform }),
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.productFamily !== undefined && { product_family: changes.productFamily }),
      updated_at: changes.now,
    })
    .where('id', '=', id)
    .returningAll();
  const row = firstSync(sqlite, query);
  return row ? toShop(row) : undefined;
}

export function deleteShopSync(sqlite: Sqlite, id: number): boolean {
  return runSync(sqlite, queryBuilder.deleteFrom('shops').where('id', '=', id)).changes > 0;
}
