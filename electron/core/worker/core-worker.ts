import { parseArgs } from 'node:util';
import { enableCoreCompileCache, pruneCompileCache } from '../compile-cache';
import type { Core } from '../core';
import type { DesktopNotification, Platform } from '../platform';
import type { FromWorker, ToWorker } from './messages';

/**
 * Entry of the Electron utilityProcess that hosts the backend, so imports, index rebuilds and
 * reports never block the window's main process. Plain Node: talks to its parent through
 * `process.parentPort`, which Electron provides in utility processes.
 */
interface ParentPort {
  postMessage(message: FromWorker): void;
  on(event: 'message', listener: (event: { data: ToWorker }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('core-worker must run inside an Electron utilityProcess.');
  process.exit(2);
}
const port: ParentPort = parentPort;

// Last resort. A rejected promise nobody awaited is logged and the core keeps running; an
// uncaught exception leaves the process in an unknown state, so log it and exit: CoreHost
// restarts the worker (and the SLA tick delivers whatever was left undelivered).
process.on('unhandledRejection', (reason: unknown) => {
  console.error('[core-worker] unhandled rejection', reason);
});
process.on('uncaughtException', (error: Error, origin: string) => {
  console.error(`[core-worker] uncaught exception (${origin})`, error);
  process.exit(1);
});

const pendingOpens = new Map<number, (opened: boolean) => void>();
let nextOpenId = 1;

/** Desktop actions are done by the main process; the worker asks for them. */
const remotePlatform: Platform = {
  kind: 'electron',
  notify(notification: DesktopNotification) {
    port.postMessage({ type: 'notify', notification });
  },
  openPath(path: string) {
    const id = nextOpenId++;
    return new Promise<boolean>((resolve) => {
      pendingOpens.set(id, resolve);
      port.postMessage({ type: 'open-path', id, path });
    });
  },
};

async function main() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, version: { type: 'string' }, dev: { type: 'boolean', default: false } },
  });
  if (!values['data-dir']) throw new Error('core-worker needs --data-dir');
  // The window's first calls are answered once the database is open (startCore's onOpen),
  // before the first SLA tick, the watched folder and the timers start.
  let serving = false;
  const serve = (core: Core) => {
    if (serving) return;
    serving = true;
    core.events.subscribe((message) => port.postMessage({ type: 'event', message }));

    port.on('message', ({ data }) => {
      if (data.type === 'call') {
        void core.call(data.method, data.input, { actor: data.actor }).then((envelope) => {
          port.postMessage({ type: 'result', id: data.id, envelope });
        });
      } else if (data.type === 'vouch') {
        port.postMessage({ type: 'vouched', id: data.id, items: core.vouch(data.kind, data.paths) });
      } else if (data.type === 'platform-result') {
        pendingOpens.get(data.id)?.(data.result);
        pendingOpens.delete(data.id);
      } else if (data.type === 'shutdown') {
        void core.close().then(() => process.exit(0));
      }
    });
    port.postMessage({ type: 'ready', status: core.status() });
  };
  // Loaded here, once Node keeps its compiled form between starts (see compile-cache.ts).
  const compileCache = enableCoreCompileCache();
  const { startCore } = await import('../core');
  const core = await startCore({
    dataDir: values['data-dir'],
    platform: remotePlatform,
    version: values.version ?? '0.0.0',
    validateOutput: values.dev,
    onOpen: serve,
  });
  serve(core);
  if (compileCache) setImmediate(() => pruneCompileCache(compileCache));
}

main().catch((error: unknown) => {
  console.error('[core-worker] failed to start', error);
  process.exit(1);
});
