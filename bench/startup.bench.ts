import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from '@playwright/test';
import { startCore, type Core } from '../electron/core/core';
import { RecordingPlatform } from '../electron/core/platform';
import { benchClock, benchDataEnd, percentile, writeBenchExport } from './inbox-data';
import type { Bench, BenchResult, Report } from './run';

const rows = Number(process.env.BENCH_STARTUP_ROWS ?? 1_000_000);
const rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5);
/** A data directory to keep between runs (made there if it has no database yet), for profiling. */
const keptDataDir = process.env.BENCH_STARTUP_DATA;
const serveScript = join(process.cwd(), 'out', 'main', 'serve.js');
const rendererIndex = join(process.cwd(), 'out', 'renderer', 'index.html');
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const goalMs = 1000;
/**
 * The harness listens while its core starts (--listen-first), as the desktop app loads its window
 * while the core's process starts; BENCH_STARTUP_LISTEN_FIRST=0 waits for the core first.
 */
const listenFirst = process.env.BENCH_STARTUP_LISTEN_FIRST !== '0';
/** Written once the data directory is complete. */
const readyMarker = 'startup-bench-data.json';

export const startupBench: Bench = { name: 'startup', title: `start-up to the first inbox rows at ${rows.toLocaleString('en')} reviews`, run: runStartupBench };

async function call(core: Core, method: string, input: unknown) {
  const envelope = await core.call(method, input, { trusted: true }); // as the CLI: import files by path
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as any;
}

/**
 * A data directory as a shop has it after importing `rows` reviews: imported through the
 * pipeline, every case's SLA timers opened, the core closed. Its clock is frozen at the end of
 * the data, and so is the harness's in every round: no deadline passes in between.
 */
async function makeDataDir(dataDir: string, report: Report): Promise<void> {
  const started = performance.now();
  const csvDir = mkdtempSync(join(tmpdir(), 'reviewdesk-bench-startup-csv-'));
  const csv = join(csvDir, 'reviews.csv');
  await writeBenchExport(csv, rows, 1);
  const core = await startCore({ dataDir, platform: new RecordingPlatform(), clock: benchClock(rows), version: 'bench', validateOutput: false, log: () => {} });
  try {
    const shop = await call(core, 'shops.create', { platform: 'taobao', name: '基准店' });
    const source = { kind: 'path', path: csv };
    const preview = await call(core, 'imports.preview', { source, platform: 'taobao' });
    const { importId } = await call(core, 'imports.start', { source, platform: 'taobao', shopId: shop.id, mapping: preview.suggestedMapping });
    const run = await core.services!.imports.waitFor(importId);
    // Timers of new cases open in slices after the import; the app would have finished them too.
    const withoutTimers = core.services!.deps.sqlite.prepare('SELECT EXISTS (SELECT 1 FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_sla s WHERE s.case_id = c.id)) AS missing');
    while ((withoutTimers.get() as { missing: number }).missing === 1) await new Promise((resolve) => setTimeout(resolve, 200));
    report(`data (not timed): ${run.counts.inserted.toLocaleString('en')} reviews, ${run.counts.casesOpened.toLocaleString('en')} cases imported in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await core.close();
    rmSync(csvDir, { recursive: true, force: true });
  }
  writeFileSync(join(dataDir, readyMarker), JSON.stringify({ rows }));
}

interface Round {
  /** Spawning `node out/main/serve.js` until it prints its address (HTTP listens). */
  httpReady: number;
  /** Spawning until the core is up (with --listen-first, while the page already loads). */
  coreStarted: number;
  /** From that line to the page's navigation start. */
  toNavigation: number;
  /** Navigation start until the frame that paints the first review row. */
  navigationToRows: number;
  /** Spawn until that frame: the figure with the goal. */
  total: number;
  /** Navigation start until each of these responses had arrived, in the page. */
  script: number;
  status: number;
  firstPage: number;
  /**
   * CPU time the harness process (all its threads) had used by then, where the system says
   * (Linux): on a loaded machine the times above wait for a core, this does not. NaN elsewhere.
   */
  serveCpu: number;
}

/** CPU time a process has used so far, in ms, from /proc (Linux); NaN where there is none. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const tasks = readdirSync(`/proc/${pid}/task`);
    const ns = tasks.reduce((sum, task) => {
      try {
        return sum + Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        return sum; // a thread that ended meanwhile
      }
    }, 0);
    return ns / 1e6;
  } catch {
    return NaN;
  }
}

/**
 * Runs in the page before its own scripts: marks the frame in which the first review row is in
 * the document (performance.now() in that frame's animation callback, just before it paints).
 */
const watchFirstRows = `new MutationObserver((records, observer) => {
  if (!document.querySelector('[data-testid^="review-row-"]')) return;
  observer.disconnect();
  requestAnimationFrame(() => { window.firstRowsAt = performance.now(); });
}).observe(document, { childList: true, subtree: true });`;

/** Read in the page once the rows are there: its clock's origin, the mark, and when responses arrived. */
const readPageTimes = `(() => {
  const responseEnd = (part) => performance.getEntriesByType('resource').find((entry) => entry.name.includes(part))?.responseEnd ?? NaN;
  return {
    timeOrigin: performance.timeOrigin,
    rowsAt: window.firstRowsAt,
    script: responseEnd('/assets/index-'),
    status: responseEnd('/api/app.status'),
    firstPage: responseEnd('/api/reviews.list'),
  };
})()`;

function startServe(dataDir: string): { child: ChildProcess; ready: Promise<string>; coreStarted: Promise<number> } {
  const args = [serveScript, '--data-dir', dataDir, '--port', '0', '--token', 'bench-startup', '--frozen-clock', String(benchDataEnd(rows))];
  const child = spawn(process.execPath, listenFirst ? [...args, '--listen-first'] : args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Its slow-call log would interleave with the figures; it is shown only if the harness fails.
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve.js exited with ${code} before listening:\n${log}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { open: string }).open));
  });
  const coreStarted = listenFirst
    ? new Promise<number>((resolve) => lines.on('line', (line) => line.includes('"core"') && resolve(performance.timeOrigin + performance.now())))
    : ready.then(() => performance.timeOrigin + performance.now());
  return { child, ready, coreStarted };
}

function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function measureRound(browser: Browser, dataDir: string): Promise<Round> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  let child: ChildProcess | undefined;
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: watchFirstRows });
    const spawnedAt = performance.timeOrigin + performance.now();
    const serve = startServe(dataDir);
    child = serve.child;
    const open = await serve.ready;
    const readyAt = performance.timeOrigin + performance.now();
    const coreStartedAt = serve.coreStarted;
    await page.goto(open);
    await page.locator('[data-testid^="review-row-"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction("'firstRowsAt' in window");
    const serveCpu = processCpuMs(child.pid);
    const inPage = (await page.evaluate(readPageTimes)) as { timeOrigin: number; rowsAt: number; script: number; status: number; firstPage: number };
    return {
      httpReady: readyAt - spawnedAt,
      coreStarted: (await coreStartedAt) - spawnedAt,
      toNavigation: inPage.timeOrigin - readyAt,
      navigationToRows: inPage.rowsAt,
      total: inPage.timeOrigin + inPage.rowsAt - spawnedAt,
      script: inPage.script,
      status: inPage.status,
      firstPage: inPage.firstPage,
      serveCpu,
    };
  } finally {
    await context.close();
    if (child) await stopServe(child);
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;

/**
 * Process start to the first inbox rows painted, with `rows` reviews, in Chromium through the
 * HTTP harness: from spawning `node out/main/serve.js` (Chromium already running, a fresh
 * browser context per round) until the frame that paints the first review row of the inbox the
 * app opens on. Split: process start → HTTP ready (listening), process start → core started
 * (its database open; meanwhile the page loads), HTTP ready → navigation start, navigation →
 * rows painted. Needs `npm run build`.
 */
async function runStartupBench(report: Report): Promise<BenchResult> {
  if (!existsSync(serveScript) || !existsSync(rendererIndex)) {
    report('skipped: run "npm run build" first');
    return { ok: false };
  }
  const root = keptDataDir ? null : mkdtempSync(join(tmpdir(), 'reviewdesk-bench-startup-'));
  const dataDir = keptDataDir ?? join(root!, 'data');
  let browser: Browser | undefined;
  try {
    if (!existsSync(join(dataDir, readyMarker))) {
      // A kept directory whose making was interrupted is made again from scratch.
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      await makeDataDir(dataDir, report);
    }
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const results: Round[] = [];
    for (let round = 0; round < rounds; round++) {
      const result = await measureRound(browser, dataDir);
      results.push(result);
      report(
        `round ${round + 1} of ${rounds}: ${ms(result.total)} to the first rows (process → HTTP ready ${ms(result.httpReady)}, → core started ${ms(result.coreStarted)}, → navigation ${ms(result.toNavigation)}, navigation → rows painted ${ms(result.navigationToRows)}; in the page: script loaded ${ms(result.script)}, app.status answered ${ms(result.status)}, first reviews.list answered ${ms(result.firstPage)}; harness CPU by then ${ms(result.serveCpu)})`,
      );
    }
    const of = (pick: (round: Round) => number) => results.map(pick);
    const median = (values: number[]) => percentile(values, 50);
    const worst = Math.max(...of((round) => round.total));
    report(`split, median of ${rounds}: process → HTTP ready ${ms(median(of((round) => round.httpReady)))}, process → core started ${ms(median(of((round) => round.coreStarted)))}, HTTP ready → navigation ${ms(median(of((round) => round.toNavigation)))}, navigation → rows painted ${ms(median(of((round) => round.navigationToRows)))}`);
    const cpu = of((round) => round.serveCpu);
    if (cpu.every(Number.isFinite)) report(`harness process CPU time, process start → rows painted (independent of the machine's load): median ${ms(median(cpu))}, worst ${ms(Math.max(...cpu))}`);
    report(`process start → first inbox rows painted, ${rounds} rounds: median ${ms(median(of((round) => round.total)))}, worst ${ms(worst)} (target ≤ ${goalMs} ms)`);
    return { ok: worst <= goalMs };
  } finally {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }
}
