import { AlertsService } from './alerts/alerts-service';
import { AuditService } from './audit/audit-service';
import { CasesService } from './cases/cases-service';
import { CaseWorkspaceReader } from './cases/case-workspace';
import { DemoService } from './demo/demo-service';
import { EvidenceService } from './evidence/evidence-service';
import { ImportService } from './imports/import-service';
import { BackupScheduler, type BackupTimers } from './maintenance/backup-scheduler';
import { ExternalChanges, type ChangeWatchTimers } from './maintenance/external-changes';
import { MaintenanceService } from './maintenance/maintenance-service';
import { ReviewsService } from './reviews/reviews-service';
import { RulesService } from './rules/rules-service';
import { ClassifierModelStore } from './rules/classifier-model-store';
import type { ServiceDeps } from './service-deps';
import { SettingsService } from './settings/settings-service';
import { ShopsService } from './shops/shops-service';
import { StaffService } from './staff/staff-service';
import { WatchService, type WatchTimers } from './watch/watch-service';
import { AuthService } from './auth/auth-service';
import { NotificationPreferencesStore } from './notifications/notification-preferences';
import { NotificationsService } from './notifications/notifications-service';
import { SlaScheduler, type SchedulerTimers } from './sla/sla-scheduler';
import { SlaService } from './sla/sla-service';

/** How often a running app looks for runs and files another process left when it died. */
export const recoveryEveryMs = 60_000;

/** Everything the handlers can reach once the database is open. */
export class Services {
  readonly shops: ShopsService;
  readonly staff: StaffService;
  readonly settings: SettingsService;
  readonly demo: DemoService;
  readonly maintenance: MaintenanceService;
  readonly evidence: EvidenceService;
  readonly rules: RulesService;
  /** The learned category model (naive Bayes on built-in examples + corrections); the rule scorer reads `current()`. */
  readonly classifier: ClassifierModelStore;
  readonly imports: ImportService;
  readonly reviews: ReviewsService;
  readonly cases: CasesService;
  /** The case workspace's one-answer read and its notes (cases.getWorkspace, cases.addNote). */
  readonly caseWorkspace: CaseWorkspaceReader;
  readonly alerts: AlertsService;
  readonly watch: WatchService;
  readonly auth: AuthService;
  readonly notifications: NotificationsService;
  readonly sla: SlaService;
  readonly slaScheduler: SlaScheduler;
  readonly backupScheduler: BackupScheduler;
  readonly externalChanges: ExternalChanges;
  private recoveryTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly deps: ServiceDeps,
    options: { watchTimers?: WatchTimers; slaTimers?: SchedulerTimers; backupTimers?: BackupTimers; changeTimers?: ChangeWatchTimers } = {},
  ) {
    this.shops = new ShopsService(deps);
    this.staff = new StaffService(deps);
    this.settings = new SettingsService(deps);
    this.maintenance = new MaintenanceService(deps);
    this.evidence = new EvidenceService(deps);
    this.auth = new AuthService(deps);
    this.notifications = new NotificationsService(deps, new NotificationPreferencesStore(deps, this.auth));
    this.sla = new SlaService(deps, this.auth, this.notifications);
    this.classifier = new ClassifierModelStore(deps);
    this.rules = new RulesService(deps, this.sla);
    // The learned model is one more evidence source for the scorer (import and re-running the rules).
    this.rules.modelProvider = () => this.classifier.current();
    this.imports = new ImportService(deps, this.rules);
    this.reviews = new ReviewsService(deps, this.rules);
    this.alerts = new AlertsService(deps);
    this.watch = new WatchService(deps, this.imports, options.watchTimers, this.notifications);
    this.demo = new DemoService(deps, this.imports, this.sla);
    this.cases = new CasesService(deps, this.sla, this.auth);
    this.caseWorkspace = new CaseWorkspaceReader(deps, this.sla, this.reviews, this.auth);
    // New cases are routed as their timers open, breached ones as their escalation fires.
    this.sla.router = this.cases.routing;
    // A correction is a labelled example: the learned model retrains shortly after.
    this.cases.onRecategorized = () => this.classifier.corrected();
    // The demo's replayed history assigned cases through its own services: re-read the loads.
    this.demo.onReplayed = () => this.cases.routing.forget();
    // Someone deactivated hands their open cases back to routing.
    this.staff.onDeactivated = (staffId, at) => this.cases.routing.releaseFrom(staffId, at);
    this.slaScheduler = new SlaScheduler(this.sla, deps.clock, options.slaTimers);
    this.backupScheduler = new BackupScheduler(this.maintenance, deps.dataDir, deps.clock, options.backupTimers);
    this.externalChanges = new ExternalChanges(deps, options.changeTimers);
    // Cases another process opened may be due before the scheduler's current wake-up. Re-arm only:
    // a tick writes, and while the other process imports it holds the write lock batch after batch.
    this.externalChanges.onExternal = (domains) => {
      if (domains.includes('cases') || domains.includes('sla')) this.slaScheduler.rearm();
      // A correction made in another process is a training example here too.
      if (domains.includes('cases')) this.classifier.changedElsewhere();
    };
    // New cases get timers: while an import runs in slices between its batches, at its end and
    // after manual entry at once (one indexed query finds them).
    deps.events.subscribe((message) => {
      // What another process wrote has its timers opened there (the CLI does at each import's
      // progress and end); opening them here too would wait on its write lock every poll.
      if (this.externalChanges.reporting) return;
      // Monitor alerts are written with their reviews as notifications (an outbox): show them after that commit.
      if (message.event === 'review.alert' || message.event === 'import.finished') this.notifications.deliverSoon();
      if (message.event === 'import.progress') this.sla.openMissingSoon();
      else if (message.event === 'import.finished' || (message.event === 'data.changed' && message.payload.domain === 'reviews')) {
        try {
          this.sla.openMissing();
        } catch (error) {
          console.error('[sla] opening timers failed', error);
        }
      }
    });
  }

  /**
   * At every start (app, harness and CLI): what a dead process left is recovered — its runs still
   * 'running' are marked interrupted, its vault temporary files removed, its marker swept. What a
   * live process owns (the app while the CLI runs, or the other way round) is left alone.
   */
  async recover(options: { justOpened?: boolean } = {}): Promise<void> {
    await this.recoverRuns(options);
    await this.recoverFiles();
  }

  /**
   * The part of `recover` that the database's answers depend on: no run of a dead process still
   * reads as 'running'. A start does it before the first call is answered.
   */
  recoverRuns(options: { justOpened?: boolean } = {}): Promise<void> {
    return this.recoverSteps([['interrupted imports', () => this.imports.recoverInterrupted({ includeOwn: options.justOpened })]]);
  }

  /**
   * The part no answer reads: files and markers a dead process left. A start may do it once the
   * first calls are answered (see `startCore`'s `onOpen`).
   */
  recoverFiles(): Promise<void> {
    return this.recoverSteps([
      ['vault temporary files', () => this.evidence.recoverVault()],
      ['process markers', () => this.deps.instance.sweepDead()],
    ]);
  }

  private async recoverSteps(steps: [string, () => unknown][]): Promise<void> {
    // Each step on its own: a file another program holds (antivirus on Windows) must not stop the start.
    for (const [what, step] of steps) {
      try {
        await step();
      } catch (error) {
        console.error(`[recover] ${what} not recovered yet`, error);
      }
    }
  }

  /** Background work once the database is open: tidy uploads, make a new vault's folders, watch the folder, the daily backup, follow other processes' writes, keep recovering. */
  async start(): Promise<void> {
    await this.evidence.prepareVault();
    this.imports.sweepStaging();
    await this.watch.start();
    this.slaScheduler.start();
    this.backupScheduler.start();
    this.externalChanges.start();
    this.classifier.start();
    // A CLI killed while the app runs leaves its run 'running': the app notices within a minute.
    this.recoveryTimer = setInterval(() => void this.recover().catch((error: unknown) => console.error('[recover] failed', error)), recoveryEveryMs);
    this.recoveryTimer.unref();
  }

  /** Stops background work; running imports end at a batch boundary and record that they were stopped. */
  async close(): Promise<void> {
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    this.classifier.close();
    this.externalChanges.stop();
    this.slaScheduler.stop();
    const backupStopped = this.backupScheduler.stop();
    const watchClosed = this.watch.close();
    await this.imports.close();
    await watchClosed;
    await backupStopped;
    await this.maintenance.idle();
  }

  /** The audit log, read for people (see `audit/audit-service.ts`). */
  get audit(): AuditService {
    return (this.auditReader ??= new AuditService(this.deps.db));
  }

  private auditReader: AuditService | undefined;
}

export type { ServiceDeps };
