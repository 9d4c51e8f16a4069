import { backupDatabase } from '../../../../db/backup';
import { backupsDir, databasePath } from '../../../../db/files';
import { insertAudit } from '../../../../db/queries/audit';
import { verifyDatabaseFile, type VerifyResult } from '../../../../db/verify';
import type { ServiceDeps } from '../service-deps';

export class MaintenanceService {
  constructor(private readonly deps: ServiceDeps) {}

  async backup(actor: string): Promise<{ path: string; bytes: number }> {
    const now = this.deps.clock.now();
    const result = backupDatabase(this.deps.sqlite, backupsDir(this.deps.dataDir), now);
    insertAudit(this.deps.sqlite, { at: now, actor, action: 'maintenance.backup', entity: 'database', entityId: null, after: result });
    return result;
  }

  verify(): VerifyResult {
    return verifyDatabaseFile(databasePath(this.deps.dataDir));
  }
}
