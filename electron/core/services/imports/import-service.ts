import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnMapping, FileSource, ImportNotice, ImportPreview, ImportRun, MappingPreset } from '../../../../shared/contract';
import type { PlatformId } from '../../../../shared/domain/platforms';
import { reviewFields } from '../../../../shared/domain/reviews';
import { insertAudit } from '../../../../db/queries/audit';
import {
  customPresetRowId,
  deleteCustomPreset,
  findImportRun,
  finishImportRun,
  insertImportRun,
  listCustomPresets,
  listImportRuns,
  listRejects,
  saveCustomPreset,
  type ImportOrigin,
} from '../../../../db/queries/imports';
import { findShop } from '../../../../db/queries/shops';
import { csvDocument, type CsvValue } from '../../csv-writer';
import { AppError, notFound } from '../../errors';
import { dedupeHeaders, dedupeKeyDescription } from './dedupe';
import { deadRun, interruptRun, recoverDeadRuns } from './import-recovery';
import { runImport } from './import-run';
import { readLayout, type TableLayout } from './layout';
import { builtInPresets, missingFields, presetFromMapping } from './presets';
import { resolveSource, stagedPaths, stagingDir } from './source';
import { openTable, type OpenedTable, type TableOptions } from './table-reader';
import { isBlankRecord, type TableRecord } from './table-record';
import { importLimits } from './limits';
import { ReadControls } from './read-control';
import { mappingOfRun, runPresetId } from './run-mapping';
import type { RulesService } from '../rules/rules-service';
import type { ServiceDeps } from '../service-deps';

export interface ImportStartInput {
  source: FileSource;
  platform: PlatformId;
  shopId: number;
  options?: TableOptions;
  mapping: ColumnMapping;
  savePresetAs?: string;
}

/** Uploads not imported within this long are removed. */
export const stagedLifetimeMs = 24 * 3600_000;

/** Taobao and Tmall share one seller back end and one export format. */
const compatiblePlatforms = (a: PlatformId, b: PlatformId) => a === b || (['taobao', 'tmall'].includes(a) && ['taobao', 'tmall'].includes(b));

/**
 * The sample rows as the preview shows them: each cell cut to its start, shorter still when the
 * rows are wide, so the answer stays small whatever the file (the import reads whole cells).
 */
function sampleRows(records: readonly TableRecord[], width: number): string[][] {
  const rows = records.filter((record) => !isBlankRecord(record)).slice(0, 5);
  const cells = rows.reduce((sum, record) => sum + Math.max(width, record.cells.length), 0);
  const max = Math.max(20, Math.min(importLimits.previewCellChars, Math.floor(importLimits.previewSampleChars / Math.max(1, cells))));
  const cut = (cell: string) => (cell.length > max ? `${cell.slice(0, max)}…` : cell);
  return rows.map((record) => Array.from({ length: Math.max(width, record.cells.length) }, (_, index) => cut(record.cells[index] ?? '')));
}

export class ImportService {
  private readonly active = new Map<number, { controller: AbortController; done: Promise<ImportRun> }>();
  private readonly reads = new ReadControls();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly rules: RulesService,
  ) {}

  async presets(): Promise<MappingPreset[]> {
    return [...builtInPresets, ...(await listCustomPresets(this.deps.db))];
  }

  private async presetsFor(platform: PlatformId, presetId?: string): Promise<MappingPreset[]> {
    const all = await this.presets();
    const fromRun = presetId === undefined ? null : runPresetId(presetId);
    if (fromRun !== null) {
      const preset = (await mappingOfRun(this.deps.db, fromRun)).preset;
      if (!preset) throw notFound('Mapping preset', presetId!);
      return [preset];
    }
    if (presetId !== undefined) {
      const preset = all.find((candidate) => candidate.id === presetId);
      if (!preset) throw notFound('Mapping preset', presetId);
      return [preset];
    }
    // The platform's own preset first, so it wins a tie.
    return [
      ...all.filter((preset) => preset.builtIn && preset.platform === platform),
      ...all.filter((preset) => !preset.builtIn && (preset.platform === null || preset.platform === platform)),
    ];
  }

  /** Opens the table and finds its header under the read deadline (see ReadControls). */
  private async open(source: FileSource, options: TableOptions | undefined, presets: MappingPreset[], previewId?: string) {
    const resolved = resolveSource(source, this.deps.dataDir);
    return this.reads.run(
      resolved.fileName,
      previewId,
      async (signal) => {
        const table = await openTable(resolved, options, signal);
        try {
          return { table, layout: await readLayout(table, presets) };
        } catch (error) {
          await table.close();
          throw error;
        }
      },
      ({ table, layout }) => ImportService.release(table, layout),
    );
  }

  cancelPreview(previewId: string): { cancelled: boolean } {
    return this.reads.cancel(previewId);
  }

  private static async release(table: OpenedTable, layout: TableLayout) {
    await layout.rest.return(undefined);
    await table.close();
  }

  async preview(input: { source: FileSource; platform: PlatformId; options?: TableOptions; presetId?: string; previewId?: string }): Promise<ImportPreview> {
    const presets = await this.presetsFor(input.platform, input.presetId);
    const { table, layout } = await this.open(input.source, input.options, presets, input.previewId);
    try {
      const width = layout.headers.length;
      const mapping = layout.suggested.mapping;
      const mapped = new Set(Object.values(mapping));
      return {
        fileName: table.fileName,
        format: table.format,
        encoding: table.encoding,
        delimiter: table.delimiter,
        sheets: table.sheets,
        headerRow: layout.headerRow,
        headers: layout.headers,
        sampleRows: sampleRows(layout.buffered, width),
        presetId: layout.preset?.id ?? null,
        suggestedMapping: mapping,
        unmappedHeaders: layout.headers.filter((header, index) => header !== '' && !mapped.has(index)),
        missingFields: missingFields(mapping),
        dedupeKey: dedupeKeyDescription(input.platform),
        dedupe: dedupeHeaders(input.platform),
      };
    } finally {
      await ImportService.release(table, layout);
    }
  }

  /**
   * Checks the file and mapping, records the run, and imports in the background (progress and
   * the end come as events). A file that is not a table fails here, before anything is stored.
   */
  async start(input: ImportStartInput, actor: string, origin: ImportOrigin = input.source.kind === 'text' ? 'paste' : 'manual'): Promise<{ importId: number }> {
    const shop = await findShop(this.deps.db, input.shopId);
    if (!shop) throw notFound('Shop', input.shopId);
    if (!compatiblePlatforms(shop.platform, input.platform)) {
      throw new AppError('VALIDATION', `Shop "${shop.name}" is on ${shop.platform}, not ${input.platform}.`, {
        issues: [{ path: 'shopId', reason: 'platform_mismatch', message: `The shop is on ${shop.platform}.` }],
      });
    }
    const { table, layout } = await this.open(input.source, input.options, await this.presetsFor(input.platform));
    let importId: number;
    try {
      const width = layout.headers.length;
      const issues = reviewFields
        .filter((field) => typeof input.mapping[field] === 'number' && (input.mapping[field] as number) >= width)
        .map((field) => ({ path: `mapping.${field}`, reason: 'out_of_range', message: `The file has ${width} columns.` }));
      issues.push(...missingFields(input.mapping).map((field) => ({ path: `mapping.${field}`, reason: 'required', message: `Choose the column for ${field}.` })));
      if (issues.length > 0) throw new AppError('VALIDATION', 'The column mapping is incomplete.', { issues });

      const now = this.deps.clock.now();
      if (input.savePresetAs !== undefined) {
        await saveCustomPreset(this.deps.db, { name: input.savePresetAs, platform: input.platform, headers: presetFromMapping(layout.headers, input.mapping), now });
      }
      importId = await insertImportRun(this.deps.db, {
        shopId: shop.id,
        platform: shop.platform,
        fileName: table.fileName,
        origin,
        format: table.format,
        encoding: table.encoding.used,
        // With the header row, so "re-open mapping" can map another file by column name.
        mapping: { mapping: input.mapping, headers: layout.headers },
        now,
        actor,
        owner: this.deps.instance.id,
      });
    } catch (error) {
      await ImportService.release(table, layout);
      throw error;
    }

    const controller = new AbortController();
    const stagedId = input.source.kind === 'staged' ? input.source.id : null;
    const done = this.execute(importId, { table, layout, mapping: input.mapping, shop, actor, stagedId, signal: controller.signal }).finally(() =>
      this.active.delete(importId),
    );
    // Nobody may be waiting on `done` (imports started from the UI): an unhandled rejection would
    // take the whole backend down. Waiters still see the failure through their own await.
    done.catch((error: unknown) => console.error(`[import] run ${importId} could not be finished`, error));
    this.active.set(importId, { controller, done });
    this.deps.events.emit('data.changed', { domain: 'imports' });
    return { importId };
  }

  private async execute(
    importId: number,
    job: { table: OpenedTable; layout: TableLayout; mapping: ColumnMapping; shop: { id: number; name: string; platform: PlatformId }; actor: string; stagedId: string | null; signal: AbortSignal },
  ): Promise<ImportRun> {
    let status: 'done' | 'cancelled' | 'failed';
    let message: string | null = null;
    let notice: ImportNotice | null = null;
    let alerts = 0;
    try {
      const result = await runImport({
        sqlite: this.deps.sqlite,
        events: this.deps.events,
        layout: job.layout,
        mapping: job.mapping,
        rules: await this.rules.ruleSet(job.shop.id),
        context: {
          shopId: job.shop.id,
          shopName: job.shop.name,
          platform: job.shop.platform,
          importId,
          sourceFile: job.table.fileName,
          now: this.deps.clock.now(),
          actor: job.actor,
        },
        totalBytes: job.table.totalBytes,
        bytesRead: () => job.table.bytesRead(),
        signal: job.signal,
      });
      status = result.status;
      alerts = result.counts.alerts;
      const followUps = result.counts.followUpsAdded > 0 ? `${result.counts.followUpsAdded} follow-up review(s) (追评) added to reviews already stored.` : null;
      if (status === 'cancelled') {
        message = `Cancelled after ${result.counts.read} rows. Whole batches up to then were kept; importing the file again adds the rest.`;
        notice = { code: 'cancelled', params: { rows: result.counts.read } };
      } else if (result.undecodable.count > 0) {
        // Imported (a complaint with one bad byte still needs its case), but never silently.
        const { count, rows } = result.undecodable;
        const listed = `${rows.join(', ')}${count > rows.length ? ', …' : ''}`;
        const encoding = job.table.encoding.used;
        message = [
          `${count} row(s) held bytes that are not ${encoding} text (rows ${listed}); they were imported with � in their place. Check those rows in the file, or import it again choosing its encoding.`,
          followUps,
        ]
          .filter(Boolean)
          .join(' ');
        notice = { code: 'undecodable_rows', params: { count, rows: listed, encoding } };
      } else if (followUps !== null) {
        message = followUps;
        notice = { code: 'follow_ups_added', params: { count: result.counts.followUpsAdded } };
      }
    } catch (error) {
      status = 'failed';
      message =
        error instanceof AppError
          ? `${error.message} Rows before the problem were kept in whole batches.`
          : `The import failed unexpectedly (${error instanceof Error ? error.message : String(error)}). Rows before the problem were kept in whole batches.`;
      notice = { code: 'failed', params: {} };
      if (!(error instanceof AppError)) console.error('[import] failed', error);
    } finally {
      await ImportService.release(job.table, job.layout).catch(() => undefined);
      if (job.stagedId !== null) this.removeStaged(job.stagedId);
    }
    const now = this.deps.clock.now();
    // Recording the outcome must not fail silently: a run left 'running' while the app keeps
    // going would spin forever in the UI. Try twice; on start-up such a run is failed anyway.
    const record = async () => {
      await finishImportRun(this.deps.db, importId, { status, message, notice, now });
      insertAudit(this.deps.sqlite, { at: now, actor: job.actor, action: 'imports.finish', entity: 'import', entityId: importId, after: { status, message } });
    };
    await record().catch(async (error: unknown) => {
      console.error('[import] recording the outcome failed; retrying once', error);
      await new Promise((resolve) => setTimeout(resolve, 250));
      await record();
    });
    this.deps.events.emit('import.finished', { importId, status, message });
    this.deps.events.emit('data.changed', { domain: 'imports' });
    this.deps.events.emit('data.changed', { domain: 'reviews' });
    if (alerts > 0) this.deps.events.emit('data.changed', { domain: 'alerts' });
    return (await findImportRun(this.deps.db, importId))!;
  }

  /** Stops a run of this process; a run whose process died is marked interrupted instead (nobody else can end it). */
  async cancel(importId: number, actor = 'system'): Promise<{ cancelled: boolean; interrupted?: boolean }> {
    const job = this.active.get(importId);
    if (job) {
      if (job.controller.signal.aborted) return { cancelled: false };
      job.controller.abort();
      return { cancelled: true };
    }
    const orphan = await deadRun(this.deps, importId, (id) => this.active.has(id));
    if (orphan && (await interruptRun(this.deps, orphan, actor))) return { cancelled: true, interrupted: true };
    return { cancelled: false };
  }

  /** The finished run; resolves at once for a run that is not in progress. */
  async waitFor(importId: number): Promise<ImportRun> {
    const job = this.active.get(importId);
    if (job) return job.done;
    const run = await findImportRun(this.deps.db, importId);
    if (!run) throw notFound('Import', importId);
    return run;
  }

  /** The mapping an earlier run used (see `run-mapping.ts`). */
  mappingOf(importId: number) {
    return mappingOfRun(this.deps.db, importId);
  }

  list(page: { limit?: number; offset?: number } = {}): Promise<{ items: ImportRun[]; total: number }> {
    return listImportRuns(this.deps.db, { limit: page.limit ?? 50, offset: page.offset ?? 0 });
  }

  async get(importId: number): Promise<ImportRun> {
    const run = await findImportRun(this.deps.db, importId);
    if (!run) throw notFound('Import', importId);
    return run;
  }

  async rejects(importId: number, offset = 0, limit = 100) {
    await this.get(importId);
    return listRejects(this.deps.db, importId, offset, limit);
  }

  /**
   * The report as CSV (csv-writer.ts: BOM, quoting, formula cells defused): a summary line, then
   * row, code, reason and the raw cells. The raw cells are text as the file held them; only the
   * row number is a number column.
   */
  async exportReport(importId: number): Promise<{ fileName: string; csv: string }> {
    const run = await this.get(importId);
    const { items } = await listRejects(this.deps.db, importId, 0, Number.MAX_SAFE_INTEGER);
    const columns: string[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      for (const key of Object.keys(item.raw)) {
        if (seen.has(key)) continue;
        seen.add(key);
        columns.push(key);
      }
    }
    // One cell, so a file name with line breaks or a formula stays inside it.
    const summary = `# ${run.fileName}: read ${run.counts.read}, inserted ${run.counts.inserted}, duplicates ${run.counts.duplicates}, rejected ${run.counts.rejected}`;
    const notices: CsvValue[][] = run.notice?.code === 'undecodable_rows' && run.message ? [[`# Notice: ${run.message}`]] : [];
    const rows: CsvValue[][] = [[summary], ...notices, ['行号 Row', '代码 Code', '原因 Reason', ...columns]];
    for (const item of items) rows.push([item.rowNumber, item.code, item.reason, ...columns.map((column) => item.raw[column] ?? '')]);
    return { fileName: `import-${importId}-report.csv`, csv: csvDocument(rows) };
  }

  async deletePreset(id: string, actor: string): Promise<{ id: string }> {
    const rowId = customPresetRowId(id);
    if (rowId === null) {
      if (builtInPresets.some((preset) => preset.id === id)) throw new AppError('CONFLICT', 'Built-in presets cannot be deleted.');
      throw notFound('Mapping preset', id);
    }
    if (!(await deleteCustomPreset(this.deps.db, rowId))) throw notFound('Mapping preset', id);
    insertAudit(this.deps.sqlite, { at: this.deps.clock.now(), actor, action: 'imports.deletePreset', entity: 'mapping_preset', entityId: id });
    this.deps.events.emit('data.changed', { domain: 'imports' });
    return { id };
  }

  /** At every start, and now and then while running: runs left 'running' by a process that died are marked interrupted. */
  async recoverInterrupted(options: { includeOwn?: boolean } = {}): Promise<number[]> {
    return recoverDeadRuns(this.deps, options);
  }

  /** Best effort: a staged upload held open elsewhere (antivirus on Windows) is swept a day later. */
  private removeStaged(id: string) {
    const paths = stagedPaths(this.deps.dataDir, id);
    try {
      rmSync(paths.data, { force: true });
      rmSync(paths.meta, { force: true });
    } catch (error) {
      console.warn('[import] staged upload not removed yet', error);
    }
  }

  /** Removes uploads older than a day that no import took. */
  sweepStaging(): number {
    let removed = 0;
    let names: string[];
    try {
      names = readdirSync(stagingDir(this.deps.dataDir));
    } catch {
      return 0;
    }
    const cutoff = Date.now() - stagedLifetimeMs;
    for (const name of names) {
      const path = join(stagingDir(this.deps.dataDir), name);
      try {
        if (statSync(path).mtimeMs < cutoff) {
          rmSync(path, { force: true });
          removed++;
        }
      } catch {
        // Gone already.
      }
    }
    return removed;
  }

  /** Stops running imports at the next batch boundary and waits for them to record how they ended. */
  async close(): Promise<void> {
    this.reads.cancelAll();
    const jobs = [...this.active.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.allSettled(jobs.map((job) => job.done));
  }
}

