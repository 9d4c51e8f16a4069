import type { PlatformId } from '../../../../shared/domain/platforms';
import type { Shop } from '../../../../shared/contract';
import { insertAudit } from '../../../../db/queries/audit';
import { deleteShop, findShop, findShopByName, insertShop, listShops, updateShop } from '../../../../db/queries/shops';
import { AppError, conflict, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';

export class ShopsService {
  constructor(private readonly deps: ServiceDeps) {}

  list(): Promise<Shop[]> {
    return listShops(this.deps.db);
  }

  async create(input: { platform: PlatformId; name: string }, actor: string): Promise<Shop> {
    const now = this.deps.clock.now();
    const shop = await this.deps.db.transaction().execute(async (trx) => {
      if (await findShopByName(trx, input.platform, input.name)) {
        throw conflict(`A ${input.platform} shop named "${input.name}" already exists.`, 'name');
      }
      const created = await insertShop(trx, { ...input, now });
      await insertAudit(trx, { at: now, actor, action: 'shops.create', entity: 'shop', entityId: created.id, after: created });
      return created;
    });
    this.deps.events.emit('data.changed', { domain: 'shops' });
    return shop;
  }

  async update(input: { id: number; platform?: PlatformId; name?: string }, actor: string): Promise<Shop> {
    const now = this.deps.clock.now();
    const shop = await this.deps.db.transaction().execute(async (trx) => {
      const before = await findShop(trx, input.id);
      if (!before) throw notFound('Shop', input.id);
      const platform = input.platform ?? before.platform;
      const name = input.name ?? before.name;
      const clash = await findShopByName(trx, platform, name);
      if (clash && clash.id !== input.id) {
        throw conflict(`A ${platform} shop named "${name}" already exists.`, 'name');
      }
      const after = (await updateShop(trx, input.id, { platform: input.platform, name: input.name, now }))!;
      await insertAudit(trx, { at: now, actor, action: 'shops.update', entity: 'shop', entityId: input.id, before, after });
      return after;
    });
    this.deps.events.emit('data.changed', { domain: 'shops' });
    return shop;
  }

  async remove(id: number, actor: string): Promise<{ id: number }> {
    const now = this.deps.clock.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await findShop(trx, id);
      if (!before) throw notFound('Shop', id);
      try {
        await deleteShop(trx, id);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new AppError('CONFLICT', `Shop "${before.name}" still has reviews or cases and cannot be removed.`);
        }
        throw error;
      }
      await insertAudit(trx, { at: now, actor, action: 'shops.remove', entity: 'shop', entityId: id, before });
    });
    this.deps.events.emit('data.changed', { domain: 'shops' });
    return { id };
  }
}
