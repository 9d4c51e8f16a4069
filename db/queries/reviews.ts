import type { ClassificationExplanation, FlagParams, Review, ReviewFilters } from '../../shared/contract';
import type { PlatformId } from '../../shared/domain/platforms';
import type { CaseCategory, CaseStatus, FlagType, ReviewLevel, Severity } from '../../shared/domain/reviews';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/*
 * The inbox's hot queries, in SQL over the better-sqlite3 handle through the statement cache:
 * each page must answer in a few milliseconds at a million reviews, and the filter combinations
 * are built at run time.
 */

/** @deprecated Use prepareCached from db/statement-cache; kept until the SLA queries move to db/queries. */
export const cachedStatement = prepareCached;

export type ReviewSort = 'newest' | 'sla_due';

/** Where a page ended: (due, posted, id) of its last row. Opaque to clients. */
export type ReviewCursor = { sort: 'newest'; postedAt: number; id: number } | { sort: 'sla_due'; dueAt: number | null; postedAt: number; id: number };

export function encodeCursor(cursor: ReviewCursor): string {
  const parts = cursor.sort === 'newest' ? ['n', cursor.postedAt, cursor.id] : ['s', cursor.dueAt ?? '', cursor.postedAt, cursor.id];
  return Buffer.from(parts.join('.')).toString('base64url');
}

export function decodeCursor(text: string): ReviewCursor | null {
  const parts = Buffer.from(text, 'base64url').toString('utf8').split('.');
  const number = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : null);
  if (parts[0] === 'n' && parts.length === 3) {
    const postedAt = number(parts[1]);
    const id = number(parts[2]);
    return postedAt !== null && id !== null ? { sort: 'newest', postedAt, id } : null;
  }
  if (parts[0] === 's' && parts.length === 4) {
    const dueAt = parts[1] === '' ? null : number(parts[1]);
    const postedAt = number(parts[2]);
    const id = number(parts[3]);
    if ((parts[1] !== '' && dueAt === null) || postedAt === null || id === null) return null;
    return { sort: 'sla_due', dueAt, postedAt, id };
  }
  return null;
}

/** Search words: 3+ characters use the trigram index, shorter ones a LIKE scan. */
export function searchTerms(search: string | undefined): { fts: string[]; like: string[] } {
  const words = (search ?? '').split(/[\s\u3000]+/).filter((word) => word !== '');
  return { fts: words.filter((word) => [...word].length >= 3), like: words.filter((word) => [...word].length < 3) };
}

interface Compiled {
  /** 'cases' when a case filter narrows the rows: the cases table and its indexes drive the query. */
  driver: 'cases' | 'reviews';
  from: string;
  where: string[];
  params: unknown[];
  posted: string;
  id: string;
}

/**
 * Every neutral/bad review has a case, so a filter on case fields, or on neutral/bad levels only,
 * is answered from the (smaller) cases table; anything else from reviews.
 */
function compile(filters: ReviewFilters, forceCases = false): Compiled {
  const caseOnlyLevels = filters.levels !== undefined && filters.levels.length > 0 && !filters.levels.includes('good');
  const byCase =
    forceCases ||
    caseOnlyLevels ||
    filters.categories !== undefined ||
    filters.statuses !== undefined ||
    filters.assigneeId !== undefined ||
    filters.needsReview !== undefined;
  const t = byCase ? 'c' : 'r';
  const id = byCase ? 'c.review_id' : 'r.id';
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[]) => {
    where.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filters.shopId !== undefined) {
    where.push(`${t}.shop_id = ?`);
    params.push(filters.shopId);
  }
  if (filters.platform !== undefined) {
    where.push(`${t}.shop_id IN (SELECT id FROM shops WHERE platform = ?)`);
    params.push(filters.platform);
  }
  if (filters.levels !== undefined) inList(`${t}.level`, filters.levels);
  if (filters.categories !== undefined) inList('c.category', filters.categories);
  if (filters.statuses !== undefined) inList('c.status', filters.statuses);
  if (filters.assigneeId !== undefined) {
    if (filters.assigneeId === null) where.push('c.assignee_id IS NULL');
    else {
      where.push('c.assignee_id = ?');
      params.push(filters.assigneeId);
    }
  }
  // The needs-review queue (待确认) has its own partial index; false is "decided cases only".
  if (filters.needsReview !== undefined) where.push(filters.needsReview ? 'c.needs_review = 1' : 'c.needs_review = 0');
  if (filters.from !== undefined) {
    where.push(`${t}.posted_at >= ?`);
    params.push(filters.from);
  }
  if (filters.to !== undefined) {
    where.push(`${t}.posted_at <= ?`);
    params.push(filters.to);
  }
  if (filters.flags !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM review_flags f WHERE f.review_id = ${id} AND f.type IN (${filters.flags.map(() => '?').join(', ')}))`);
    params.push(...filters.flags);
  }
  const terms = searchTerms(filters.search);
  if (terms.fts.length > 0) {
    where.push(`${id} IN (SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?)`);
    params.push(terms.fts.map((term) => `"${term.replace(/"/g, '""')}"`).join(' AND '));
  }
  let from = byCase ? 'cases c' : 'reviews r';
  if (terms.like.length > 0) {
    if (byCase) from = 'cases c JOIN reviews r ON r.id = c.review_id';
    where.push(...likeConditions(terms.like, params));
  }
  return { driver: byCase ? 'cases' : 'reviews', from, where, params, posted: `${t}.posted_at`, id };
}

const whereClause = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

interface PageRow {
  id: number;
  postedAt: number;
  dueAt: number | null;
}

/** Newest first from a cursor: (posted, id) below the cursor's. */
function newestPage(sqlite: Sqlite, compiled: Compiled, after: { postedAt: number; id: number } | null, limit: number, extra: string[] = []): PageRow[] {
  const where = [...compiled.where, ...extra];
  const params = [...compiled.params];
  if (after) {
    where.push(`${compiled.posted} <= ? AND (${compiled.posted} < ? OR ${compiled.id} < ?)`);
    params.push(after.postedAt, after.postedAt, after.id);
  }
  const text = `SELECT ${compiled.id} AS id, ${compiled.posted} AS postedAt, NULL AS dueAt FROM ${compiled.from} ${whereClause(where)}
    ORDER BY ${compiled.posted} DESC, ${compiled.id} DESC LIMIT ?`;
  return prepareCached(sqlite, text).all(...params, limit) as PageRow[];
}

/** Cases a due-order page walks in the due index before it asks the planner's plan instead. */
const dueProbeRows = 4000;

/**
 * Cases with a due time, soonest first, then newest. Most cases are open with a due time, so a
 * filter that keeps a fair share of them finds a page within the first few thousand of the due
 * index (read alone, it covers the order); SQLite's sampled statistics would instead pick a
 * filter's index and sort tens of thousands of rows. When the walk finds less than a page, the
 * filter is selective and its own index with a sort of the few rows it keeps is the fast plan.
 */
function duePage(sqlite: Sqlite, compiled: Compiled, after: { dueAt: number; postedAt: number; id: number } | null, limit: number): PageRow[] {
  const resume = (prefix: string) => `${prefix}due_at >= ? AND (${prefix}due_at > ? OR ${prefix}posted_at < ? OR (${prefix}posted_at = ? AND ${prefix}review_id < ?))`;
  const afterParams = after ? [after.dueAt, after.dueAt, after.postedAt, after.postedAt, after.id] : [];
  const order = 'ORDER BY c.due_at, c.posted_at DESC, c.review_id DESC LIMIT ?';
  const walk = `SELECT id FROM cases INDEXED BY cases_due WHERE due_at IS NOT NULL${after ? ` AND ${resume('')}` : ''}
    ORDER BY due_at, posted_at DESC, review_id DESC LIMIT ?`;
  const probe = `SELECT c.review_id AS id, c.posted_at AS postedAt, c.due_at AS dueAt FROM (${walk}) w CROSS JOIN ${compiled.from}
    ${whereClause(['c.id = w.id', ...compiled.where])} ${order}`;
  const probed = prepareCached(sqlite, probe).all(...afterParams, dueProbeRows, ...compiled.params, limit) as PageRow[];
  if (probed.length === limit) return probed;

  const where = [...compiled.where, 'c.due_at IS NOT NULL', ...(after ? [resume('c.')] : [])];
  const text = `SELECT c.review_id AS id, c.posted_at AS postedAt, c.due_at AS dueAt FROM ${compiled.from} ${whereClause(where)} ${order}`;
  return prepareCached(sqlite, text).all(...compiled.params, ...afterParams, limit) as PageRow[];
}

/** Rows a dense search scans newest-first before it asks the trigram index instead. */
const searchProbeRows = 4000;

function likeConditions(words: readonly string[], params: unknown[]): string[] {
  return words.map((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    params.push(pattern, pattern);
    return `(r.text LIKE ? ESCAPE '\\' OR r.follow_up_text LIKE ? ESCAPE '\\')`;
  });
}

/**
 * A common search word (物流太慢 in 2% of a million reviews) costs the trigram index tens of ms to
 * list every match, while the newest 50 matches sit within the newest few thousand rows. So the
 * newest rows that pass the other filters are scanned first with LIKE (the same substring match,
 * case-insensitive for Latin letters, as trigram MATCH); only when they hold less than a page
 * does the index answer. Returns null when the probe was not enough.
 */
function probeSearchPage(sqlite: Sqlite, filters: ReviewFilters, after: { postedAt: number; id: number } | null, limit: number): PageRow[] | null {
  const words = (filters.search ?? '').split(/[\s\u3000]+/).filter((word) => word !== '');
  const base = compile({ ...filters, search: undefined });
  const where = [...base.where];
  const params = [...base.params];
  if (after) {
    where.push(`${base.posted} <= ? AND (${base.posted} < ? OR ${base.id} < ?)`);
    params.push(after.postedAt, after.postedAt, after.id);
  }
  params.push(searchProbeRows);
  const outer = likeConditions(words, params);
  const text = `SELECT w.id, w.postedAt, NULL AS dueAt FROM (
      SELECT ${base.id} AS id, ${base.posted} AS postedAt FROM ${base.from} ${whereClause(where)}
      ORDER BY ${base.posted} DESC, ${base.id} DESC LIMIT ?
    ) w JOIN reviews r ON r.id = w.id ${whereClause(outer)}
    ORDER BY w.postedAt DESC, w.id DESC LIMIT ?`;
  const rows = prepareCached(sqlite, text).all(...params, limit) as PageRow[];
  return rows.length === limit ? rows : null;
}

/** One page of review ids in order, and the cursor for the next one (null at the end). */
export function pageReviewIds(
  sqlite: Sqlite,
  options: { filters: ReviewFilters; sort: ReviewSort; cursor: ReviewCursor | null; limit: number },
): { ids: number[]; nextCursor: string | null } {
  const { filters, limit } = options;
  const cursor = options.cursor && options.cursor.sort === options.sort ? options.cursor : null;
  let rows: PageRow[];
  if (options.sort === 'newest') {
    const compiled = compile(filters);
    const probed = searchTerms(filters.search).fts.length > 0 ? probeSearchPage(sqlite, filters, cursor, limit + 1) : null;
    rows = probed ?? newestPage(sqlite, compiled, cursor, limit + 1);
  } else {
    const slaCursor = cursor as Extract<ReviewCursor, { sort: 'sla_due' }> | null;
    rows = [];
    if (!slaCursor || slaCursor.dueAt !== null) {
      rows = duePage(sqlite, compile(filters, true), slaCursor as { dueAt: number; postedAt: number; id: number } | null, limit + 1);
    }
    if (rows.length <= limit) {
      // Then everything without a due time (nulls last), newest first.
      const rest = compile(filters);
      const noDue = rest.driver === 'cases' ? ['c.due_at IS NULL'] : ['NOT EXISTS (SELECT 1 FROM cases cx WHERE cx.review_id = r.id AND cx.due_at IS NOT NULL)'];
      const after = slaCursor && slaCursor.dueAt === null ? slaCursor : null;
      rows = rows.concat(newestPage(sqlite, rest, after, limit + 1 - rows.length, noDue));
    }
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > limit && last) {
    nextCursor =
      options.sort === 'newest'
        ? encodeCursor({ sort: 'newest', postedAt: last.postedAt, id: last.id })
        : // A row from the due group carries its due time; the next page resumes in the right group.
          encodeCursor({ sort: 'sla_due', dueAt: last.dueAt, postedAt: last.postedAt, id: last.id });
  }
  return { ids: page.map((row) => row.id), nextCursor };
}

export function countReviews(sqlite: Sqlite, filters: ReviewFilters): number {
  const compiled = compile(filters);
  const row = prepareCached(sqlite, `SELECT count(*) AS n FROM ${compiled.from} ${whereClause(compiled.where)}`).get(...compiled.params) as { n: number };
  return row.n;
}

interface ReviewRow {
  id: number;
  platform: string;
  shop_id: number;
  shop_name: string;
  platform_review_id: string | null;
  order_no: string | null;
  product: string | null;
  sku: string | null;
  rating: number | null;
  level: string;
  text: string;
  follow_up_text: string | null;
  images_count: number;
  buyer_nick: string | null;
  posted_at: number;
  imported_at: number;
  source_file: string | null;
  case_id: number | null;
  status: string | null;
  category: string | null;
  category_source: string | null;
  category_rule_id: number | null;
  category_rule_name: string | null;
  category_words_json: string | null;
  category_explanation_json: string | null;
  needs_review: number | null;
  severity: string | null;
  assignee_id: number | null;
  opened_at: number | null;
  due_at: number | null;
}

const reviewColumns = `r.id, r.platform, r.shop_id, s.name AS shop_name, r.platform_review_id, r.order_no, r.product, r.sku, r.rating,
  r.level, r.text, r.follow_up_text, r.images_count, r.buyer_nick, r.posted_at, r.imported_at, r.source_file,
  c.id AS case_id, c.status, c.category, c.category_source, c.category_rule_id, c.category_rule_name, c.category_words_json,
  c.category_explanation_json, c.needs_review, c.severity, c.assignee_id, c.opened_at, c.due_at`;

export type ReviewFlagRow = { type: FlagType; evidence: string; params: FlagParams };

/** A review_flags row as the contract has it: params_json parsed. */
export function toReviewFlag(row: { type: FlagType; evidence: string; paramsJson: string }): ReviewFlagRow {
  return { type: row.type, evidence: row.evidence, params: JSON.parse(row.paramsJson) as FlagParams };
}

function toReview(row: ReviewRow, flags: ReviewFlagRow[]): Review {
  return {
    id: row.id,
    platform: row.platform as PlatformId,
    shopId: row.shop_id,
    shopName: row.shop_name,
    platformReviewId: row.platform_review_id,
    orderNo: row.order_no,
    product: row.product,
    sku: row.sku,
    rating: row.rating,
    level: row.level as ReviewLevel,
    text: row.text,
    followUpText: row.follow_up_text,
    imagesCount: row.images_count,
    buyerNick: row.buyer_nick,
    postedAt: row.posted_at,
    importedAt: row.imported_at,
    sourceFile: row.source_file,
    case:
      row.case_id === null
        ? null
        : {
            id: row.case_id,
            status: row.status as CaseStatus,
            category: row.category as CaseCategory,
            severity: row.severity as Severity,
            assigneeId: row.assignee_id,
            flags,
            classification: {
              source: row.category_source as 'rule' | 'manual' | 'default',
              ruleId: row.category_rule_id,
              ruleName: row.category_rule_name,
              matchedWords: JSON.parse(row.category_words_json ?? '[]') as string[],
              explanation: row.category_explanation_json === null ? null : (JSON.parse(row.category_explanation_json) as ClassificationExplanation),
              needsReview: row.needs_review === 1,
            },
            openedAt: row.opened_at as number,
            dueAt: row.due_at,
          },
  };
}

/** Full reviews (shop name, case, flags) for ids, in the order given; missing ids are skipped. */
export function loadReviews(sqlite: Sqlite, ids: readonly number[]): Review[] {
  if (ids.length === 0) return [];
  const placeholders = ids.map(() => '?').join(', ');
  const rows = prepareCached(
    sqlite,
    `SELECT ${reviewColumns} FROM reviews r JOIN shops s ON s.id = r.shop_id LEFT JOIN cases c ON c.review_id = r.id WHERE r.id IN (${placeholders})`,
  ).all(...ids) as ReviewRow[];
  const flags = prepareCached(sqlite, `SELECT review_id AS reviewId, type, evidence, params_json AS paramsJson FROM review_flags WHERE review_id IN (${placeholders}) ORDER BY type`).all(
    ...ids,
  ) as { reviewId: number; type: FlagType; evidence: string; paramsJson: string }[];
  const flagsById = new Map<number, ReviewFlagRow[]>();
  for (const flag of flags) {
    const list = flagsById.get(flag.reviewId) ?? [];
    list.push(toReviewFlag(flag));
    flagsById.set(flag.reviewId, list);
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toReview(row, flagsById.get(id) ?? [])] : [];
  });
}

/** How many reviews a buyer left in the shop, and how many of them were neutral or bad. */
export function buyerHistory(sqlite: Sqlite, shopId: number, buyerNick: string): { reviews: number; negative: number } {
  const row = prepareCached(sqlite, `SELECT count(*) AS reviews, sum(level <> 'good') AS negative FROM reviews WHERE shop_id = ? AND buyer_nick = ?`).get(shopId, buyerNick) as {
    reviews: number;
    negative: number | null;
  };
  return { reviews: row.reviews, negative: row.negative ?? 0 };
}

/** One flag of each type over all of a buyer's reviews in the shop. */
export function buyerFlags(sqlite: Sqlite, shopId: number, buyerNick: string): ReviewFlagRow[] {
  // With min(), SQLite takes the bare params_json from the same row as the evidence.
  const rows = prepareCached(
    sqlite,
    `SELECT f.type, min(f.evidence) AS evidence, f.params_json AS paramsJson FROM reviews r JOIN review_flags f ON f.review_id = r.id
     WHERE r.shop_id = ? AND r.buyer_nick = ? GROUP BY f.type ORDER BY f.type`,
  ).all(shopId, buyerNick) as { type: FlagType; evidence: string; paramsJson: string }[];
  return rows.map(toReviewFlag);
}

/** The newest other reviews (at most 20) on the same order. */
export function sameOrderReviewIds(sqlite: Sqlite, shopId: number, orderNo: string, exceptId: number): number[] {
  const rows = prepareCached(sqlite, 'SELECT id FROM reviews WHERE shop_id = ? AND order_no = ? AND id <> ? ORDER BY posted_at DESC, id DESC LIMIT 20').all(shopId, orderNo, exceptId) as {
    id: number;
  }[];
  return rows.map((row) => row.id);
}
