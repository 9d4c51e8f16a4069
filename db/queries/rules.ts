import type { Selectable } from 'kysely';
import type { CategoryRule, MonitorRule } from '../../shared/contract';
import type { CaseCategory, ProductFamily, ReviewLevel } from '../../shared/domain/reviews';
import type { CategoryDecision } from '../../shared/rules/classify';
import type { Sqlite } from '../connection';
import type { CategoryRulesTable, MonitorRulesTable } from '../schema';
import { prepareCached } from '../statement-cache';
import { firstSync, runSync } from '../transaction';
import type { Executor } from './executor';
import { queryBuilder } from './query-builder';

function toMonitorRule(row: Selectable<MonitorRulesTable>): MonitorRule {
  return {
    id: row.id,
    name: row.name,
    keywords: JSON.parse(row.keywords_json) as string[],
    levels: JSON.parse(row.levels_json) as ReviewLevel[],
    maxRating: row.max_rating,
    enabled: row.enabled === 1,
  };
}

function toCategoryRule(row: Selectable<CategoryRulesTable>): CategoryRule {
  return {
    id: row.id,
    name: row.name,
    category: row.category as CaseCategory,
    keywords: JSON.parse(row.keywords_json) as string[],
    priority: row.priority,
    enabled: row.enabled === 1,
    family: row.product_family as ProductFamily,
  };
}

export async function listMonitorRules(db: Executor): Promise<MonitorRule[]> {
  return (await db.selectFrom('monitor_rules').selectAll().orderBy('id').execute()).map(toMonitorRule);
}

export async function listCategoryRules(db: Executor): Promise<CategoryRule[]> {
  return (await db.selectFrom('category_rules').selectAll().orderBy('priority').orderBy('id').execute()).map(toCategoryRule);
}

export function findMonitorRuleSync(sqlite: Sqlite, id: number): MonitorRule | undefined {
  const row = firstSync(sqlite, queryBuilder.selectFrom('monitor_rules').selectAll().where('id', '=', id));
  return row ? toMonitorRule(row) : undefined;
}

export function findCategoryRuleSync(sqlite: Sqlite, id: number): CategoryRule | undefined {
  const row = firstSync(sqlite, queryBuilder.selectFrom('category_rules').selectAll().where('id', '=', id));
  return row ? toCategoryRule(row) : undefined;
}

export function saveMonitorRuleSync(sqlite: Sqlite, rule: Omit<MonitorRule, 'id'> & { id?: number }, now: number): MonitorRule | undefined {
  const values = {
    name: rule.name,
    keywords_json: JSON.stringify(rule.keywords),
    levels_json: JSON.stringify(rule.levels),
    max_rating: rule.maxRating,
    enabled: rule.enabled ? 1 : 0,
    updated_at: now,
  };
  const row =
    rule.id === undefined
      ? firstSync(sqlite, queryBuilder.insertInto('monitor_rules').values({ ...values, created_at: now }).returningAll())
      : firstSync(sqlite, queryBuilder.updateTable('monitor_rules').set(values).where('id', '=', rule.id).returningAll());
  return row ? toMonitorRule(row) : undefined;
}

export function saveCategoryRuleSync(sqlite: Sqlite, rule: Omit<CategoryRule, 'id'> & { id?: number }, now: number): CategoryRule | undefined {
  const values = {
    name: rule.name,
    category: rule.category,
    keywords_json: JSON.stringify(rule.keywords),
    priority: rule.priority,
    enabled: rule.enabled ? 1 : 0,
    product_family: rule.family,
    updated_at: now,
  };
  const row =
    rule.id === undefined
      ? firstSync(sqlite, queryBuilder.insertInto('category_rules').values({ ...values, created_at: now }).returningAll())
      : firstSync(sqlite, queryBuilder.updateTable('category_rules').set(values).where('id', '=', rule.id).returningAll());
  return row ? toCategoryRule(row) : undefined;
}

export function deleteRuleSync(sqlite: Sqlite, kind: 'monitor' | 'category', id: number): boolean {
  return runSync(sqlite, queryBuilder.deleteFrom(kind === 'monitor' ? 'monitor_rules' : 'category_rules').where('id', '=', id)).changes > 0;
}

/** A case the category rules may re-decide: open, and its category not chosen by a person. */
export interface ReclassifiableCase {
  id: number;
  category: CaseCategory;
  ruleId: number | null;
  words: string;
  needsReview: number;
  explanation: string | null;
  text: string;
  followUp: string | null;
  /** The shop's product family (which lexicon applies). */
  family: ProductFamily | null;
}

/** The next chunk of such cases after `afterId`, in id order, with their review's text. */
export function listReclassifiableCases(sqlite: Sqlite, afterId: number, limit: number): ReclassifiableCase[] {
  return prepareCached(
    sqlite,
    `SELECT c.id, c.category, c.category_rule_id AS ruleId, c.category_words_json AS words, c.needs_review AS needsReview,
       c.category_explanation_json AS explanation, r.text, r.follow_up_text AS followUp, s.product_family AS family
     FROM cases c JOIN reviews r ON r.id = c.review_id JOIN shops s ON s.id = c.shop_id
     WHERE c.id > ? AND c.category_source <> 'manual' AND c.status <> 'closed'
     ORDER BY c.id LIMIT ?`,
  ).all(afterId, limit) as ReclassifiableCase[];
}

export function setCaseClassification(sqlite: Sqlite, caseId: number, decision: CategoryDecision, now: number): void {
  prepareCached(
    sqlite,
    `UPDATE cases SET category = ?, category_source = ?, category_rule_id = ?, category_rule_name = ?, category_words_json = ?,
       category_explanation_json = ?, needs_review = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    decision.category,
    decision.source,
    decision.ruleId,
    decision.ruleName,
    JSON.stringify(decision.matchedWords),
    JSON.stringify(decision.explanation),
    decision.needsReview ? 1 : 0,
    now,
    caseId,
  );
}
