import { listAudit } from '../../../db/queries/audit';
import { DemoService } from './demo-service';
import { MaintenanceService } from './maintenance-service';
import type { ServiceDeps } from './service-deps';
import { SettingsService } from './settings-service';
import { ShopsService } from './shops-service';
import { StaffService } from './staff-service';

/** Everything the handlers can reach once the database is open. */
export class Services {
  readonly shops: ShopsService;
  readonly staff: StaffService;
  readonly settings: SettingsService;
  readonly demo: DemoService;
  readonly maintenance: MaintenanceService;

  constructor(readonly deps: ServiceDeps) {
    this.shops = new ShopsService(deps);
    this.staff = new StaffService(deps);
    this.settings = new SettingsService(deps);
    this.demo = new DemoService(deps);
    this.maintenance = new MaintenanceService(deps);
  }

  audit(options: { entity?: string; limit?: number }) {
    return listAudit(this.deps.db, { entity: options.entity, limit: options.limit ?? 100 });
  }
}

export type { ServiceDeps };
