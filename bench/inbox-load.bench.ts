import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startCore, type Core } from '../electron/core/core';
import { startHttpAdapter } from '../electron/core/http/server';
import { RecordingPlatform } from '../electron/core/platform';
import { inboxFirstPageInBrowser } from './inbox-first-page';
import { benchClock, benchDataEnd, percentile, writeBenchExport } from './inbox-data';
import type { Bench, BenchResult, Report } from './run';

const millionRows = Number(process.env.BENCH_MILLION_ROWS ?? 1_000_000);
const concurrentRows = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);

async function call(core: Core, method: string, input: unknown) {
  const envelope = await core.call(method, input, { trusted: true }); // as the CLI: import files by path
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as any;
}

async function importAndWait(core: Core, path: string, shopId: number) {
  const source = { kind: 'path', path };
  const preview = await call(core, 'imports.preview', { source, platform: 'taobao' });
  const { importId } = await call(core, 'imports.start', { source, platform: 'taobao', shopId, mapping: preview.suggestedMapping });
  return core.services!.imports.waitFor(importId);
}

/**
 * Inbox pages requested one after another over HTTP from another thread, as the renderer does
 * from its own process: a client on the core's own event loop would wait behind the import a
 * second time to read each response, which no real client does. Returns each request's time.
 */
function pageRequestsInThread(url: string, token: string, inputs: unknown[]): { stop(): Promise<number[]> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    let stopping = false;
    parentPort.once('message', () => { stopping = true; });
    (async () => {
      const times = [];
      for (let n = 0; !stopping; n++) {
        const started = performance.now();
        const response = await fetch(workerData.url + '/api/reviews.list', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-reviewdesk-token': workerData.token },
          body: JSON.stringify(workerData.inputs[n % workerData.inputs.length]),
        });
        if (!response.ok) throw new Error('reviews.list answered ' + response.status);
        await response.json();
        times.push(performance.now() - started);
      }
      parentPort.postMessage(times);
    })();`,
    { eval: true, workerData: { url, token, inputs } },
  );
  const result = new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const times = await result;
      await worker.terminate();
      return times;
    },
  };
}

async function timings(runs: number, run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export const inboxLoadBench: Bench = { name: 'inboxLoad', title: `inbox at ${millionRows.toLocaleString('en')} reviews`, run: runInboxLoadBench };

/**
 * A million reviews imported through the pipeline (peak memory sampled while streaming), then
 * inbox pages and searches on that database in-process, then inbox pages over HTTP while
 * another 200k-row import runs on the same core.
 */
async function runInboxLoadBench(report: Report): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'reviewdesk-bench-load-'));
  let ok = true;
  // Closed on every path: a failed step must not leave the core's timers and files behind.
  let opened: Core | undefined;
  try {
    mkdirSync(join(root, 'files'));
    const million = join(root, 'files', 'million.csv');
    const more = join(root, 'files', 'more.csv');
    await writeBenchExport(million, millionRows, 1);
    await writeBenchExport(more, concurrentRows, 2);

    const clock = benchClock(millionRows);
    const core = (opened = await startCore({ dataDir: join(root, 'data'), platform: new RecordingPlatform(), clock, version: 'bench', validateOutput: false, log: () => {} }));
    const shop = await call(core, 'shops.create', { platform: 'taobao', name: '基准店' });

    // 1. Peak memory of a streamed 1M-row import.
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const samples: { rows: number; rss: number }[] = [];
    const unsubscribe = core.events.subscribe((message) => {
      if (message.event === 'import.progress') samples.push({ rows: message.payload.rowsRead, rss: process.memoryUsage().rss });
    });
    const started = performance.now();
    const run = await importAndWait(core, million, shop.id);
    const seconds = (performance.now() - started) / 1000;
    unsubscribe();
    const mb = (bytes: number) => bytes / 1024 / 1024;
    const peak = Math.max(...samples.map((sample) => sample.rss));
    const early = samples.find((sample) => sample.rows >= millionRows / 10)?.rss ?? peak;
    report(`import of ${millionRows.toLocaleString('en')} rows: ${seconds.toFixed(1)} s (${Math.round(millionRows / seconds).toLocaleString('en')} rows/s), inserted ${run.counts.inserted.toLocaleString('en')}`);
    report(`memory (RSS): ${mb(baseline).toFixed(0)} MB before, ${mb(early).toFixed(0)} MB at 10% of the rows, peak ${mb(peak).toFixed(0)} MB (flat: the file is streamed)`);

    // 2. Inbox pages and full-text search on 1M reviews, in-process.
    const now = benchDataEnd(millionRows);
    const firstPage = await call(core, 'reviews.list', { filters: { levels: ['neutral', 'bad'], statuses: ['new'] }, limit: 50 });
    const pageInputs: unknown[] = [
      { filters: { levels: ['neutral', 'bad'], statuses: ['new'] }, limit: 50 },
      { filters: { levels: ['neutral', 'bad'], statuses: ['new'] }, cursor: firstPage.nextCursor, limit: 50 },
      { filters: { categories: ['quality'] }, limit: 50 },
      { filters: { categories: ['malicious'], levels: ['bad'] }, limit: 50 },
      { filters: { shopId: shop.id, levels: ['bad'] }, limit: 50 },
      { filters: { assigneeId: null, statuses: ['new', 'contacting'] }, limit: 50 },
      { filters: {}, limit: 50 },
      { filters: { levels: ['good'] }, limit: 50 },
      { filters: { levels: ['neutral', 'bad'], from: now - 300 * 86_400_000, to: now - 200 * 86_400_000 }, limit: 50 },
      { filters: { flags: ['extortion'] }, limit: 50 },
      { filters: { platform: 'taobao', categories: ['logistics', 'wrong_item'] }, sort: 'sla_due', limit: 50 },
    ];
    const pageTimes: number[] = [];
    for (const input of pageInputs) pageTimes.push(...(await timings(30, () => call(core, 'reviews.list', input))));
    const pageP95 = percentile(pageTimes, 95);
    report(`inbox page (filters + sort + 50 rows), ${pageInputs.length} filter sets × 30: p50 ${ms(percentile(pageTimes, 50))}, p95 ${ms(pageP95)} (target ≤ 15 ms)`);
    ok &&= pageP95 <= 15;

    const searches = ['物流太慢', '质量太差了', '客服态度', '不退款就差评', '第123456单', '尺码偏小'];
    const searchTimes: number[] = [];
    for (const search of searches) {
      searchTimes.push(...(await timings(20, () => call(core, 'reviews.list', { filters: { search }, limit: 50 }))));
      searchTimes.push(...(await timings(10, () => call(core, 'reviews.list', { filters: { search, levels: ['neutral', 'bad'] }, limit: 50 }))));
    }
    const searchP95 = percentile(searchTimes, 95);
    report(`full-text search (trigram, 3+ characters), ${searches.length} terms × 30: p50 ${ms(percentile(searchTimes, 50))}, p95 ${ms(searchP95)} (target ≤ 30 ms)`);
    ok &&= searchP95 <= 30;
    const shortTimes = await timings(20, () => call(core, 'reviews.list', { filters: { search: '差评', levels: ['bad'] }, limit: 50 }));
    report(`2-character search (LIKE fallback, with a level filter): p95 ${ms(percentile(shortTimes, 95))}`);

    // 3. Inbox pages over HTTP while a 200k-row import runs on the same core.
    mkdirSync(join(root, 'static'));
    const adapter = await startHttpAdapter({ core: () => core, staticDir: join(root, 'static'), token: 'bench' });
    const source = { kind: 'path', path: more };
    const preview = await call(core, 'imports.preview', { source, platform: 'taobao' });
    const { importId } = await call(core, 'imports.start', { source, platform: 'taobao', shopId: shop.id, mapping: preview.suggestedMapping });
    const client = pageRequestsInThread(adapter.url, 'bench', pageInputs);
    const concurrent = await core.services!.imports.waitFor(importId);
    const httpTimes = await client.stop();
    await adapter.close();
    const httpP95 = percentile(httpTimes, 95);
    report(
      `inbox pages over HTTP (client in another thread) during a ${concurrentRows.toLocaleString('en')}-row import (${concurrent.counts.inserted.toLocaleString('en')} inserted): ${httpTimes.length} requests, p50 ${ms(percentile(httpTimes, 50))}, p95 ${ms(httpP95)}, max ${ms(Math.max(...httpTimes))} (target p95 ≤ 100 ms)`,
    );
    ok &&= httpP95 <= 100;

    // 4. The inbox's first page in a real browser, with all those reviews in the database.
    const firstPageInBrowser = await inboxFirstPageInBrowser(core);
    report(firstPageInBrowser.line);
    ok &&= firstPageInBrowser.ok;
    return { ok };
  } finally {
    await opened?.close();
    rmSync(root, { recursive: true, force: true });
  }
}
