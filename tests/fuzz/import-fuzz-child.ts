import type { CallMeta } from '../../electron/core/core';
import { createShop, countRows } from '../helpers/inbox';
import { startTestCore } from '../helpers/test-core';
import type { ImportPreview } from '../../shared/contract';
import type { PlatformId } from '../../shared/domain/platforms';
import { checkEnvelope, resetPeakResident, residentBytes } from './fuzz-checks';

/**
 * One importer fuzz process: the real core on its own data directory, cases sent by the parent
 * (tests/fuzz/import-fuzz.test.ts) one at a time. It runs in a child so that a case that takes
 * the backend down, hangs it or eats memory is seen as exactly that, and the parent can kill it
 * at the deadline or the memory bound and go on with a fresh one.
 */
export interface ChildCase {
  seed: number;
  label: string;
  path: string;
  platform: PlatformId;
  valid: boolean;
}

export type ChildMessage =
  | { type: 'ready'; rssBytes: number }
  /** `rssBytes`: resident memory as the case starts, after a full GC (the case's own baseline). */
  | { type: 'begin'; seed: number; rssBytes: number }
  /** `peakRssBytes`: the peak during this case alone where /proc allows a reset, else the process's. */
  | { type: 'end'; seed: number; outcome: string; problems: string[]; ms: number; peakRssBytes: number };

const maxPreviewJson = 4 * 1024 * 1024;
/**
 * Calls as the local user (the CLI, the watched folder), who may name raw paths: the route by
 * which a hostile file reaches the importer without anyone choosing it.
 */
const localUser = { trusted: true } as CallMeta;
const dataDir = process.argv[2]!;
const send = (message: ChildMessage) => process.send!(message);

async function main() {
  // The core's log goes to stderr, where the parent looks for stack traces of unexpected failures.
  const { core, call } = await startTestCore(dataDir, { log: (line) => process.stderr.write(`${line}\n`) });
  const shops = new Map<PlatformId, number>();
  const sqlite = core.services!.deps.sqlite;
  const shopFor = async (platform: PlatformId) => {
    if (!shops.has(platform)) shops.set(platform, await createShop(call, platform, `模糊测试店-${platform}`));
    return shops.get(platform)!;
  };
  for (const platform of ['taobao', 'jd', 'douyin'] as const) await shopFor(platform);

  const runCase = async (job: ChildCase): Promise<{ outcome: string; problems: string[] }> => {
    const problems: string[] = [];
    const source = { kind: 'path', path: job.path } as const;
    const before = { reviews: countRows(core, 'reviews'), runs: countRows(core, 'import_runs') };
    const preview = await core.call('imports.preview', { source, platform: job.platform }, localUser);
    problems.push(...checkEnvelope('imports.preview', preview));
    if (!preview.ok) {
      if (job.valid) problems.push(`a valid export was refused by preview: ${preview.error.code} ${preview.error.message}`);
      return { outcome: `preview ${preview.error.code}: ${preview.error.message.slice(0, 160)}`, problems };
    }
    const size = JSON.stringify(preview.value).length;
    if (size > maxPreviewJson) problems.push(`preview answer is ${size} bytes of JSON (bound ${maxPreviewJson})`);
    const { suggestedMapping, missingFields, headers, encoding } = preview.value as ImportPreview;
    // Columns for the fields the headers did not name, so damaged files reach the row mapper too.
    const mapping = { ...suggestedMapping, ...Object.fromEntries(missingFields.map((field, i) => [field, headers.length > 0 ? i % headers.length : 0])) };
    if (job.label === 'csv:broken-utf8' && encoding.used !== 'utf-8') problems.push(`a UTF-8 file with a few bad bytes was decoded as ${encoding.used}`);
    const start = await core.call('imports.start', { source, platform: job.platform, shopId: await shopFor(job.platform), mapping }, localUser);
    problems.push(...checkEnvelope('imports.start', start));
    if (!start.ok) {
      const after = { reviews: countRows(core, 'reviews'), runs: countRows(core, 'import_runs') };
      if (after.reviews !== before.reviews || after.runs !== before.runs) problems.push(`a refused import stored something: ${JSON.stringify({ before, after })}`);
      if (job.valid) problems.push(`a valid export was refused by start: ${start.error.code} ${start.error.message}`);
      return { outcome: `start ${start.error.code}: ${start.error.message.slice(0, 160)}`, problems };
    }
    const run = await core.services!.imports.waitFor((start.value as { importId: number }).importId);
    const stored = countRows(core, 'reviews') - before.reviews;
    if (run.status !== 'done' && run.status !== 'failed') problems.push(`run ended as ${run.status}`);
    if (run.status === 'failed' && /unexpectedly/.test(run.message ?? '')) problems.push(`run failed without a clear reason: ${run.message}`);
    if (stored !== run.counts.inserted) problems.push(`run says ${run.counts.inserted} inserted, the database gained ${stored} reviews`);
    if (run.counts.inserted + run.counts.rejected > run.counts.read) problems.push(`counts do not add up: ${JSON.stringify(run.counts)}`);
    const replaced = (sqlite.prepare("SELECT count(*) AS n FROM reviews WHERE import_id = ? AND instr(text, char(65533)) > 0").get(run.id) as { n: number }).n;
    if (job.label === 'csv:broken-utf8' && replaced > 0 && run.notice === null) problems.push(`${replaced} review(s) stored with U+FFFD replacement characters and no notice on the run`);
    if (job.valid && (run.status !== 'done' || run.counts.inserted === 0)) problems.push(`a valid export did not import: ${run.status} ${JSON.stringify(run.counts)} ${run.message ?? ''}`);
    return { outcome: `${run.status} ${JSON.stringify(run.counts)}${run.message ? ` ${run.message.slice(0, 160)}` : ''}`, problems };
  };

  process.on('message', (job: ChildCase) => {
    // Garbage of earlier cases is not this case's memory: collect it and start a new peak.
    (globalThis as { gc?: () => void }).gc?.();
    const ownPeak = resetPeakResident();
    send({ type: 'begin', seed: job.seed, rssBytes: residentBytes('self') ?? process.memoryUsage().rss });
    const started = performance.now();
    void runCase(job)
      .catch((error: unknown) => ({ outcome: 'threw', problems: [`the call threw instead of answering: ${error instanceof Error ? error.stack : String(error)}`] }))
      .then(({ outcome, problems }) => {
        const check = sqlite.pragma('quick_check') as { quick_check: string }[];
        if (check.length !== 1 || check[0]?.quick_check !== 'ok') problems.push(`quick_check: ${JSON.stringify(check).slice(0, 300)}`);
        send({ type: 'end', seed: job.seed, outcome, problems, ms: Math.round(performance.now() - started), peakRssBytes: (ownPeak ? residentBytes('self', 'VmHWM') : null) ?? process.resourceUsage().maxRSS * 1024 });
      });
  });
  send({ type: 'ready', rssBytes: process.memoryUsage().rss });
}

void main().catch((error: unknown) => {
  console.error('[fuzz child] could not start the core', error);
  process.exit(2);
});
