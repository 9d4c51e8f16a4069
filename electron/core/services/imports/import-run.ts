import type { Sqlite } from '../../../../db/connection';
import { optimizeAfterBulkInsert } from '../../../../db/queries/imports';
import type { ColumnMapping } from '../../../../shared/contract';
import type { EventBus } from '../../event-bus';
import { createRowMapper, type RowReject } from './map-row';
import { flagBursts, flagSharedDevices } from './pattern-flags';
import { prepareReview, type RuleSet } from './prepare-review';
import { ReviewWriter, type PreparedReview, type WriteContext } from './review-writer';
import type { TableLayout } from './layout';
import { isBlankRecord, type TableRecord } from './table-record';

/**
 * A batch should hold the database for about this long: under the 50 ms budget with room for
 * jitter. Bigger batches are much cheaper per row (each commit flushes the trigram index), so
 * the target is not set lower than it needs to be.
 */
const targetBatchMs = 20;
const minBatch = 100;
const maxBatch = 5000;
const progressEveryMs = 250;
/**
 * Alerts are all stored, but only this many per import become `review.alert` events: a first
 * import of a year of reviews must not turn into thousands of desktop notifications.
 */
export const alertEventsPerImport = 20;

export interface ImportRunResult {
  status: 'done' | 'cancelled';
  counts: { read: number; inserted: number; duplicates: number; rejected: number; casesOpened: number; alerts: number; followUpsAdded: number };
  /** Rows whose decoding left replacement characters: how many, and the first row numbers. */
  undecodable: { count: number; rows: number[] };
}

/** Row numbers of undecodable rows named in the run's notice. */
const undecodableRowsListed = 20;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads, maps, classifies and writes an opened table in short batched transactions, yielding
 * between batches so other calls interleave. Cancelling stops before the next batch: what was
 * committed is whole batches, never part of one.
 */
export async function runImport(options: {
  sqlite: Sqlite;
  events: EventBus;
  layout: TableLayout;
  mapping: ColumnMapping;
  rules: RuleSet;
  context: WriteContext & { importId: number };
  totalBytes: number | null;
  bytesRead: () => number;
  signal: AbortSignal;
}): Promise<ImportRunResult> {
  const { sqlite, events, layout, context, signal } = options;
  const mapRow = createRowMapper(layout.headers, options.mapping);
  const writer = new ReviewWriter(sqlite);
  const counts = { read: 0, inserted: 0, duplicates: 0, rejected: 0, casesOpened: 0, alerts: 0, followUpsAdded: 0 };
  const products = new Set<string>();
  const ips = new Set<string>();
  const devices = new Set<string>();
  let rows: PreparedReview[] = [];
  let rejects: RowReject[] = [];
  let batchSize = 1000;
  let alertEvents = 0;
  let lastProgress = 0;
  const undecodable = { count: 0, rows: [] as number[] };

  const progress = (phase: 'reading' | 'writing' | 'indexing', force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < progressEveryMs) return;
    lastProgress = now;
    events.emit('import.progress', {
      importId: context.importId,
      phase,
      bytesRead: options.bytesRead(),
      totalBytes: options.totalBytes,
      rowsRead: counts.read,
      inserted: counts.inserted,
      duplicates: counts.duplicates,
      rejected: counts.rejected,
    });
  };

  const flush = async () => {
    if (rows.length === 0 && rejects.length === 0) return;
    const started = performance.now();
    const result = writer.write(context, rows, rejects);
    const elapsed = performance.now() - started;
    // Move halfway (geometrically) towards the size that would have taken targetBatchMs, so one
    // slow or fast batch (GC, another query holding the lock) does not swing the size.
    const proposed = (rows.length + rejects.length) * (targetBatchMs / Math.max(elapsed, 0.1));
    batchSize = Math.round(Math.min(maxBatch, Math.max(minBatch, Math.sqrt(batchSize * proposed))));
    counts.read += rows.length + rejects.length;
    counts.inserted += result.inserted;
    counts.duplicates += result.duplicates;
    counts.rejected += rejects.length;
    counts.casesOpened += result.casesOpened;
    counts.alerts += result.alerts.length;
    counts.followUpsAdded += result.followUpsAdded;
    for (const negative of result.negatives) {
      if (negative.product !== null) products.add(negative.product);
      if (negative.buyerIp !== null) ips.add(negative.buyerIp);
      if (negative.deviceId !== null) devices.add(negative.deviceId);
    }
    for (const alert of result.alerts) {
      if (alertEvents++ < alertEventsPerImport) events.emit('review.alert', alert);
    }
    rows = [];
    rejects = [];
    progress('writing');
    await yieldToOthers();
  };

  const take = (records: Iterable<TableRecord>) => {
    for (const record of records) {
      if (isBlankRecord(record) && !record.truncated) continue;
      if (record.undecodable) {
        undecodable.count++;
        if (undecodable.rows.length < undecodableRowsListed) undecodable.rows.push(record.rowNumber);
      }
      const outcome = mapRow(record);
      if (outcome.ok) rows.push(prepareReview(outcome.draft, options.rules));
      else rejects.push(outcome.reject);
    }
  };

  take(layout.buffered);
  for await (const records of layout.rest) {
    if (signal.aborted) break;
    // Rows of a chunk are mapped in slices so one batch never grows far past its size.
    for (let start = 0; start < records.length; ) {
      const end = Math.min(records.length, start + batchSize);
      take(records.slice(start, end));
      start = end;
      if (rows.length + rejects.length >= batchSize) {
        // Mapping and classifying a batch is work of its own: yield before writing it, so other
        // calls never wait for both in one piece.
        await yieldToOthers();
        if (signal.aborted) break;
        await flush();
      }
    }
    progress('reading');
  }
  if (signal.aborted) return { status: 'cancelled', counts, undecodable };
  await flush();

  progress('indexing', true);
  const now = context.now;
  for (const product of products) {
    flagBursts(sqlite, context.shopId, [product], now);
    await yieldToOthers();
  }
  flagSharedDevices(sqlite, context.shopId, { ips, devices }, now);
  if (counts.inserted > 10_000) optimizeAfterBulkInsert(sqlite);
  progress('indexing', true);
  return { status: 'done', counts, undecodable };
}
