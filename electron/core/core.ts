import { mkdirSync } from 'node:fs';
import type { Envelope } from '../../shared/contract/errors';
import type { AppStatus } from '../../shared/contract';
import { rememberCleanClose } from '../../db/clean-close';
import { openDatabase, type OpenOptions } from '../../db/open-database';
import { systemClock, type Clock } from './clock';
import { createDispatch } from './dispatch';
import { AppError } from './errors';
import { EventBus } from './event-bus';
import type { RequestContext } from './handler-types';
import type { VouchKind, VouchOutcome } from '../../shared/contract/files';
import { VouchedPaths } from './services/files/vouched-paths';
import { handlers } from './services/handlers';
import type { Platform } from './platform';
import { Services } from './services';
import type { WatchTimers } from './services/watch/watch-service';
import type { SchedulerTimers } from './services/sla/sla-scheduler';

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
   * Run background work (recover interrupted imports, watch the folder). Off for the CLI, which
   * may run next to the app and must not touch the app's running imports.
   */
  background?: boolean;
  /** Tests pass fake timers for the watched-folder scheduler. */
  watchTimers?: WatchTimers;
  /** Tests pass fake timers for the SLA scheduler. */
  slaTimers?: SchedulerTimers;
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
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const events = new EventBus();
  mkdirSync(options.dataDir, { recursive: true });
  const opened = await openDatabase({ dataDir: options.dataDir, now: () => clock.now(), migrations: options.migrations });

  const services = opened.ok
    ? new Services({ db: opened.db, sqlite: opened.sqlite, clock, events, dataDir: options.dataDir }, { watchTimers: options.watchTimers, slaTimers: options.slaTimers })
    : null;
  if (services) services.notifications.platform = options.platform;
  if (services && options.background !== false) await services.start();
  const status: AppStatus = opened.ok
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
  if (!opened.ok) (options.log ?? console.error)(`[core] database not opened: ${opened.message}`);

  const vouched = new VouchedPaths(clock);
  const dispatch = createDispatch(handlers, { validateOutput: options.validateOutput ?? true, log: options.log });
  const requireServices = (): Services => {
    if (!services) {
      throw new AppError('UNAVAILABLE', 'The database is not open. See the start-up error for what to do.');
    }
    return services;
  };

  return {
    dataDir: options.dataDir,
    events,
    clock,
    services,
    status: () => status,
    call(method, input, meta = {}) {
      const actor = meta.actor ?? services?.auth.actorName() ?? 'local';
      const context: RequestContext = {
        actor,
        authorize: (required, name) => requireServices().auth.authorize(required, name, actor),
        platform: options.platform,
        status: () => status,
        services: requireServices,
        trusted: meta.trusted === true,
        vouched,
      };
      return dispatch(method, input, context);
    },
    vouch: (kind, paths) => vouched.vouch(kind, paths),
    async close() {
      await services?.close();
      if (opened.ok) {
        await opened.db.destroy();
        rememberCleanClose(opened.dbPath);
      }
    },
  };
}
