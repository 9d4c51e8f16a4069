import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readAppVersion } from '../app-version';
import { enableCoreCompileCache, pruneCompileCache } from '../compile-cache';
import { AdjustableClock, type Clock } from '../clock';
import type { Core } from '../core';
import { resolveDataDir } from '../data-dir';
import { EventBus } from '../event-bus';
import { RecordingPlatform } from '../platform';
import { startHttpAdapter } from './server';

// The core's code is loaded on demand (below); Node keeps its compiled form between starts, so a
// start compiles only what changed since the last build.
const compileCache = enableCoreCompileCache();

/**
 * Stands in for a core that is still starting: calls wait until its database is open (`opened`,
 * its `onOpen`), its events are passed on from then. The JSON line {"core":"started"} says when
 * its whole start is complete.
 */
function coreOnceStarted(dataDir: string, clock: Clock, opened: Promise<Core>, starting: Promise<Core>, needed: () => void): Core {
  const events = new EventBus();
  let open: Core | null = null;
  opened.then(
    (core) => {
      open = core;
      core.events.subscribe((message) => events.emit(message.event, message.payload));
    },
    () => {},
  );
  starting.then(
    (core) => console.log(JSON.stringify({ core: 'started', status: core.status().state })),
    (error: unknown) => {
      console.error('The core did not start:', error);
      process.exit(1);
    },
  );
  return {
    dataDir,
    events,
    clock,
    get services() {
      return open?.services ?? null;
    },
    status() {
      if (!open) throw new Error('The core is still starting.');
      return open.status();
    },
    call: async (method, input, meta) => {
      needed();
      return (await opened).call(method, input, meta);
    },
    close: async () => {
      needed();
      return (await starting).close();
    },
    // Nothing in the harness vouches for paths (it has no main process); uploads stand in for them.
    vouch(kind, paths) {
      if (!open) throw new Error('The core is still starting.');
      return open.vouch(kind, paths);
    },
  };
}

/** A quiet moment after the page's files: the browser is parsing them, not asking for more. */
const quietAfterFilesMs = 10;
/** When no page comes (a test calling the API at once starts it sooner): start anyway. */
const startWithoutPageMs = 300;

/**
 * When a --listen-first core starts. The desktop app loads its window and starts its core in
 * separate processes; here one thread does both, and compiling and opening the core (a few
 * hundred ms at 1M reviews) in front of the page's files would make the page wait for it. So the
 * core starts once the page's first scripts are out and nothing else is being sent, at the first
 * API call (which waits for it either way), or after `startWithoutPageMs`, whichever comes first.
 */
function startAfterPageFiles() {
  let begin = () => {};
  const started = new Promise<void>((resolve) => (begin = resolve));
  let sending = 0;
  let scriptSent = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let noPage: ReturnType<typeof setTimeout> | undefined;
  return {
    started,
    begin,
    /** Once the address is out: from now on a page may load. */
    listening() {
      noPage = setTimeout(begin, startWithoutPageMs);
    },
    onFile(event: 'sending' | 'sent', pathname: string) {
      // A page is loading: its files, then its first API call, decide.
      clearTimeout(noPage);
      clearTimeout(quiet);
      if (event === 'sending') sending += 1;
      else {
        sending -= 1;
        if (pathname.endsWith('.js')) scriptSent = true;
      }
      if (sending === 0 && scriptSent) quiet = setTimeout(begin, quietAfterFilesMs);
    },
  };
}

/**
 * Browser harness: runs the backend with the HTTP adapter and serves the built renderer.
 * Prints one JSON line with the address to open (token included) once listening.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      static: { type: 'string' },
      token: { type: 'string' },
      'test-routes': { type: 'boolean', default: false },
      // Benchmarks open data whose SLA deadlines run from a fixed instant: with the real clock
      // they would have passed by the time of the run, and the start-up would be a catch-up.
      'frozen-clock': { type: 'string' },
      // Listen while the core starts, as the desktop window loads while its core process starts.
      'listen-first': { type: 'boolean', default: false },
    },
  });
  const dataDir = resolveDataDir(values['data-dir']);
  const staticDir = values.static
    ? resolve(values.static)
    : [join(import.meta.dirname, '../renderer'), resolve('out/renderer')].find((dir) => existsSync(dir));
  if (!staticDir || !existsSync(join(staticDir, 'index.html'))) {
    console.error('The built renderer was not found. Run "npm run build" first, or pass --static DIR.');
    process.exit(2);
  }
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, got "${values.port}".`);
    process.exit(2);
  }

  const clock = new AdjustableClock();
  if (values['frozen-clock'] !== undefined) {
    const at = Number(values['frozen-clock']);
    if (!Number.isSafeInteger(at)) {
      console.error(`--frozen-clock must be an instant in epoch milliseconds, got "${values['frozen-clock']}".`);
      process.exit(2);
    }
    clock.set(at, { freeze: true });
  }
  const platform = new RecordingPlatform();
  const version = readAppVersion();
  // Loaded only here: with --listen-first the harness listens (and serves the page) before the
  // core's code, by far the largest part of the bundle, has been read and compiled.
  const start = async (onOpen?: (core: Core) => void) => {
    const { startCore } = await import('../core');
    return startCore({ dataDir, platform, clock, version, validateOutput: true, instanceKind: 'harness', onOpen });
  };
  const pageLoad = values['listen-first'] ? startAfterPageFiles() : null;
  let core: Core;
  let fullyStarted: Promise<unknown> = Promise.resolve();
  if (pageLoad) {
    // The page's first calls are answered once the database is open, before the rest of the start.
    let markOpen: (core: Core) => void = () => {};
    const opened = new Promise<Core>((resolve) => (markOpen = resolve));
    const starting = pageLoad.started.then(() => start(markOpen));
    core = coreOnceStarted(dataDir, clock, Promise.race([opened, starting]), starting, pageLoad.begin);
    fullyStarted = starting;
  } else core = await start();

  const adapter = await startHttpAdapter({
    core: () => core,
    staticDir,
    port,
    token: values.token,
    onFile: pageLoad?.onFile,
    testRoutes: values['test-routes']
      ? {
          clock(body) {
            if (body.reset) clock.reset();
            if (body.at !== undefined) clock.set(body.at, { freeze: body.freeze });
            if (body.advanceMs !== undefined) clock.advance(body.advanceMs);
            core.services?.slaScheduler.poke();
            return clock.now();
          },
          async reset() {
            await core.close();
            rmSync(dataDir, { recursive: true, force: true });
            clock.reset();
            platform.clear();
            core = await start();
          },
          platformRecords: () => platform.records,
        }
      : undefined,
  });

  // Before the address is printed: a parent may stop the harness as soon as it reads it, and
  // without these the core would not close cleanly.
  const stop = async () => {
    await adapter.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  console.log(
    JSON.stringify({
      url: adapter.url,
      token: adapter.token,
      open: `${adapter.url}/?token=${adapter.token}`,
      dataDir,
      status: values['listen-first'] ? 'starting' : core.status().state,
    }),
  );
  pageLoad?.listening();
  // Once the core's whole start is done, off the first answers' path: old builds' compiled code goes.
  if (compileCache) void fullyStarted.then(() => setImmediate(() => pruneCompileCache(compileCache)), () => {});
}

void main();
