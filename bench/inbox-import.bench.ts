import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCore } from '../electron/core/core';
import { RecordingPlatform } from '../electron/core/platform';
import { createRowMapper } from '../electron/core/services/imports/map-row';
import { CsvTokenizer } from '../electron/core/services/imports/csv-tokenizer';
import { prepareReview } from '../electron/core/services/imports/prepare-review';
import { ReviewWriter } from '../electron/core/services/imports/review-writer';
import type { TableRecord } from '../electron/core/services/imports/table-record';
import { benchHeaders, percentile, writeBenchExport } from './inbox-data';
import { readFileSync } from 'node:fs';
import type { Bench, BenchResult, Report } from './run';

const rowsToImport = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);

async function newCore(dataDir: string) {
  const core = await startCore({ dataDir, platform: new RecordingPlatform(), version: 'bench', validateOutput: false, background: false, log: () => {} });
  const shop = (await core.call('shops.create', { platform: 'taobao', name: '基准店' })) as { ok: true; value: { id: number } };
  return { core, shopId: shop.value.id };
}

export const inboxImportBench: Bench = { name: 'inboxImport', title: `inbox import of ${rowsToImport.toLocaleString('en')} rows`, run: runInboxImportBench };

/**
 * Import of generated review rows end to end (decode, parse, map, classify, insert, index) against
 * a raw better-sqlite3 insert of the same rows, already parsed and mapped, into the same tables
 * with the same indexes and triggers, in the same run. The ratio is raw time / pipeline time.
 */
async function runInboxImportBench(report: Report): Promise<BenchResult> {
  const root = mkdtempSync(join(tmpdir(), 'reviewdesk-bench-import-'));
  try {
    const file = join(root, 'export.csv');
    await writeBenchExport(file, rowsToImport);

    // Rows for the raw insert, parsed and prepared outside the timing.
    const tokenizer = new CsvTokenizer(',');
    const records: TableRecord[] = [];
    tokenizer.push(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), records);
    tokenizer.finish(records);
    const mapping = Object.fromEntries(['orderNo', 'text', 'postedAt', 'rating', 'buyerNick', 'product', 'sku', 'followUpText', 'imagesCount'].map((field, index) => [field, index]));
    const mapRow = createRowMapper(benchHeaders, mapping);

    const raw = await newCore(join(root, 'raw'));
    const rules = await raw.core.services!.rules.ruleSet();
    const prepared = records.slice(1).map((record) => {
      const outcome = mapRow(record);
      if (!outcome.ok) throw new Error(`bench row rejected: ${outcome.reject.reason}`);
      return prepareReview(outcome.draft, rules);
    });
    await raw.core.close();
    const sqlite = new Database(join(root, 'raw', 'reviewdesk.sqlite'));
    // The app's pragmas (db/connection.ts), foreign keys included: same tables, same checks.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const insertReview = sqlite.prepare(`INSERT INTO reviews (shop_id, platform, dedupe_key, platform_review_id, order_no, product, sku, rating, level, text,
      follow_up_text, images_count, buyer_nick, buyer_ip, device_id, posted_at, imported_at, import_id, source_file)
      VALUES (?, 'taobao', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, 1, NULL, 'export.csv')`);
    const insertCase = sqlite.prepare(`INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'rule', ?, 1, 1)`);
    // The same derived rows the pipeline stores: alerts and flags are part of "the same tables".
    const insertAlert = sqlite.prepare(`INSERT INTO alerts (review_id, rule_id, rule_name, matched_words_json, at) VALUES (?, ?, ?, ?, 1)`);
    const insertFlag = sqlite.prepare(`INSERT INTO review_flags (review_id, type, evidence, created_at) VALUES (?, ?, ?, 1)`);
    // Every case also gets its SLA timers (case_sla, two targets, the 'opened' history entry and
    // cases.due_at), as the pipeline writes them: same rows, same tables.
    const versionOf = sqlite.prepare(
      `SELECT v.id, v.first_response_minutes AS first, v.resolution_minutes AS resolution FROM sla_policies p JOIN sla_policy_versions v ON v.id = p.current_version_id
       WHERE p.category = ? AND p.shop_id IS NULL AND p.platform IS NULL`,
    );
    const versions = new Map<string, { id: number; first: number; resolution: number }>();
    const policyFor = (category: string) => {
      let version = versions.get(category);
      if (!version) versions.set(category, (version = versionOf.get(category) as { id: number; first: number; resolution: number }));
      return version;
    };
    const insertSla = sqlite.prepare('INSERT INTO case_sla (case_id, policy_version_id, started_at) VALUES (?, ?, 1)');
    const insertTarget = sqlite.prepare(
      `INSERT INTO case_sla_targets (case_id, target, target_ms, business_hours, due_at, points_json, met_at, next_fire_at) VALUES (?, ?, ?, 1, ?, ?, NULL, ?)`,
    );
    const insertOpened = sqlite.prepare(`INSERT INTO case_events (case_id, at, kind, target, percent, due_at, late, actor, detail) VALUES (?, 1, 'opened', NULL, NULL, NULL, 0, 'system', 'v1')`);
    const setDue = sqlite.prepare('UPDATE cases SET due_at = ? WHERE id = ?');
    const batch = 1000;
    const rawStarted = performance.now();
    for (let start = 0; start < prepared.length; start += batch) {
      sqlite.transaction(() => {
        for (const row of prepared.slice(start, start + batch)) {
          const d = row.draft;
          const { lastInsertRowid } = insertReview.run(raw.shopId, row.dedupeKey, d.orderNo, d.product, d.sku, d.rating, d.level, d.text, d.followUpText, d.imagesCount, d.buyerNick, d.postedAt);
          if (row.opensCase) {
            const caseId = insertCase.run(lastInsertRowid, raw.shopId, d.level, d.postedAt, row.opensCase.decision.category, row.opensCase.severity).lastInsertRowid;
            const policy = policyFor(row.opensCase.decision.category);
            insertSla.run(caseId, policy.id);
            for (const [target, minutes] of [['first_response', policy.first], ['resolution', policy.resolution]] as const) {
              const due = 1 + minutes * 60_000;
              const points = [50, 80].map((percent) => ({ point: `warn${percent}`, percent, at: 1 + (minutes * 60_000 * percent) / 100 }));
              insertTarget.run(caseId, target, minutes * 60_000, due, JSON.stringify([...points, { point: 'breach', percent: null, at: due }]), points[0]!.at);
            }
            insertOpened.run(caseId);
            setDue.run(1 + policy.first * 60_000, caseId);
          }
          for (const alert of row.alerts) insertAlert.run(lastInsertRowid, alert.ruleId, alert.ruleName, JSON.stringify(alert.matchedWords));
          for (const flag of row.flags) insertFlag.run(lastInsertRowid, flag.type, flag.evidence);
        }
      })();
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    sqlite.close();
    report(`raw better-sqlite3 insert of the same prepared rows (reviews, cases, SLA timers, alerts, flags): ${rawSeconds.toFixed(2)} s, ${Math.round(rowsToImport / rawSeconds).toLocaleString('en')} rows/s`);

    // How long each batch held the database (the UI's queries wait that long at most).
    const batchMs: number[] = [];
    const write = ReviewWriter.prototype.write;
    ReviewWriter.prototype.write = function (this: ReviewWriter, ...args: Parameters<ReviewWriter['write']>) {
      const started = performance.now();
      try {
        return write.apply(this, args);
      } finally {
        batchMs.push(performance.now() - started);
      }
    };
    const pipeline = await newCore(join(root, 'pipeline'));
    const source = { kind: 'path' as const, path: file };
    const started = performance.now();
    const preview = (await pipeline.core.call('imports.preview', { source, platform: 'taobao' }, { trusted: true })) as { ok: true; value: { suggestedMapping: object } };
    const startedImport = (await pipeline.core.call('imports.start', { source, platform: 'taobao', shopId: pipeline.shopId, mapping: preview.value.suggestedMapping }, { trusted: true })) as {
      ok: true;
      value: { importId: number };
    };
    const run = await pipeline.core.services!.imports.waitFor(startedImport.value.importId);
    const pipelineSeconds = (performance.now() - started) / 1000;
    await pipeline.core.close();
    ReviewWriter.prototype.write = write;

    report(`pipeline (decode, parse, map, classify, insert, index): ${pipelineSeconds.toFixed(2)} s, ${Math.round(rowsToImport / pipelineSeconds).toLocaleString('en')} rows/s (${run.counts.casesOpened} cases, ${run.counts.alerts} alerts)`);
    const ratio = rawSeconds / pipelineSeconds;
    report(`ratio raw/pipeline: ${ratio.toFixed(2)} (target ≥ 0.6)`);
    report(`batches: ${batchMs.length}, time holding the database per batch p50 ${percentile(batchMs, 50).toFixed(1)} ms, p95 ${percentile(batchMs, 95).toFixed(1)} ms, max ${Math.max(...batchMs).toFixed(1)} ms (budget 50 ms)`);
    if (run.counts.inserted !== rowsToImport) report(`inserted ${run.counts.inserted.toLocaleString('en')} of ${rowsToImport.toLocaleString('en')} rows`);
    return { ok: run.counts.inserted === rowsToImport && ratio >= 0.6 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
