import { insertAudit } from '../../../db/queries/audit';
import { findShopByName, insertShop } from '../../../db/queries/shops';
import { findStaffByName, insertStaff } from '../../../db/queries/staff';
import { defaultDemoSeed, planDemoData } from './demo-data';
import type { ServiceDeps } from './service-deps';

export class DemoService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Adds the demo shop's rows that are not there yet, so loading twice never duplicates and
   * never touches rows the user created or edited.
   */
  async load(actor: string, seed: number = defaultDemoSeed): Promise<{ shopsAdded: number; staffAdded: number }> {
    const plan = planDemoData(seed);
    const now = this.deps.clock.now();
    const result = await this.deps.db.transaction().execute(async (trx) => {
      let shopsAdded = 0;
      let staffAdded = 0;
      for (const shop of plan.shops) {
        if (await findShopByName(trx, shop.platform, shop.name)) continue;
        await insertShop(trx, { ...shop, now });
        shopsAdded++;
      }
      for (const member of plan.staff) {
        if (await findStaffByName(trx, member.name)) continue;
        await insertStaff(trx, { ...member, now });
        staffAdded++;
      }
      await insertAudit(trx, { at: now, actor, action: 'demo.load', entity: 'demo', entityId: String(seed), after: { shopsAdded, staffAdded } });
      return { shopsAdded, staffAdded };
    });
    this.deps.events.emit('data.changed', { domain: 'demo' });
    return result;
  }
}
