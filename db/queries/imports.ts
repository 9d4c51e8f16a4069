import type { Selectable } from 'kysely';
import type { ColumnMapping, ImportNotice, ImportRun, MappingPreset } from '../../shared/contract';
import type { PlatformId } from '../../shared/domain/platforms';
import type { Sqlite } from '../connection';
import type { ImportRunsTable, MappingPresetsTable } from '../schema';
import { prepareCached, type CachedStatement } from '../statement-cache';
import type { Executor } from './executor';

export type ImportOrigin = ImportRun['origin'];
export type ImportStatus = ImportRun['status'];

function toImportRun(row: Selectable<ImportRunsTable>): ImportRun {
  return {
    id: row.id,
    fileName: row.file_name,
    platform: row.platform as PlatformId,
    shopId: row.shop_id,
    status: row.status as ImportStatus,
    counts: {
      read: row.read_count,
      inserted: row.inserted_count,
      duplicates: row.duplicate_count,
      rejected: row.rejected_count,
      casesOpened: row.cases_opened,
      alerts: row.alerts_count,
    },
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    message: row.message,
    notice: row.notice_json === null ? null : (JSON.parse(row.notice_json) as ImportNotice),
    origin: row.origin as ImportOrigin,
  };
}

export async function insertImportRun(
  db: Executor,
  values: {
    shopId: number;
    platform: PlatformId;
    fileName: string;
    origin: ImportOrigin;
    format: string | null;
    encoding: string | null;
    mapping: unknown;
    now: number;
    actor: string;
    status?: ImportStatus;
    message?: string | null;
    notice?: ImportNotice | null;
    /** The process instance that runs it; only for runs that start 'running'. */
    owner?: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('import_runs')
    .values({
      shop_id: values.shopId,
      platform: values.platform,
      file_name: values.fileName,
      origin: values.origin,
      status: values.status ?? 'running',
      format: values.format,
      encoding: values.encoding,
      mapping_json: JSON.stringify(values.mapping ?? {}),
      started_at: values.now,
      finished_at: values.status && values.status !== 'running' ? values.now : null,
      message: values.message ?? null,
      notice_json: values.notice ? JSON.stringify(values.notice) : null,
      actor: values.actor,
      owner_instance: values.owner ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImportRun(db: Executor, id: number): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toImportRun(row) : undefined;
}

/** One page of runs, newest first, and how many there are in all. */
export async function listImportRuns(db: Executor, page: { limit: number; offset?: number }): Promise<{ items: ImportRun[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.selectFrom('import_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset ?? 0).execute(),
    db.selectFrom('import_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toImportRun), total: Number(count.n) };
}

/**
 * The column mapping a run used. Runs record `{ mapping, headers }` (the file's header row, so
 * the mapping can be found again by column name in another file); older runs recorded the bare
 * mapping by column index, and a run that failed before reading its file an empty one.
 */
export async function findRunMapping(
  db: Executor,
  id: number,
): Promise<{ run: ImportRun; mapping: ColumnMapping; headers: string[] | null } | undefined> {
  const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const stored = JSON.parse(row.mapping_json) as unknown;
  const recorded = stored !== null && typeof stored === 'object' && 'mapping' in stored && 'headers' in stored && Array.isArray(stored.headers);
  return recorded
    ? { run: toImportRun(row), mapping: (stored as { mapping: ColumnMapping }).mapping, headers: (stored as { headers: string[] }).headers }
    : { run: toImportRun(row), mapping: (stored ?? {}) as ColumnMapping, headers: null };
}

export async function finishImportRun(
  db: Executor,
  id: number,
  values: { status: Exclude<ImportStatus, 'running'>; message: string | null; notice: ImportNotice | null; now: number },
) {
  await db
    .updateTable('import_runs')
    .set({ status: values.status, message: values.message, notice_json: values.notice ? JSON.stringify(values.notice) : null, finished_at: values.now })
    .where('id', '=', id)
    .execute();
}

/** A run still marked 'running', with whose it is and how far it got (whole batches are counted as they commit). */
export interface RunningRun {
  id: number;
  owner: string | null;
  counts: ImportRun['counts'];
}

export async function listRunningRuns(db: Executor): Promise<RunningRun[]> {
  const rows = await db.selectFrom('import_runs').selectAll().where('status', '=', 'running').orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, owner: row.owner_instance, counts: toImportRun(row).counts }));
}

/**
 * Marks a run whose process died: failed, with the reason and notice given. Only while it is still
 * 'running', so a run that finished meanwhile keeps its outcome; true when it was marked.
 */
export async function markRunInterrupted(db: Executor, id: number, values: { now: number; message: string; notice: ImportNotice }): Promise<boolean> {
  const result = await db
    .updateTable('import_runs')
    .set({ status: 'failed', finished_at: values.now, message: values.message, notice_json: JSON.stringify(values.notice) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listRejects(db: Executor, importId: number, offset: number, limit: number) {
  const [total, rows] = await Promise.all([
    db.selectFrom('import_rejects').select((eb) => eb.fn.countAll<number>().as('n')).where('import_id', '=', importId).executeTakeFirstOrThrow(),
    db.selectFrom('import_rejects').selectAll().where('import_id', '=', importId).orderBy('row_number').orderBy('id').offset(offset).limit(limit).execute(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((row) => ({ rowNumber: row.row_number, code: row.code, reason: row.reason, raw: JSON.parse(row.raw_json) as Record<string, string> })),
  };
}

const customPresetPrefix = 'custom-';

function toPreset(row: Selectable<MappingPresetsTable>): MappingPreset {
  return {
    id: `${customPresetPrefix}${row.id}`,
    name: row.name,
    platform: row.platform as PlatformId | null,
    builtIn: false,
    headers: JSON.parse(row.headers_json) as MappingPreset['headers'],
  };
}

/** The row id behind a custom preset's public id, or null for a built-in or malformed id. */
export function customPresetRowId(id: string): number | null {
  const match = new RegExp(`^${customPresetPrefix}(\\d+)$`).exec(id);
  return match ? Number(match[1]) : null;
}

export async function listCustomPresets(db: Executor): Promise<MappingPreset[]> {
  const rows = await db.selectFrom('mapping_presets').selectAll().orderBy('name').execute();
  return rows.map(toPreset);
}

/** Saving under an existing name replaces that preset: the name is how people pick it. */
export async function saveCustomPreset(db: Executor, values: { name: string; platform: PlatformId | null; headers: MappingPreset['headers']; now: number }): Promise<MappingPreset> {
  const headers_json = JSON.stringify(values.headers);
  const row = await db
    .insertInto('mapping_presets')
    .values({ name: values.name, platform: values.platform, headers_json, created_at: values.now, updated_at: values.now })
    .onConflict((oc) => oc.column('name').doUpdateSet({ platform: values.platform, headers_json, updated_at: values.now }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPreset(row);
}

export async function deleteCustomPreset(db: Executor, rowId: number): Promise<boolean> {
  const result = await db.deleteFrom('mapping_presets').where('id', '=', rowId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The run that imported a review, if it came from a file. */
export function findImportRunOfReview(sqlite: Sqlite, reviewId: number): { id: number; actor: string; fileName: string } | undefined {
  return prepareCached(sqlite, 'SELECT i.id, i.actor, i.file_name AS fileName FROM reviews r JOIN import_runs i ON i.id = r.import_id WHERE r.id = ?').get(reviewId) as
    | { id: number; actor: string; fileName: string }
    | undefined;
}

type ReviewInsertName = 'insertReview' | 'addFollowUp' | 'insertCase' | 'insertFlag' | 'insertAlert' | 'insertReject' | 'addRunCounts';

/**
 * The importer's statements, prepared once per writer and run row by row inside its batch
 * transaction: the bulk path does no per-row lookup or compilation. Parameters in column order.
 */
export function prepareReviewInserts(sqlite: Sqlite): Record<ReviewInsertName, CachedStatement> {
  return {
    /** RETURNING id; no row when the shop already has a review with this dedupe key. */
    insertReview: prepareCached(
      sqlite,
      `INSERT INTO reviews (shop_id, platform, dedupe_key, platform_review_id, order_no, product, sku, rating, level, text,
        follow_up_text, images_count, buyer_nick, buyer_ip, device_id, posted_at, imported_at, import_id, source_file)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (shop_id, dedupe_key) DO NOTHING
      RETURNING id`,
    ),
    /** A follow-up (追评) written after the first export arrives in a later one: add it, change nothing else. RETURNING id. */
    addFollowUp: prepareCached(sqlite, `UPDATE reviews SET follow_up_text = ? WHERE shop_id = ? AND dedupe_key = ? AND follow_up_text IS NULL RETURNING id`),
    insertCase: prepareCached(
      sqlite,
      `INSERT INTO cases (review_id, shop_id, level, posted_at, status, category, category_source, category_rule_id,
        category_rule_name, category_words_json, category_explanation_json, needs_review, severity, opened_at, updated_at)
      VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertFlag: prepareCached(sqlite, `INSERT OR IGNORE INTO review_flags (review_id, type, evidence, params_json, created_at) VALUES (?, ?, ?, ?, ?)`),
    /** RETURNING id. */
    insertAlert: prepareCached(sqlite, `INSERT INTO alerts (review_id, rule_id, rule_name, matched_words_json, at, kind) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`),
    insertReject: prepareCached(sqlite, `INSERT INTO import_rejects (import_id, row_number, code, reason, raw_json) VALUES (?, ?, ?, ?, ?)`),
    /** Adds a batch's counts to its run: read, inserted, duplicates, rejected, cases, alerts; then the run id. */
    addRunCounts: prepareCached(
      sqlite,
      `UPDATE import_runs SET read_count = read_count + ?, inserted_count = inserted_count + ?, duplicate_count = duplicate_count + ?,
        rejected_count = rejected_count + ?, cases_opened = cases_opened + ?, alerts_count = alerts_count + ?
      WHERE id = ?`,
    ),
  };
}

export type ReviewInserts = ReturnType<typeof prepareReviewInserts>;

/** After a big import: lets SQLite refresh the statistics its planner uses. */
export function optimizeAfterBulkInsert(sqlite: Sqlite): void {
  sqlite.pragma('optimize');
}

/** A bad review of a product and whether its buyer reviewed in the shop before it. */
export interface BurstCandidate {
  id: number;
  postedAt: number;
  buyer: string | null;
  seenBefore: number;
}

/** The shop's bad reviews of a product, oldest first, for the burst flag. */
export function listBurstCandidates(sqlite: Sqlite, shopId: number, product: string): BurstCandidate[] {
  return prepareCached(
    sqlite,
    `SELECT r.id, r.posted_at AS postedAt, r.buyer_nick AS buyer,
      EXISTS (SELECT 1 FROM reviews p WHERE p.shop_id = r.shop_id AND p.buyer_nick = r.buyer_nick AND p.posted_at < r.posted_at) AS seenBefore
    FROM reviews r
    WHERE r.shop_id = ? AND r.product = ? AND r.level = 'bad'
    ORDER BY r.posted_at, r.id`,
  ).all(shopId, product) as BurstCandidate[];
}

/** Sets (or replaces) a review's burst flag. */
export function putBurstFlag(sqlite: Sqlite, reviewId: number, evidence: string, paramsJson: string, now: number): void {
  prepareCached(sqlite, `INSERT OR REPLACE INTO review_flags (review_id, type, evidence, params_json, created_at) VALUES (?, 'burst', ?, ?, ?)`).run(
    reviewId,
    evidence,
    paramsJson,
    now,
  );
}

const sharedColumn = { ip: 'buyer_ip', device: 'device_id' } as const;

/** Distinct buyer nicks (at most `limit`) that wrote reviews in the shop from this IP or device. */
export function listBuyersSharing(sqlite: Sqlite, shopId: number, kind: 'ip' | 'device', value: string, limit: number): string[] {
  const column = sharedColumn[kind];
  const rows = prepareCached(sqlite, `SELECT DISTINCT buyer_nick AS nick FROM reviews WHERE shop_id = ? AND ${column} = ? AND buyer_nick IS NOT NULL LIMIT ?`).all(
    shopId,
    value,
    limit,
  ) as { nick: string }[];
  return rows.map((row) => row.nick);
}

/** Sets (or replaces) the same-device flag on the shop's neutral and bad reviews from this IP or device; returns how many. */
export function putSharedDeviceFlags(sqlite: Sqlite, shopId: number, kind: 'ip' | 'device', value: string, flag: { evidence: string; paramsJson: string; now: number }): number {
  const column = sharedColumn[kind];
  return prepareCached(
    sqlite,
    `INSERT OR REPLACE INTO review_flags (review_id, type, evidence, params_json, created_at)
     SELECT id, 'same_device', ?, ?, ? FROM reviews WHERE shop_id = ? AND ${column} = ? AND level <> 'good'`,
  ).run(flag.evidence, flag.paramsJson, flag.now, shopId, value).changes;
}
