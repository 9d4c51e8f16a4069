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
import { handlers } from './services/handlers';
import type { Platform } from './platform';
import { ProcessMarker, type InstanceKind } from './process-marker';
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
}

export interface CallMeta {
  actor?: string;
}

export interface Core {
  readonly dataDir: string;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly services: Services | null;
  status(): AppStatus;
  call(method: string, input: unknown, meta?: CallMeta): Promise<Envelope<unknown>>;
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

  const instance = opened.ok ? ProcessMarker.claim(options.dataDir, options.instanceKind ?? 'app') : null;
  const services =
    opened.ok && instance
      ? new Services({ db: opened.db, sqlite: opened.sqlite, clock, events, dataDir: options.dataDir, instance }, { watchTimers: options.watchTimers, slaTimers: options.slaTimers })
      : null;
  if (services) services.notifications.platform = options.platform;
  if (services) await services.recover();
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
      };
      return dispatch(method, input, context);
    },
    async close() {
      await services?.close();
      if (opened.ok) {
        await opened.db.destroy();
        rememberCleanClose(opened.dbPath);
      }
      instance?.release();
    },
  };
}
