import { z } from 'zod';
import { mutation, noInput, query } from './method';
import { id } from './common';
import { caseCategory, productFamily, reviewLevel } from './reviews';

// Monitoring and category rules.

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
  /** Order in the list and the tie-break between equal evidence (lower first); every enabled rule's words are scored. */
  priority: z.number().int().min(0).max(1000),
  enabled: z.boolean(),
  /** The product family the words belong to: 'general' applies to every shop, the others to shops selling that. */
  family: productFamily,
});

export type CategoryRule = z.infer<typeof categoryRule>;

/** The learned category model's state (trained from built-in examples and the team's corrections). */
export const classifierModelState = z.object({
  trained: z.boolean(),
  exampleCount: z.number().int(),
  builtInCount: z.number().int(),
  correctionCount: z.number().int(),
  trainedAt: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  training: z.boolean(),
  pending: z.boolean(),
});

export type ClassifierModelState = z.infer<typeof classifierModelState>;

/** A keyword that would have caught recent corrections, and the rule to add it to (null: none of that category). */
export const keywordSuggestion = z.object({
  category: caseCategory,
  keyword: z.string(),
  catches: z.number().int(),
  corrections: z.number().int(),
  elsewhere: z.number(),
  ruleId: id.nullable(),
  ruleName: z.string().nullable(),
});

export type KeywordSuggestionItem = z.infer<typeof keywordSuggestion>;
/** How sure the scorer must be before a negative review's case skips the needs-review queue. */
export const classifierSettings = z.object({
  needsReviewThreshold: z.number().min(0).max(0.95),
});

export type ClassifierSettings = z.infer<typeof classifierSettings>;

const categoryRuleInput = categoryRule.omit({ id: true, family: true }).extend({ id: id.optional(), family: productFamily.default('general') }).strict();

export const rulesMethods = {
  'rules.list': query(noInput, z.object({ monitor: z.array(monitorRule), category: z.array(categoryRule) })),
  'rules.saveMonitor': mutation(monitorRule.omit({ id: true }).extend({ id: id.optional() }).strict(), monitorRule, 'agent'),
  'rules.saveCategory': mutation(categoryRuleInput, categoryRule, 'agent'),
  'rules.remove': mutation(z.object({ kind: z.enum(['monitor', 'category']), id }).strict(), z.object({ id }), 'agent'),
  /** Re-run the category rules over open cases (never over manual categories). */
  'rules.reclassify': mutation(noInput, z.object({ changed: z.number().int() }), 'agent'),
  /** The learned model: examples, when it was trained and how long that took. */
  'rules.getModelState': query(noInput, classifierModelState),
  /** Keywords frequent in recently corrected texts of a category, rare elsewhere, in no rule yet. */
  'rules.listKeywordSuggestions': query(z.object({ limit: z.number().int().min(1).max(50).optional() }).strict(), z.object({ suggestions: z.array(keywordSuggestion), correctionCount: z.number().int() })),
  'rules.getClassifier': query(noInput, classifierSettings),
  'rules.saveClassifier': mutation(classifierSettings.strict(), classifierSettings, 'supervisor'),
} as const;
