import type { Selectable } from 'kysely';
import type { CategoryRule, MonitorRule } from '../../shared/contract';
import type { CaseCategory, ReviewLevel } from '../../shared/domain/reviews';
import type { CategoryRulesTable, MonitorRulesTable } from '../schema';
import type { Executor } from './executor';

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
  };
}

export async function listMonitorRules(db: Executor): Promise<MonitorRule[]> {
  return (await db.selectFrom('monitor_rules').selectAll().orderBy('id').execute()).map(toMonitorRule);
}

export async function listCategoryRules(db: Executor): Promise<CategoryRule[]> {
  return (await db.selectFrom('category_rules').selectAll().orderBy('priority').orderBy('id').execute()).map(toCategoryRule);
}

export async function findMonitorRule(db: Executor, id: number): Promise<MonitorRule | undefined> {
  const row = await db.selectFrom('monitor_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMonitorRule(row) : undefined;
}

export async function findCategoryRule(db: Executor, id: number): Promise<CategoryRule | undefined> {
  const row = await db.selectFrom('category_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCategoryRule(row) : undefined;
}

export async function saveMonitorRule(db: Executor, rule: Omit<MonitorRule, 'id'> & { id?: number }, now: number): Promise<MonitorRule | undefined> {
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
      ? await db.insertInto('monitor_rules').values({ ...values, created_at: now }).returningAll().executeTakeFirstOrThrow()
      : await db.updateTable('monitor_rules').set(values).where('id', '=', rule.id).returningAll().executeTakeFirst();
  return row ? toMonitorRule(row) : undefined;
}

export async function saveCategoryRule(db: Executor, rule: Omit<CategoryRule, 'id'> & { id?: number }, now: number): Promise<CategoryRule | undefined> {
  const values = {
    name: rule.name,
    category: rule.category,
    keywords_json: JSON.stringify(rule.keywords),
    priority: rule.priority,
    enabled: rule.enabled ? 1 : 0,
    updated_at: now,
  };
  const row =
    rule.id === undefined
      ? await db.insertInto('category_rules').values({ ...values, created_at: now }).returningAll().executeTakeFirstOrThrow()
      : await db.updateTable('category_rules').set(values).where('id', '=', rule.id).returningAll().executeTakeFirst();
  return row ? toCategoryRule(row) : undefined;
}

export async function deleteRule(db: Executor, kind: 'monitor' | 'category', id: number): Promise<boolean> {
  const result = await db.deleteFrom(kind === 'monitor' ? 'monitor_rules' : 'category_rules').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
