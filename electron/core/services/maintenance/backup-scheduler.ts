import { listBackupFiles } from '../../../../db/backup-files';
import { backupsDir } from '../../../../db/files';
import type { Clock } from '../../clock';
import type { MaintenanceService } from './maintenance-service';

export interface BackupTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realBackupTimers: BackupTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const backupIntervalMs = 24 * 60 * 60 * 1000;
/** Longest sleep: after the computer slept or its clock was changed, a due backup is noticed within this. */
export const maxBackupSleepMs = 60 * 60 * 1000;
/** After a failed backup (disk full), the next try. */
export const backupRetryMs = 60 * 60 * 1000;

/**
 * One automatic backup a day while the app (or the harness) is up: at start when the newest
 * daily backup is older than a day (or there is none), then a day after the last one. The time
 * of the last one is read from the backups folder, so restarts do not add backups.
 */
export class BackupScheduler {
  private handle: unknown = null;
  private running = false;
  private current: Promise<void> | null = null;
  private retryAt: number | null = null;

  constructor(
    private readonly maintenance: MaintenanceService,
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly timers: BackupTimers = realBackupTimers,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  start(): void {
    this.running = true;
    this.arm();
  }

  /** When the next daily backup is due (epoch ms). */
  nextDueAt(): number {
    const last = listBackupFiles(backupsDir(this.dataDir)).find((file) => file.kind === 'daily');
    const due = last ? last.takenAt + backupIntervalMs : this.clock.now();
    return this.retryAt === null ? due : Math.max(due, this.retryAt);
  }

  /** Stops the timer and waits for a backup in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    await this.current;
  }

  private arm(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    if (!this.running) return;
    let wait = maxBackupSleepMs;
    try {
      wait = Math.min(maxBackupSleepMs, Math.max(0, this.nextDueAt() - this.clock.now()));
    } catch (error) {
      this.log(`[backup] reading the backups folder failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.handle = this.timers.setTimeout(() => this.wake(), wait);
  }

  private wake(): void {
    this.handle = null;
    if (!this.running) return;
    let due = false;
    try {
      due = this.nextDueAt() <= this.clock.now();
    } catch {
      // Unreadable folder: arm() logs it and sleeps the longest.
    }
    if (!due) return this.arm();
    this.current = this.maintenance
      .backup('system', 'daily')
      .then(
        () => {
          this.retryAt = null;
        },
        (error: unknown) => {
          this.retryAt = this.clock.now() + backupRetryMs;
          this.log(`[backup] the daily backup failed, next try in an hour: ${error instanceof Error ? error.message : String(error)}`);
        },
      )
      .finally(() => {
        this.current = null;
        this.arm();
      });
  }
}
