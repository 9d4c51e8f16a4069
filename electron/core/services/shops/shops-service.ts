import type { PlatformId } from '../../../../shared/domain/platforms';
import type { ProductFamily } from '../../../../shared/domain/reviews';
import type { Shop } from '../../../../shared/contract';
import { insertAudit } from '../../../../db/queries/audit';
import { deleteShopSync, findShopByNameSync, findShopSync, insertShopSync, listShops, updateShopSync } from '../../../../db/queries/shops';
import { inTransaction } from '../../../../db/transaction';
import { AppError, conflict, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';

export class ShopsService {
  constructor(private readonly deps: ServiceDeps) {}

  list(): Promise<Shop[]> {
    return listShops(this.deps.db);
  }

  async create(input: { platform: PlatformId; name: string; productFamily?: ProductFamily | null }, actor: string): Promise<Shop> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const shop = inTransaction(sqlite, () => {
      if (findShopByNameSync(sqlite, input.platform, input.name)) {
        throw conflict(`A ${input.platform} shop named "${input.name}" already exists.`, 'name');
      }
      const created = insertShopSync(sqlite, { ...input, now });
      insertAudit(sqlite, { at: now, actor, action: 'shops.create', entity: 'shop', entityId: created.id, after: created });
      return created;
    });
    this.deps.events.emit('data.changed', { domain: 'shops' });
    return shop;
  }

  async update(input: { id: number; platform?: PlatformId; name?: string; productFamily?: ProductFamily | null }, actor: string): Promise<Shop> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const shop = inTransaction(sqlite, () => {
      const before = findShopSync(sqlite, input.id);
      if (!before) throw notFound('Shop', input.id);
      const platform = input.platform ?? before.platform;
      const name = input.name ?? before.name;
      const clash = findShopByNameSync(sqlite, platform, name);
      if (clash && clash.id !== input.id) {
        throw conflict(`A ${platform} shop named "${name}" already exists.`, 'name');
      }
      const after = updateShopSync(sqlite, input.id, { platform: input.platform, name: input.name, productFamily: input.productFamily, now })!;
      insertAudit(sqlite, { at: now, actor, action: 'shops.update', entity: 'shop', entityId: input.id, before, after });
      return after;
    });
    this.deps.events.emit('data.changed', { domain: 'shops' });
    return shop;
  }

  async remove(id: number, actor: string): Promise<{ id: number }> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    inTransaction(sqlite, () => {
      const before = findShopSync(sqlite, id);
      if (!before) throw notFound('Shop', id);
      try {
        deleteShopSync(sqlite, id);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new AppError('CONFLICT', `Shop "${before.name}" still has reviews or cases and cannot be removed.`);
        }
        throw error;
      }
      insertAudit(sqlite, { at: now, actor, action: 'shops.remove', entity: 'shop', entityId: id, before });
    });
    this.deps.events.emit('data.changed', { domain: 'shops' });
    return { id };
  }
}
