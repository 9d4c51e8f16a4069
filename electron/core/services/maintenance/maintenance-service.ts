import { backupDatabase, type BackupResult } from '../../../../db/backup';
import { rotateDailyBackups } from '../../../../db/backup-files';
import { backupsDir, databasePath } from '../../../../db/files';
import { insertAudit } from '../../../../db/queries/audit';
import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { inTransaction } from '../../../../db/transaction';
import { verifyDatabaseFile, type VerifyResult } from '../../../../db/verify';
import { backupSettings as backupSettingsSchema, type BackupSettings } from '../../../../shared/contract';
import type { ServiceDeps } from '../service-deps';

const settingsKey = 'backups';
export const defaultBackupSettings: BackupSettings = { keepDaily: 14 };

export class MaintenanceService {
  /** Backups run one at a time: "back up now" during the daily one waits for it, then makes its own. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ServiceDeps) {}

  backup(actor: string, label: 'manual' | 'daily' = 'manual'): Promise<BackupResult> {
    const run = this.queue.then(() => this.backupNow(actor, label));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async backupNow(actor: string, label: 'manual' | 'daily'): Promise<BackupResult> {
    const { sqlite, clock, dataDir } = this.deps;
    const now = clock.now();
    const result = await backupDatabase(sqlite, backupsDir(dataDir), now, label);
    const removed = label === 'daily' ? rotateDailyBackups(backupsDir(dataDir), this.settings().keepDaily) : [];
    insertAudit(sqlite, { at: now, actor, action: 'maintenance.backup', entity: 'database', entityId: null, after: { ...result, kind: label, removed } });
    // The list of backups in Settings is one of the settings views.
    this.deps.events.emit('data.changed', { domain: 'settings' });
    return result;
  }

  /** Resolves once no backup is being written (the database is about to close). */
  async idle(): Promise<void> {
    await this.queue;
  }

  settings(): BackupSettings {
    const stored = backupSettingsSchema.partial().safeParse(readSettingSync(this.deps.sqlite, settingsKey));
    return { ...defaultBackupSettings, ...(stored.success ? stored.data : {}) };
  }

  updateSettings(changes: BackupSettings, actor: string): BackupSettings {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const before = this.settings();
    const after = { ...before, ...changes };
    inTransaction(sqlite, () => {
      writeSettingSync(sqlite, settingsKey, after, now);
      insertAudit(sqlite, { at: now, actor, action: 'maintenance.updateBackupSettings', entity: 'settings', entityId: settingsKey, before, after });
    });
    // Fewer to keep takes effect now, not after tomorrow's backup.
    rotateDailyBackups(backupsDir(this.deps.dataDir), after.keepDaily);
    this.deps.events.emit('data.changed', { domain: 'settings' });
    return after;
  }

  /** Written into the restored database once it is open: the copy it came from and where the replaced file was kept. */
  recordRestore(actor: string, outcome: { restoredFrom: string; asidePath: string | null }): void {
    insertAudit(this.deps.sqlite, { at: this.deps.clock.now(), actor, action: 'maintenance.restore', entity: 'database', entityId: null, after: outcome });
  }

  verify(): VerifyResult {
    return verifyDatabaseFile(databasePath(this.deps.dataDir));
  }
}
