import { mkdirSync } from 'node:fs';
import type { Envelope } from '../../shared/contract/errors';
import { contract, isMethodName, type AppStatus } from '../../shared/contract';
import { rememberCleanClose } from '../../db/clean-close';
import { sweepPartialCopies } from '../../db/backup-files';
import { backupsDir } from '../../db/files';
import { openDatabase, type OpenOptions, type OpenResult } from '../../db/open-database';
import { systemClock, type Clock } from './clock';
import { createDispatch } from './dispatch';
import { AppError } from './errors';
import { EventBus } from './event-bus';
import type { RequestContext } from './handler-types';
import type { VouchKind, VouchOutcome } from '../../shared/contract/files';
import { VouchedPaths } from './services/files/vouched-paths';
import { handlers } from './services/handlers';
import type { Platform } from './platform';
import { ProcessMarker, type InstanceKind } from './process-marker';
import { Services } from './services';
import type { WatchTimers } from './services/watch/watch-service';
import type { SchedulerTimers } from './services/sla/sla-scheduler';
import type { BackupTimers } from './services/maintenance/backup-scheduler';
import type { ChangeWatchTimers } from './services/maintenance/external-changes';
import { restoreClosedDatabase } from './services/maintenance/backup-catalog';
import { authorizeWithoutDatabase } from './services/maintenance/recovery-access';

export interface CoreOptions {
  dataDir: string;
  platform: Platform;
  version: string;
  clock?: Clock;
  /** Parse outputs against the contract too; on in dev and tests, off in packaged builds. */
  validateOutput?: boolean;
  /** Only tests pass this, to exercise a failing migration. */
  migrations?: OpenOptions['migrations'];
  log?: (line: string) => void;
  /**
   * Run background work (watch the folder, SLA timers, tidy uploads). Off for the CLI. Recovering
   * what a dead process left (runs, vault temporary files) happens at every start regardless:
   * the process marker keeps it off anything a live process (the app beside the CLI) still owns.
   */
  background?: boolean;
  /** Who this process is, in the marker other processes read ('app' unless said). */
  instanceKind?: InstanceKind;
  /** Tests pass fake timers for the watched-folder scheduler. */
  watchTimers?: WatchTimers;
  /** Tests pass fake timers for the SLA scheduler. */
  slaTimers?: SchedulerTimers;
  /** Tests pass fake timers for the daily backup. */
  backupTimers?: BackupTimers;
  /** Tests pass fake timers for the poll that notices other processes' writes. */
  changeTimers?: ChangeWatchTimers;
  /**
   * Called once the database is open and runs a dead process left are recovered, before the rest
   * of the start (files a dead process left, the first SLA tick, the watched folder, the backup
   * and change timers). From then the core answers queries; changes wait until the start is
   * complete, and so does `close`. That rest begins only after the calls already waiting have been
   * answered (a window's first calls): a host passes this to answer them sooner. `startCore`
   * itself still resolves once everything has started.
   */
  onOpen?: (core: Core) => void;
}

export interface CallMeta {
  actor?: string;
  /**
   * The caller runs as the local user and may name raw paths (see `RequestContext.trusted`). Set
   * only by the CLI and in-process callers that mean it; the IPC and HTTP adapters never set it.
   */
  trusted?: boolean;
}

export interface Core {
  readonly dataDir: string;
  readonly events: EventBus;
  readonly clock: Clock;
  /** The open database's services; null while it cannot be opened or a restore swaps it. */
  readonly services: Services | null;
  status(): AppStatus;
  call(method: string, input: unknown, meta?: CallMeta): Promise<Envelope<unknown>>;
  /**
   * Registers paths the Electron main process vouches for (its dialog, a drop) and returns a
   * token per path. Not a contract method: only the main process reaches it, over a worker
   * message the window cannot send.
   */
  vouch(kind: VouchKind, paths: readonly string[]): VouchOutcome[];
  close(): Promise<void>;
}

/**
 * Starts the backend on a data directory. Never throws for a bad database: the core comes up in
 * the error state, answers `app.status` with the reason, and refuses everything else with
 * UNAVAILABLE, so the UI can show the startup-error screen instead of crash-looping.
 *
 * A restore swaps the database under the running core: it closes the services and the
 * connection, puts the backup in place and opens it again, in this process. The hosts (the
 * app's utilityProcess, the HTTP harness, tests) keep the same Core and event stream, so no
 * host needs to restart anything and the same code path serves all of them.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const events = new EventBus();
  const log = options.log ?? console.error;
  mkdirSync(options.dataDir, { recursive: true });
  // Copies half-written by a process that died (a backup, a restore) are of no use to anyone.
  const swept = sweepPartialCopies([options.dataDir, backupsDir(options.dataDir)]);
  if (swept.removed.length > 0) log(`[core] removed ${swept.removed.length} unfinished copy file(s) (${swept.bytes} bytes) left by a stopped process`);

  // One claim for the life of this core, across the databases a restore opens.
  const instance = ProcessMarker.claim(options.dataDir, options.instanceKind ?? 'app');
  let opened: OpenResult;
  let services: Services | null = null;
  let status: AppStatus;
  let restoring = false;
  let stopForwarding = () => {};

  /** Opens the database; `whenOpen` runs between what the first answers need and the rest. */
  const openSession = async (whenOpen?: () => Promise<void>) => {
    opened = await openDatabase({ dataDir: options.dataDir, now: () => clock.now(), migrations: options.migrations });
    // Each opening gets its own bus, forwarded to the core's: the services of a database that a
    // restore closed stop being heard with it, the hosts' one subscription stays.
    const sessionEvents = new EventBus();
    stopForwarding = sessionEvents.subscribe((message) => events.emit(message.event, message.payload as never));
    services = opened.ok
      ? new Services(
          { db: opened.db, sqlite: opened.sqlite, clock, events: sessionEvents, dataDir: options.dataDir, instance },
          { watchTimers: options.watchTimers, slaTimers: options.slaTimers, backupTimers: options.backupTimers, changeTimers: options.changeTimers },
        )
      : null;
    if (services) services.notifications.platform = options.platform;
    status = opened.ok
      ? {
          state: 'ready',
          version: options.version,
          dataDir: options.dataDir,
          dbPath: opened.dbPath,
          schemaVersion: opened.schemaVersion,
          migratedFromBackup: opened.backupPath,
        }
      : {
          state: 'error',
          version: options.version,
          reason: opened.reason,
          message: opened.message,
          dbPath: opened.dbPath,
          backupsDir: opened.backupsDir,
        };
    if (!opened.ok) log(`[core] database not opened: ${opened.message}`);
    // A database just opened has no run in progress here: any still 'running' is recovered unless
    // its process lives. Before any answer, so no list shows a dead run as running.
    const session = services as Services | null;
    if (session) await session.recoverRuns({ justOpened: true });
    await whenOpen?.();
    if (session) await session.recoverFiles();
    if (session && options.background !== false) await session.start();
  };

  const closeSession = async () => {
    const closing = services;
    services = null;
    await closing?.close();
    stopForwarding();
    if (opened.ok) {
      await opened.db.destroy();
      rememberCleanClose(opened.dbPath);
    }
  };

  const vouched = new VouchedPaths(clock);
  const dispatch = createDispatch(handlers, { validateOutput: options.validateOutput ?? true, log: options.log });
  const requireServices = (): Services => {
    if (restoring) throw new AppError('UNAVAILABLE', 'A backup is being restored. Try again in a moment.');
    if (!services) {
      throw new AppError('UNAVAILABLE', 'The database is not open. See the start-up error for what to do.');
    }
    return services;
  };

  const restore = async (backupPath: string, actor: string) => {
    if (restoring) throw new AppError('CONFLICT', 'A restore is already running.');
    restoring = true;
    try {
      await closeSession();
      let outcome: { restoredFrom: string; asidePath: string | null };
      try {
        outcome = restoreClosedDatabase(options.dataDir, backupPath, clock.now());
      } catch (error) {
        await openSession();
        throw error;
      }
      await openSession();
      const reopened = services as Services | null;
      reopened?.maintenance.recordRestore(actor, outcome);
      return { ...outcome, status: status.state };
    } finally {
      restoring = false;
    }
  };

  let complete = false;
  let markComplete = () => {};
  const completed = new Promise<void>((resolve) => (markComplete = resolve));
  const core: Core = {
    dataDir: options.dataDir,
    events,
    clock,
    get services() {
      return services;
    },
    status: () => status,
    call(method, input, meta = {}) {
      // Only reached through `onOpen`: a change waits for the whole start (see CoreOptions.onOpen).
      if (!complete && isMethodName(method) && contract[method].requires !== null) return completed.then(() => core.call(method, input, meta));
      const actor = meta.actor ?? services?.auth.actorName() ?? 'local';
      const context: RequestContext = {
        actor,
        authorize: (required, name) => (services || restoring ? requireServices().auth.authorize(required, name, actor) : authorizeWithoutDatabase(name)),
        platform: options.platform,
        status: () => status,
        services: requireServices,
        trusted: meta.trusted === true,
        vouched,
        dataDir: options.dataDir,
        restore: (backupPath) => restore(backupPath, actor),
      };
      return dispatch(method, input, context);
    },
    vouch: (kind, paths) => vouched.vouch(kind, paths),
    async close() {
      await completed;
      await closeSession();
      instance.release();
    },
  };

  const onOpen = options.onOpen;
  try {
    await openSession(
      onOpen &&
        (async () => {
          onOpen(core);
          // The calls already waiting for the core run to their answers first.
          await new Promise((resolve) => setImmediate(resolve));
        }),
    );
  } finally {
    complete = true;
    markComplete();
  }
  return core;
}
