import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertAudit } from '../../../../db/queries/audit';
import { findShopByNameSync, insertShopSync } from '../../../../db/queries/shops';
import { findStaffByNameSync, insertStaffSync } from '../../../../db/queries/staff';
import { inTransaction } from '../../../../db/transaction';
import { defaultDemoSeed, planDemoData } from './demo-data';
import { planDemoReviews } from './demo-reviews';
import type { ImportService } from '../imports/import-service';
import type { SlaService } from '../sla/sla-service';
import type { DemoMember } from './demo-history';
import { replayDemoHistory } from './demo-replay';
import { stagingDir } from '../imports/source';
import type { ServiceDeps } from '../service-deps';

export class DemoService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly imports: ImportService,
    private readonly sla: SlaService,
  ) {}

  /**
   * Adds the demo shop's rows that are not there yet, so loading twice never duplicates and
   * never touches rows the user created or edited. Reviews go through the real import pipeline
   * (rules, cases, flags, alerts) from a generated export file, posted over the weeks before the
   * clock's now; the new cases then get the history the team would have given them
   * (demo-replay.ts), so the queue looks like a working day whenever it is loaded.
   */
  /** Called after the history was written behind the live services' backs (routing drops its cached loads). */
  onReplayed: () => void = () => {};

  async load(actor: string, seed: number = defaultDemoSeed): Promise<{ shopsAdded: number; staffAdded: number; reviewsAdded: number }> {
    const plan = planDemoData(seed);
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const { shopsAdded, staffAdded } = inTransaction(sqlite, () => {
      let shopsAdded = 0;
      let staffAdded = 0;
      for (const shop of plan.shops) {
        if (findShopByNameSync(sqlite, shop.platform, shop.name)) continue;
        insertShopSync(sqlite, { ...shop, now });
        shopsAdded++;
      }
      for (const member of plan.staff) {
        if (findStaffByNameSync(sqlite, member.name)) continue;
        insertStaffSync(sqlite, { ...member, now });
        staffAdded++;
      }
      return { shopsAdded, staffAdded };
    });

    let reviewsAdded = 0;
    const importIds: number[] = [];
    const folder = stagingDir(this.deps.dataDir);
    mkdirSync(folder, { recursive: true });
    for (const [index, planned] of plan.shops.entries()) {
      const shop = findShopByNameSync(sqlite, planned.platform, planned.name);
      if (!shop) continue;
      const path = join(folder, `demo-reviews-${shop.platform}.tsv`);
      writeFileSync(path, planDemoReviews(seed, { platform: shop.platform, index }, now));
      try {
        const preview = await this.imports.preview({ source: { kind: 'path', path }, platform: shop.platform });
        const { importId } = await this.imports.start(
          { source: { kind: 'path', path }, platform: shop.platform, shopId: shop.id, mapping: preview.suggestedMapping },
          actor,
          'manual',
        );
        importIds.push(importId);
        reviewsAdded += (await this.imports.waitFor(importId)).counts.inserted;
      } finally {
        rmSync(path, { force: true });
      }
    }
    const team = plan.staff.flatMap((member): DemoMember[] => {
      const found = findStaffByNameSync(sqlite, member.name);
      return found?.active ? [{ id: found.id, name: found.name, role: found.role }] : [];
    });
    if (reviewsAdded > 0) {
      replayDemoHistory(this.deps, this.sla, importIds, team, seed);
      this.onReplayed();
    }
    insertAudit(this.deps.sqlite, { at: now, actor, action: 'demo.load', entity: 'demo', entityId: String(seed), after: { shopsAdded, staffAdded, reviewsAdded } });
    this.deps.events.emit('data.changed', { domain: 'demo' });
    return { shopsAdded, staffAdded, reviewsAdded };
  }
}
