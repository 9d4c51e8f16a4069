import { z } from 'zod';
import { caseCategories, caseStatuses, flagTypes, productFamilies, reviewFields, reviewLevels, severities } from '../domain/reviews';
import { mutation, query } from './method';
import { id, platformId, timestamp } from './common';

// Reviews and their classification.

export const reviewLevel = z.enum(reviewLevels);

export const caseStatus = z.enum(caseStatuses);

export const caseCategory = z.enum(caseCategories);

export const severity = z.enum(severities);

export const flagType = z.enum(flagTypes);

export const productFamily = z.enum(productFamilies);

export const reviewField = z.enum(reviewFields);

/**
 * What raised a flag, as data the UI puts into its own sentence. Which fields are set depends on
 * the type: extortion/competitor/compliance_risk `words` and `spans`; burst `count`, `hours`, `product`, `from`, `to`;
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
    /** Offsets of each of `words` in the review (then a new line and the follow-up). */
    spans: z.array(z.tuple([z.number().int(), z.number().int()])),
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

/** One piece of the scorer's evidence: a lexicon word, a pattern or a model n-gram, with its span. */
export const classificationReason = z.object({
  category: caseCategory,
  word: z.string(),
  /** Offsets into the review text (then a new line and the follow-up); null when not found verbatim. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  /** Added to the category's score: negative for praise against it, 0 for a negated word. */
  weight: z.number(),
  source: z.enum(['rule', 'pattern', 'model']),
  effect: z.enum(['complaint', 'praise', 'negated', 'pattern', 'model']),
  ruleId: z.number().int().nullable(),
  ruleName: z.string().nullable(),
});

/** What the scorer weighed (shared/rules/classify.ts ClassificationExplanation). */
export const classificationExplanation = z.object({
  winner: caseCategory,
  runnerUp: caseCategory.nullable(),
  secondary: z.array(caseCategory),
  confidence: z.number().min(0).max(1),
  scores: z.array(z.object({ category: caseCategory, score: z.number() })),
  reasons: z.array(classificationReason),
  guesses: z.array(caseCategory),
  family: z.string().nullable(),
  modelExamples: z.number().int().min(0),
});

export type ClassificationExplanation = z.infer<typeof classificationExplanation>;

/** Why a case has its category: the rule and the words, or a person's decision. */
export const classification = z.object({
  source: z.enum(['rule', 'manual', 'default']),
  ruleId: z.number().int().nullable(),
  ruleName: z.string().nullable(),
  matchedWords: z.array(z.string()),
  /** The scorer's reasoning; null on cases from before it (and kept, for the record, after a person chose). */
  explanation: classificationExplanation.nullable(),
  /** Waiting in the needs-review queue (待确认): the scorer found evidence but was not sure enough. */
  needsReview: z.boolean(),
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
  /** The case's resolution deadline; null until its SLA timers open. */
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
    flags: z.array(flagType).max(flagTypes.length).optional(),
    /** Only cases waiting for a person to pick their category (待确认). */
    needsReview: z.boolean().optional(),
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

/** At most this many cases change in one bulk change over a filter (as cases.assign takes by id). */
export const bulkMatchingMax = 10_000;

/** Cases a bulk change over a filter handles per call, so the worker stays responsive and progress shows. */
export const bulkMatchingBatch = 500;

/** One batch of a bulk change over a filter. */
export const bulkMatchingResult = z.object({
  /** Cases in this batch. */
  processed: z.number().int(),
  /** Of those, the ones that actually changed (already so: not counted). */
  updated: z.number().int(),
  /** Pass as `after` for the next batch; null when done. */
  next: id.nullable(),
});

export const reviewsMethods = {
  'reviews.list': query(
    z
      .object({
        filters: reviewFilters.optional(),
        /**
         * priority: 差评, then 中评, then 好评, the most urgent (next SLA deadline) first within each;
         * newest: by posting time; sla_due: by next deadline across levels. Default newest.
         */
        sort: z.enum(['priority', 'newest', 'sla_due']).optional(),
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
  'reviews.count': query(z.object({ filters: reviewFilters.optional() }).strict(), z.object({ total: z.number().int() })),
  /**
   * The cases behind the reviews a filter matches, for "select all N matching": how many, and the
   * newest case id, which the bulk change then stops at (see reviews.assignMatching).
   */
  'reviews.countCases': query(
    z.object({ filters: reviewFilters.optional() }).strict(),
    z.object({ cases: z.number().int(), upTo: id.nullable(), max: z.number().int() }),
  ),
  /**
   * Assigns every case the filter matches, up to the confirmed newest case id, one batch per call
   * in case id order: call again with `after: next` until `next` is null, showing progress. The
   * first call refuses (VALIDATION, reason too_many) when more than bulkMatchingMax cases match.
   */
  'reviews.assignMatching': mutation(
    z.object({ filters: reviewFilters, upTo: id, after: z.number().int().nonnegative().optional(), assigneeId: id.nullable() }).strict(),
    bulkMatchingResult,
    'agent',
  ),
  /** Re-categorises every case the filter matches, in batches, as reviews.assignMatching. */
  'reviews.recategorizeMatching': mutation(
    z.object({ filters: reviewFilters, upTo: id, after: z.number().int().nonnegative().optional(), category: caseCategory }).strict(),
    bulkMatchingResult,
    'agent',
  ),
  'reviews.get': query(
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
  'reviews.create': mutation(
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

    'agent',
  ),
} as const;
