import type { CaseListFilter } from '../../shared/contract/cases-list';
import { dueSoonMs, type CaseListSort } from '../../shared/domain/case-order';
import type { PlatformId } from '../../shared/domain/platforms';
import type { CaseCategory, CaseStatus, Severity } from '../../shared/domain/reviews';
import type { StaffRole } from '../../shared/domain/roles';
import type { PauseReason } from '../../shared/domain/sla';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';
import { searchTerms } from './reviews';

/*
 * The cases list and the board: one filter compiler, keyset pages over the deadline order
 * (deadline, then urgency, then id), counts per board column. The expressions below are the ones
 * the index `cases_list_deadline` (migration 2026-12-03-011) is built on, character for
 * character, so the planner walks the index instead of sorting.
 */

/** Closed cases (no deadline) sort after every open one. */
export const dueKeySql = 'coalesce(c.due_at, 9007199254740991)';
/** shared/domain/case-order.ts `urgencyRank`: malicious first, then severity. */
export const urgencyRankSql =
  "((CASE WHEN c.category = 'malicious' THEN 0 ELSE 4 END) + (CASE c.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END))";

/** Where a page ended: the sort key of its last row. Opaque to clients. */
export interface CaseCursor {
  sort: CaseListSort;
  keys: [number, number, number];
}

export function encodeCaseCursor(cursor: CaseCursor): string {
  return Buffer.from([cursor.sort, ...cursor.keys].join('.')).toString('base64url');
}

export function decodeCaseCursor(text: string): CaseCursor | null {
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('.');
  if (parts.length !== 4 || !['deadline', 'newest', 'severity'].includes(parts[0]!)) return null;
  const keys = parts.slice(1).map((part) => (/^\d{1,16}$/.test(part) ? Number(part) : NaN));
  if (keys.some((key) => !Number.isSafeInteger(key))) return null;
  return { sort: parts[0] as CaseListSort, keys: keys as [number, number, number] };
}

/** Sort key columns per order; `desc` orders compare with `<`. Each ends with the id, so keys are unique. */
const orders: Record<CaseListSort, { keys: [string, string, string]; desc: boolean }> = {
  deadline: { keys: [dueKeySql, urgencyRankSql, 'c.id'], desc: false },
  severity: { keys: [urgencyRankSql, dueKeySql, 'c.id'], desc: false },
  // opened_at is copied per case and never changes; id breaks ties (a whole import opens together).
  newest: { keys: ['c.opened_at', 'c.id', 'c.id'], desc: true },
};

const slaJoin = 'LEFT JOIN case_sla s ON s.case_id = c.id';

interface Compiled {
  joins: string;
  where: string[];
  params: unknown[];
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The contract's filter plus what only the board asks: unassigned cases never routed to a role. */
export type CaseQueryFilter = CaseListFilter & { unrouted?: boolean };

/** WHERE clauses for a filter at `now`, all on the cases row (and its SLA row): the page statement joins the rest. */
export function compileCaseFilter(filter: CaseQueryFilter, now: number, walkOrder = false): Compiled {
  // Walking the order's index: a unary plus keeps the planner off the filters' own indexes.
  const c = walkOrder ? '+c.' : 'c.';
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.statuses?.length) {
    where.push(`${c}status IN (${placeholders(filter.statuses)})`);
    params.push(...filter.statuses);
  }
  if (filter.categories?.length) {
    where.push(`${c}category IN (${placeholders(filter.categories)})`);
    params.push(...filter.categories);
  }
  if (filter.shopIds?.length) {
    where.push(`${c}shop_id IN (${placeholders(filter.shopIds)})`);
    params.push(...filter.shopIds);
  }
  if (filter.platforms?.length) {
    where.push(`${c}shop_id IN (SELECT id FROM shops WHERE platform IN (${placeholders(filter.platforms)}))`);
    params.push(...filter.platforms);
  }
  if (filter.assignees?.length) {
    const staff = filter.assignees.filter((key) => key.startsWith('staff:')).map((key) => Number(key.slice(6)));
    const pools = filter.assignees.filter((key) => key.startsWith('pool:')).map((key) => key.slice(5));
    const any: string[] = [];
    if (staff.length) {
      any.push(`${c}assignee_id IN (${placeholders(staff)})`);
      params.push(...staff);
    }
    if (filter.assignees.includes('unassigned')) any.push(`${c}assignee_id IS NULL`);
    if (pools.length) {
      any.push(`(${c}assignee_id IS NULL AND ${c}pool_role IN (${placeholders(pools)}))`);
      params.push(...pools);
    }
    where.push(`(${any.join(' OR ')})`);
  }
  if (filter.unrouted) where.push(`${c}assignee_id IS NULL AND ${c}pool_role IS NULL`);
  if (filter.sla?.length) {
    const running = `s.paused_reason IS NULL AND ${c}status <> 'closed'`;
    const states: Record<(typeof filter.sla)[number], string> = {
      breached: `(${running} AND ${c}due_at <= ?)`,
      due_soon: `(${running} AND ${c}due_at > ? AND ${c}due_at <= ?)`,
      on_time: `(${running} AND (${c}due_at IS NULL OR ${c}due_at > ?))`,
      paused: '(s.paused_reason IS NOT NULL)',
    };
    const stateParams: Record<(typeof filter.sla)[number], unknown[]> = { breached: [now], due_soon: [now, now + dueSoonMs], on_time: [now + dueSoonMs], paused: [] };
    where.push(`(${filter.sla.map((state) => states[state]).join(' OR ')})`);
    for (const state of filter.sla) params.push(...stateParams[state]);
  }
  const words = (filter.search ?? '').split(/[\s\u3000]+/).filter((word) => word !== '');
  for (const word of words) {
    // One set of review ids per word: the text (trigram index from 3 characters, else a scan),
    // or a buyer nick or order number holding it (scans of the two small covering indexes, not the table).
    const text = searchTerms(word).fts.length > 0 ? 'SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?' : "SELECT id FROM reviews WHERE text LIKE ? ESCAPE '\\' OR follow_up_text LIKE ? ESCAPE '\\'";
    const textParams = searchTerms(word).fts.length > 0 ? [`"${word.replace(/"/g, '""')}"`] : [likePattern(word), likePattern(word)];
    const reviewSet = `${text} UNION SELECT id FROM reviews WHERE buyer_nick IS NOT NULL AND buyer_nick LIKE ? ESCAPE '\\' UNION SELECT id FROM reviews WHERE order_no IS NOT NULL AND order_no LIKE ? ESCAPE '\\'`;
    const caseId = /^#?(\d{1,15})$/.exec(word);
    where.push(`(${c}review_id IN (${reviewSet})${caseId ? ` OR ${c}id = ?` : ''})`);
    params.push(...textParams, likePattern(word), likePattern(word), ...(caseId ? [Number(caseId[1])] : []));
  }
  // The SLA row only when the filter reads it: counts over the cases table alone stay index-only.
  const joins = filter.sla?.length ? slaJoin : '';
  return { joins, where, params };
}

/** A list row as read; the service adds the next target's state. */
export interface CaseListRow {
  caseId: number;
  reviewId: number;
  status: CaseStatus;
  category: CaseCategory;
  severity: Severity;
  assigneeId: number | null;
  assigneeName: string | null;
  shopName: string;
  platform: PlatformId;
  excerpt: string;
  buyerNick: string | null;
  orderNo: string | null;
  openedAt: number;
  dueAt: number | null;
  poolRole: StaffRole | null;
  paused: PauseReason | null;
  k1: number;
  k2: number;
  k3: number;
}

/** One keyset page: the rows after `after` in the order, `limit` of them. */
export function listCasePage(sqlite: Sqlite, filter: CaseQueryFilter, sort: CaseListSort, after: CaseCursor | null, limit: number, now: number, walkOrder = false): CaseListRow[] {
  const { sql, params } = casePageStatement(filter, sort, after, now, walkOrder);
  return prepareCached(sqlite, sql).all(...params, limit) as CaseListRow[];
}

/**
 * The page statement (its last parameter, the limit, left to the caller); exported for the index
 * test. `walkOrder`: read the order's index and filter on the way, for a filter that matches many
 * cases (the planner would otherwise fetch them all by a filter's index and sort them).
 */
export function casePageStatement(filter: CaseQueryFilter, sort: CaseListSort, after: CaseCursor | null, now: number, walkOrder = false): { sql: string; params: unknown[] } {
  const compiled = compileCaseFilter(filter, now, walkOrder);
  const order = orders[sort];
  const where = [...compiled.where];
  const params = [...compiled.params];
  if (after) {
    where.push(`(${order.keys.join(', ')}) ${order.desc ? '<' : '>'} (?, ?, ?)`);
    params.push(...after.keys);
  }
  const direction = order.desc ? ' DESC' : '';
  const sql = `SELECT c.id AS caseId, c.review_id AS reviewId, c.status, c.category, c.severity, c.assignee_id AS assigneeId, st.name AS assigneeName,
       sh.name AS shopName, sh.platform, substr(r.text, 1, 80) AS excerpt, r.buyer_nick AS buyerNick, r.order_no AS orderNo,
       c.opened_at AS openedAt, c.due_at AS dueAt, c.pool_role AS poolRole, s.paused_reason AS paused,
       ${order.keys[0]} AS k1, ${order.keys[1]} AS k2, ${order.keys[2]} AS k3
     FROM cases c ${slaJoin} JOIN shops sh ON sh.id = c.shop_id JOIN reviews r ON r.id = c.review_id LEFT JOIN staff st ON st.id = c.assignee_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${order.keys.map((key) => key + direction).join(', ')} LIMIT ?`;
  return { sql, params };
}

export function countCases(sqlite: Sqlite, filter: CaseListFilter, now: number): number {
  const compiled = compileCaseFilter(filter, now);
  const sql = `SELECT count(*) AS n FROM cases c ${compiled.joins} ${compiled.where.length ? `WHERE ${compiled.where.join(' AND ')}` : ''}`;
  return (prepareCached(sqlite, sql).get(...compiled.params) as { n: number }).n;
}

/** Every matching id in the deadline order (a bulk action's selection). */
export function listCaseIds(sqlite: Sqlite, filter: CaseListFilter, now: number, limit: number): number[] {
  const compiled = compileCaseFilter(filter, now);
  const sql = `SELECT c.id FROM cases c ${compiled.joins} ${compiled.where.length ? `WHERE ${compiled.where.join(' AND ')}` : ''}
     ORDER BY ${orders.deadline.keys.join(', ')} LIMIT ?`;
  return (prepareCached(sqlite, sql).all(...compiled.params, limit) as { id: number }[]).map((row) => row.id);
}

/** Counts of one board column: all, warned (a warning point fired, not yet due), breached, paused. */
export interface BoardCountRow {
  status: CaseStatus | null;
  assigneeId: number | null;
  poolRole: StaffRole | null;
  total: number;
  warning: number | null;
  breached: number | null;
  paused: number | null;
}

/** Real totals per status, or per assignee (and per pool role while unassigned), under the filter. */
export function countBoardGroups(sqlite: Sqlite, filter: CaseQueryFilter, groupBy: 'status' | 'assignee', now: number): BoardCountRow[] {
  const compiled = compileCaseFilter(filter, now);
  const group = groupBy === 'status' ? 'c.status' : 'c.assignee_id, CASE WHEN c.assignee_id IS NULL THEN c.pool_role END';
  const select = groupBy === 'status' ? 'c.status, NULL AS assigneeId, NULL AS poolRole' : 'NULL AS status, c.assignee_id AS assigneeId, CASE WHEN c.assignee_id IS NULL THEN c.pool_role END AS poolRole';
  const where = compiled.where.length ? `WHERE ${compiled.where.join(' AND ')}` : '';
  // Totals from the cases table's indexes alone; the deadline badges read the SLA rows of open cases only.
  const totals = prepareCached(sqlite, `SELECT ${select}, count(*) AS total FROM cases c ${compiled.joins} ${where} GROUP BY ${group}`).all(...compiled.params) as BoardCountRow[];
  // Each badge driven by the few rows it counts: overdue cases by the deadline index, paused ones
  // by their SLA rows' partial index, warned ones by their fired warning points.
  const filterAnd = compiled.where.length ? `AND ${compiled.where.join(' AND ')}` : '';
  const sla = compiled.joins ? '' : 'JOIN case_sla s ON s.case_id = c.id';
  const breached = prepareCached(
    sqlite,
    `SELECT ${select}, count(*) AS breached FROM cases c ${sla} ${compiled.joins} WHERE c.due_at <= ? AND c.status <> 'closed' AND s.paused_reason IS NULL ${filterAnd} GROUP BY ${group}`,
  ).all(now, ...compiled.params) as BoardCountRow[];
  const paused = prepareCached(
    sqlite,
    `SELECT ${select}, count(*) AS paused FROM ${compiled.joins ? `cases c ${compiled.joins}` : 'case_sla s JOIN cases c ON c.id = s.case_id'}
     WHERE s.paused_reason IS NOT NULL AND c.status <> 'closed' ${filterAnd} GROUP BY ${group}`,
  ).all(...compiled.params) as BoardCountRow[];
  const warning = prepareCached(
    sqlite,
    `SELECT ${select}, count(*) AS warning FROM cases c ${compiled.joins} WHERE c.id IN (SELECT case_id FROM sla_events WHERE point <> 'breach') AND c.due_at > ? AND c.status <> 'closed' ${filterAnd} GROUP BY ${group}`,
  ).all(now, ...compiled.params) as BoardCountRow[];
  const key = (row: BoardCountRow) => `${row.status}|${row.assigneeId}|${row.poolRole}`;
  const sum = (rows: BoardCountRow[], field: 'breached' | 'paused' | 'warning', at: string) => rows.find((row) => key(row) === at)?.[field] ?? 0;
  return totals.map((row) => ({ ...row, breached: sum(breached, 'breached', key(row)), paused: sum(paused, 'paused', key(row)), warning: sum(warning, 'warning', key(row)) }));
}

/** Staff the assignee board shows: everyone active, by role then name. */
export function listBoardStaff(sqlite: Sqlite): { id: number; name: string; role: StaffRole; active: number }[] {
  return prepareCached(
    sqlite,
    "SELECT id, name, role, active FROM staff ORDER BY CASE role WHEN 'agent' THEN 0 WHEN 'supervisor' THEN 1 WHEN 'legal' THEN 2 ELSE 3 END, name, id",
  ).all() as { id: number; name: string; role: StaffRole; active: number }[];
}
