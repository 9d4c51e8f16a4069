import type { Selectable } from 'kysely';
import type { ImportNotice, ImportRun, MappingPreset } from '../../shared/contract';
import type { PlatformId } from '../../shared/domain/platforms';
import type { ImportRunsTable, MappingPresetsTable } from '../schema';
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
  values: { shopId: number; platform: PlatformId; fileName: string; origin: ImportOrigin; format: string | null; encoding: string | null; mapping: unknown; now: number; actor: string; status?: ImportStatus; message?: string | null; notice?: ImportNotice | null },
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImportRun(db: Executor, id: number): Promise<ImportRun | undefined> {
  const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toImportRun(row) : undefined;
}

export async function listImportRuns(db: Executor, limit: number): Promise<ImportRun[]> {
  const rows = await db.selectFrom('import_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toImportRun);
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

/** Runs left 'running' by a crash: whole batches were committed, the rest never was. */
export async function failInterruptedRuns(db: Executor, now: number): Promise<number> {
  const result = await db
    .updateTable('import_runs')
    .set({
      status: 'failed',
      finished_at: now,
      message: 'The app stopped during this import. Whole batches up to that point were kept; import the file again to add the rest (rows already stored are skipped).',
      notice_json: JSON.stringify({ code: 'interrupted', params: {} } satisfies ImportNotice),
    })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
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
