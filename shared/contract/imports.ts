import { z } from 'zod';
import { encodingConfidences, encodingReasons, textEncodings } from '../domain/reviews';
import { mutation, noInput, query } from './method';
import { id, platformId, timestamp } from './common';
import { reviewField } from './reviews';
import { vouchedSource } from './files';

// Importing platform review exports (files, uploads, pasted tables).

const pathSource = z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict();
const stagedSource = z.object({ kind: z.literal('staged'), id: z.string().regex(/^[a-f0-9-]{8,64}$/) }).strict();
const textSource = z.object({ kind: z.literal('text'), text: z.string().min(1).max(5_000_000) }).strict();

/**
 * What the backend reads from. `path`: a file on this computer (the watched folder, the CLI, a
 * redeemed `vouched` token). `staged`: bytes the browser harness uploaded with `POST /upload`
 * (answers `{ id }`). `text`: rows pasted from a web table (tab-separated).
 */
export const fileSource = z.discriminatedUnion('kind', [pathSource, stagedSource, textSource]);

export type FileSource = z.infer<typeof fileSource>;

/**
 * A source as a caller names it. `vouched`: a file the Electron main process vouched for (its
 * picker or a drop, see `files.ts`). `path` is accepted only from the local user (the CLI, tests
 * in-process); from the window or a browser it is refused with FORBIDDEN.
 */
export const sourceInput = z.discriminatedUnion('kind', [pathSource, stagedSource, textSource, vouchedSource]);

export type SourceInput = z.infer<typeof sourceInput>;

/** Column index (0-based, in the header row) for each field, or null when the file lacks it. */
export const columnMapping = z.partialRecord(reviewField, z.number().int().min(0).nullable());

export type ColumnMapping = z.infer<typeof columnMapping>;

export const parseOptions = z
  .object({
    /** 'auto' detects (BOM, then UTF-8 over the whole sample, else GB18030); the user can override. */
    encoding: z.enum(['auto', ...textEncodings]).optional(),
    delimiter: z.enum(['auto', ',', '\t', ';', '|']).optional(),
    /** XLSX: which sheet; default the first. */
    sheet: z.string().max(100).optional(),
  })
  .strict();

export const importPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'tsv', 'xlsx', 'text']),
  /**
   * The encoding detected and the one used (they differ when the user chose), how sure the
   * detection is and why (`invalidUtf8`: bad UTF-8 sequences in the `sampleBytes` looked at).
   */
  encoding: z.object({
    detected: z.string(),
    used: z.string(),
    confidence: z.enum(encodingConfidences),
    reason: z.enum(encodingReasons),
    invalidUtf8: z.number().int(),
    sampleBytes: z.number().int(),
  }),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  /** 1-based row number of the header row in the file. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** First rows after the header (and after any sub-header row), raw cell text; a long cell shows its start and `…`. */
  sampleRows: z.array(z.array(z.string())),
  /** The preset that matched the headers best, if any, and the mapping it suggests. */
  presetId: z.string().nullable(),
  suggestedMapping: columnMapping,
  unmappedHeaders: z.array(z.string()),
  /** Required fields the suggested mapping cannot fill; the mapping screen asks for these. */
  missingFields: z.array(reviewField),
  /** The de-duplication key used for this platform, in words: a fallback for `dedupe`. */
  dedupeKey: z.string(),
  /**
   * The platform's own header names for the parts of the de-duplication key (the same in every
   * UI language); the renderer builds the sentence from these. `orderFallback`: the order column
   * read when the first one is empty (Taobao/Tmall 子订单编号 → 订单编号), else null.
   */
  dedupe: z.object({ idHeader: z.string(), orderHeader: z.string(), orderFallbackHeader: z.string().nullable(), timeHeader: z.string() }),
});

export type ImportPreview = z.infer<typeof importPreview>;

export const importStatus = z.enum(['running', 'done', 'cancelled', 'failed']);

export const importCounts = z.object({
  read: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  casesOpened: z.number().int(),
  alerts: z.number().int(),
});

/** The outcome in words the UI translates (message keeps the plain-text detail). */
export const importNotice = z.object({
  /** `undecodable_rows`: done, but some rows held bytes that are not text in the file's encoding (params: count, rows, encoding). */
  /** `interrupted_after`: the process running it died; params say how far it got (rows, inserted). */
  code: z.enum(['cancelled', 'follow_ups_added', 'failed', 'interrupted', 'undecodable_rows', 'interrupted_after']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export type ImportNotice = z.infer<typeof importNotice>;

export const importRun = z.object({
  id,
  fileName: z.string(),
  platform: platformId,
  shopId: id,
  status: importStatus,
  counts: importCounts,
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  /** Why it failed or was stopped, for people. */
  message: z.string().nullable(),
  notice: importNotice.nullable(),
  origin: z.enum(['manual', 'watched-folder', 'cli', 'paste']),
});

export type ImportRun = z.infer<typeof importRun>;

export const importReject = z.object({
  rowNumber: z.number().int(),
  reason: z.string(),
  /** Machine code for the reason: bad_date, missing_text, unknown_level, … */
  code: z.string(),
  raw: z.record(z.string(), z.string()),
});

export const mappingPreset = z.object({
  id: z.string(),
  name: z.string(),
  platform: platformId.nullable(),
  builtIn: z.boolean(),
  /** Header names (and variants) recognised for each field. */
  headers: z.partialRecord(reviewField, z.array(z.string())),
});

export type MappingPreset = z.infer<typeof mappingPreset>;

export const previewId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const importsMethods = {
  /**
   * Reads the first rows under the import's limits and a deadline. `previewId` (chosen by the
   * caller) lets `imports.cancelPreview` stop it, e.g. when the dialog is closed.
   */
  'imports.preview': query(
    z
      .object({ source: sourceInput, platform: platformId, options: parseOptions.optional(), presetId: z.string().max(60).optional(), previewId: previewId.optional() })
      .strict(),
    importPreview,
  ),
  /** Stops a preview still reading; it answers UNAVAILABLE (reason `cancelled`). False when none is running under that id. */
  'imports.cancelPreview': mutation(z.object({ previewId }).strict(), z.object({ cancelled: z.boolean() }), 'agent'),
  /** Starts a streamed import in the background; progress comes as `import.progress` events. */
  'imports.start': mutation(
    z
      .object({
        source: sourceInput,
        platform: platformId,
        shopId: id,
        options: parseOptions.optional(),
        mapping: columnMapping,
        /** Save this mapping as a custom preset under this name. */
        savePresetAs: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
    z.object({ importId: id }),

    'agent',
  ),
  /** `interrupted`: the run's process had died, so it was marked interrupted rather than stopped. */
  'imports.cancel': mutation(z.object({ importId: id }).strict(), z.object({ cancelled: z.boolean(), interrupted: z.boolean().optional() }), 'agent'),
  /** Newest first, a page at a time; `total` counts every run. */
  'imports.list': query(
    z.object({ limit: z.number().int().min(1).max(200).optional(), offset: z.number().int().min(0).optional() }).strict(),
    z.object({ items: z.array(importRun), total: z.number().int() }),
  ),
  /**
   * The column mapping a run used, by column name (`headers`: each field's header in that file),
   * and as a preset (`import-<id>`) that `imports.preview` accepts as `presetId` to map a new file
   * the same way. `preset` is null for a run that kept no header names (older builds, or one that
   * failed before its file was read).
   */
  'imports.getMapping': query(
    z.object({ importId: id }).strict(),
    z.object({ importId: id, fileName: z.string(), platform: platformId, shopId: id, headers: z.partialRecord(reviewField, z.string()), preset: mappingPreset.nullable() }),
  ),
  'imports.get': query(z.object({ importId: id }).strict(), importRun),
  'imports.rejects': query(
    z.object({ importId: id, offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.object({ total: z.number().int(), items: z.array(importReject) }),
  ),
  /** The import report as CSV (UTF-8 with BOM so Excel opens it), for download or saving. */
  'imports.exportReport': query(z.object({ importId: id }).strict(), z.object({ fileName: z.string(), csv: z.string() })),
  'imports.presets': query(noInput, z.object({ items: z.array(mappingPreset) })),
  'imports.deletePreset': mutation(z.object({ id: z.string().min(1).max(60) }).strict(), z.object({ id: z.string() }), 'agent'),
} as const;
