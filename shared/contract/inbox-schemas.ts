import { z } from 'zod';
import {
  caseCategories,
  caseStatuses,
  flagTypes,
  reviewFields,
  reviewLevels,
  severities,
  textEncodings,
} from '../domain/reviews';
import { id, platformId, timestamp } from './schemas';

export const reviewLevel = z.enum(reviewLevels);
export const caseStatus = z.enum(caseStatuses);
export const caseCategory = z.enum(caseCategories);
export const severity = z.enum(severities);
export const flagType = z.enum(flagTypes);
export const reviewField = z.enum(reviewFields);

/**
 * Where an import reads from. `path`: a file on this computer (Electron file picker, drag and
 * drop, the watched folder, the CLI). `staged`: bytes the browser harness uploaded with
 * `POST /upload` (answers `{ id }`). `text`: rows pasted from a web table (tab-separated).
 */
export const fileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('staged'), id: z.string().regex(/^[a-f0-9-]{8,64}$/) }).strict(),
  z.object({ kind: z.literal('text'), text: z.string().min(1).max(5_000_000) }).strict(),
]);
export type FileSource = z.infer<typeof fileSource>;

/** Column index (0-based, in the header row) for each field, or null when the file lacks it. */
export const columnMapping = z.partialRecord(reviewField, z.number().int().min(0).nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;

export const parseOptions = z
  .object({
    /** 'auto' detects (BOM, then UTF-8 validity, else GB18030); the user can override. */
    encoding: z.enum(['auto', ...textEncodings]).optional(),
    delimiter: z.enum(['auto', ',', '\t', ';', '|']).optional(),
    /** XLSX: which sheet; default the first. */
    sheet: z.string().max(100).optional(),
  })
  .strict();

export const importPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'tsv', 'xlsx', 'text']),
  encoding: z.object({ detected: z.string(), used: z.string() }),
  delimiter: z.string().nullable(),
  sheets: z.array(z.string()),
  /** 1-based row number of the header row in the file. */
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** First rows after the header (and after any sub-header row), raw cell text. */
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
  code: z.enum(['cancelled', 'follow_ups_added', 'failed', 'interrupted']),
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

/**
 * What raised a flag, as data the UI puts into its own sentence. Which fields are set depends on
 * the type: extortion/competitor `words`; burst `count`, `hours`, `product`, `from`, `to`;
 * same_device `kind`, `value`, `count` (`countCapped`: at least that many), `buyers` (the first few).
 */
export const flagParams = z
  .object({
    words: z.array(z.string()),
    count: z.number().int(),
    countCapped: z.boolean(),
    hours: z.number().int(),
    product: z.string(),
    from: timestamp,
    to: timestamp,
    kind: z.enum(['ip', 'device']),
    value: z.string(),
    buyers: z.array(z.string()),
  })
  .partial();
export type FlagParams = z.infer<typeof flagParams>;

export const reviewFlag = z.object({
  type: flagType,
  /** The words, counts or ids that raised it, in plain (Chinese) language: a fallback for `params`. */
  evidence: z.string(),
  params: flagParams,
});
export type ReviewFlag = z.infer<typeof reviewFlag>;

/** Why a case has its category: the rule and the words, or a person's decision. */
export const classification = z.object({
  source: z.enum(['rule', 'manual', 'default']),
  ruleId: z.number().int().nullable(),
  ruleName: z.string().nullable(),
  matchedWords: z.array(z.string()),
});

export const caseSummary = z.object({
  id,
  status: caseStatus,
  category: caseCategory,
  severity,
  assigneeId: id.nullable(),
  flags: z.array(reviewFlag),
  classification,
  openedAt: timestamp,
  /** Filled by the SLA issue; null until then. */
  dueAt: timestamp.nullable(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const review = z.object({
  id,
  platform: platformId,
  shopId: id,
  shopName: z.string(),
  platformReviewId: z.string().nullable(),
  orderNo: z.string().nullable(),
  product: z.string().nullable(),
  sku: z.string().nullable(),
  rating: z.number().int().min(1).max(5).nullable(),
  level: reviewLevel,
  text: z.string(),
  followUpText: z.string().nullable(),
  imagesCount: z.number().int().min(0),
  buyerNick: z.string().nullable(),
  postedAt: timestamp,
  importedAt: timestamp,
  sourceFile: z.string().nullable(),
  case: caseSummary.nullable(),
});
export type Review = z.infer<typeof review>;

export const reviewFilters = z
  .object({
    platform: platformId.optional(),
    shopId: id.optional(),
    levels: z.array(reviewLevel).max(3).optional(),
    categories: z.array(caseCategory).max(7).optional(),
    statuses: z.array(caseStatus).max(7).optional(),
    /** null means unassigned. */
    assigneeId: id.nullable().optional(),
    flags: z.array(flagType).max(5).optional(),
    from: timestamp.optional(),
    to: timestamp.optional(),
    /** Full-text search over review and follow-up text; 1–2 characters fall back to LIKE. */
    search: z.string().trim().max(100).optional(),
  })
  .strict();
export type ReviewFilters = z.infer<typeof reviewFilters>;

/**
 * The facts behind a timeline entry, as data the UI puts into its own sentence per action:
 * reviews.imported `fileName`, `importId`; cases.opened `category` (+ `ruleName`, `words` when a
 * rule decided it); cases.recategorize `fromCategory`, `toCategory`; cases.assign `fromName`,
 * `toName` (null: nobody); reviews.followUp `text`.
 */
export const timelineParams = z
  .object({
    fileName: z.string(),
    importId: z.number().int(),
    category: caseCategory,
    ruleName: z.string(),
    words: z.array(z.string()),
    fromCategory: caseCategory,
    toCategory: caseCategory,
    fromName: z.string().nullable(),
    toName: z.string().nullable(),
    text: z.string(),
  })
  .partial();
export type TimelineParams = z.infer<typeof timelineParams>;

export const timelineEntry = z.object({
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  /** In plain language: a fallback for `params`, and the only text for actions without params. */
  detail: z.string().nullable(),
  params: timelineParams.nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const monitorRule = z.object({
  id,
  name: z.string().trim().min(1).max(40),
  keywords: z.array(z.string().trim().min(1).max(20)).max(200),
  /** Alert when the level is one of these (empty: any level). */
  levels: z.array(reviewLevel),
  /** Alert when the star rating is at most this (null: ignore ratings). */
  maxRating: z.number().int().min(1).max(5).nullable(),
  enabled: z.boolean(),
});
export type MonitorRule = z.infer<typeof monitorRule>;

export const categoryRule = z.object({
  id,
  name: z.string().trim().min(1).max(40),
  category: caseCategory,
  keywords: z.array(z.string().trim().min(1).max(20)).min(1).max(200),
  /** Lower runs first; the first matching rule decides the category. */
  priority: z.number().int().min(0).max(1000),
  enabled: z.boolean(),
});
export type CategoryRule = z.infer<typeof categoryRule>;

export const reviewAlert = z.object({
  id,
  reviewId: id,
  ruleId: id.nullable(),
  ruleName: z.string(),
  matchedWords: z.array(z.string()),
  level: reviewLevel,
  shopName: z.string(),
  excerpt: z.string(),
  at: timestamp,
  read: z.boolean(),
});
export type ReviewAlert = z.infer<typeof reviewAlert>;

export const watchedFolder = z.object({
  folder: z.string().nullable(),
  platform: platformId.nullable(),
  shopId: id.nullable(),
  lastScanAt: timestamp.nullable(),
  filesImported: z.number().int(),
  /** Why the folder cannot be watched right now (missing, no permission), for people. */
  problem: z.string().nullable(),
});
