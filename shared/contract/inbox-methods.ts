import { z } from 'zod';
import { id, platformId } from './schemas';
import {
  caseCategory,
  categoryRule,
  columnMapping,
  fileSource,
  importPreview,
  importReject,
  importRun,
  mappingPreset,
  monitorRule,
  parseOptions,
  review,
  reviewAlert,
  reviewFilters,
  reviewFlag,
  reviewLevel,
  timelineEntry,
  watchedFolder,
  caseSummary,
  classification,
} from './inbox-schemas';

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const noInput = z.object({}).strict();
const caseIds = z.array(id).min(1).max(10_000);

/** The review inbox: imports, reviews and cases, rules, alerts, the watched folder. */
export const inboxMethods = {
  'imports.preview': method(
    z.object({ source: fileSource, platform: platformId, options: parseOptions.optional(), presetId: z.string().max(60).optional() }).strict(),
    importPreview,
  ),
  /** Starts a streamed import in the background; progress comes as `import.progress` events. */
  'imports.start': method(
    z
      .object({
        source: fileSource,
        platform: platformId,
        shopId: id,
        options: parseOptions.optional(),
        mapping: columnMapping,
        /** Save this mapping as a custom preset under this name. */
        savePresetAs: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
    z.object({ importId: id }),
  ),
  'imports.cancel': method(z.object({ importId: id }).strict(), z.object({ cancelled: z.boolean() })),
  'imports.list': method(z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(), z.object({ items: z.array(importRun) })),
  'imports.get': method(z.object({ importId: id }).strict(), importRun),
  'imports.rejects': method(
    z.object({ importId: id, offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.object({ total: z.number().int(), items: z.array(importReject) }),
  ),
  /** The import report as CSV (UTF-8 with BOM so Excel opens it), for download or saving. */
  'imports.exportReport': method(z.object({ importId: id }).strict(), z.object({ fileName: z.string(), csv: z.string() })),
  'imports.presets': method(noInput, z.object({ items: z.array(mappingPreset) })),
  'imports.deletePreset': method(z.object({ id: z.string().min(1).max(60) }).strict(), z.object({ id: z.string() })),

  'watch.get': method(noInput, watchedFolder),
  'watch.set': method(
    z.object({ folder: z.string().min(1).max(4096).nullable(), platform: platformId.nullable(), shopId: id.nullable() }).strict(),
    watchedFolder,
  ),

  'reviews.list': method(
    z
      .object({
        filters: reviewFilters.optional(),
        sort: z.enum(['newest', 'sla_due']).optional(),
        /** Opaque cursor from the previous page; absent for the first page. */
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    z.object({
      items: z.array(review),
      nextCursor: z.string().nullable(),
      /** Ranges of each item's text to highlight for the search, [start, end) in UTF-16 units. */
      highlights: z.record(z.string(), z.array(z.tuple([z.number().int(), z.number().int()]))),
    }),
  ),
  'reviews.count': method(z.object({ filters: reviewFilters.optional() }).strict(), z.object({ total: z.number().int() })),
  'reviews.get': method(
    z.object({ id }).strict(),
    z.object({
      review,
      timeline: z.array(timelineEntry),
      buyer: z.object({ nick: z.string().nullable(), reviews: z.number().int(), negative: z.number().int(), flags: z.array(reviewFlag) }),
      /** Other reviews on the same order (e.g. the follow-up), newest first. */
      sameOrder: z.array(review),
    }),
  ),
  /** Manual entry of a single review. */
  'reviews.create': method(
    z
      .object({
        shopId: id,
        orderNo: z.string().trim().max(64).optional(),
        text: z.string().trim().min(1).max(5000),
        level: reviewLevel.optional(),
        rating: z.number().int().min(1).max(5).optional(),
        buyerNick: z.string().trim().max(64).optional(),
        product: z.string().trim().max(200).optional(),
        sku: z.string().trim().max(200).optional(),
        postedAt: z.number().int().nonnegative(),
      })
      .strict()
      .refine((value) => value.level !== undefined || value.rating !== undefined, {
        message: 'Give a level or a rating',
        path: ['level'],
      }),
    review,
  ),

  'cases.assign': method(z.object({ caseIds, assigneeId: id.nullable() }).strict(), z.object({ updated: z.number().int() })),
  /** A person's category wins over the rules from then on, and re-import keeps it. */
  'cases.recategorize': method(z.object({ caseIds, category: caseCategory }).strict(), z.object({ updated: z.number().int() })),
  'cases.get': method(z.object({ id }).strict(), caseSummary.extend({ reviewId: id, classification })),

  'rules.list': method(noInput, z.object({ monitor: z.array(monitorRule), category: z.array(categoryRule) })),
  'rules.saveMonitor': method(monitorRule.omit({ id: true }).extend({ id: id.optional() }).strict(), monitorRule),
  'rules.saveCategory': method(categoryRule.omit({ id: true }).extend({ id: id.optional() }).strict(), categoryRule),
  'rules.remove': method(z.object({ kind: z.enum(['monitor', 'category']), id }).strict(), z.object({ id })),
  /** Re-run the category rules over open cases (never over manual categories). */
  'rules.reclassify': method(noInput, z.object({ changed: z.number().int() })),

  'alerts.list': method(
    z.object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ items: z.array(reviewAlert), unread: z.number().int() }),
  ),
  'alerts.markRead': method(z.object({ ids: z.array(id).max(1000).optional(), all: z.boolean().optional() }).strict(), z.object({ updated: z.number().int() })),
} as const;
