import type { ReviewFilters } from '../../shared/contract';
import type { ReviewLevel } from '../../shared/domain/reviews';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/*
 * Paging the inbox: one keyset page of review ids per call, in one of three orders, each answered
 * from an index in a few milliseconds at a million reviews. The filter combinations are built at
 * run time, so this is SQL over the better-sqlite3 handle rather than Kysely.
 */

export type ReviewSort = 'priority' | 'newest' | 'sla_due';

/** Where a page ended: (level, due, posted, id) of its last row, as far as the order uses them. Opaque to clients. */
export type ReviewCursor =
  | { sort: 'newest'; postedAt: number; id: number }
  | { sort: 'sla_due'; dueAt: number | null; postedAt: number; id: number }
  | { sort: 'priority'; level: ReviewLevel; dueAt: number | null; postedAt: number; id: number };

/** The priority order's groups: 差评 first, then 中评, then 好评. */
const priorityLevels: readonly ReviewLevel[] = ['bad', 'neutral', 'good'];

export function encodeCursor(cursor: ReviewCursor): string {
  const parts =
    cursor.sort === 'newest'
      ? ['n', cursor.postedAt, cursor.id]
      : cursor.sort === 'sla_due'
        ? ['s', cursor.dueAt ?? '', cursor.postedAt, cursor.id]
        : ['p', priorityLevels.indexOf(cursor.level), cursor.dueAt ?? '', cursor.postedAt, cursor.id];
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
  if (parts[0] === 'p' && parts.length === 5) {
    const level = priorityLevels[number(parts[1]) ?? -1];
    const dueAt = parts[2] === '' ? null : number(parts[2]);
    const postedAt = number(parts[3]);
    const id = number(parts[4]);
    if (!level || (parts[2] !== '' && dueAt === null) || postedAt === null || id === null) return null;
    return { sort: 'priority', level, dueAt, postedAt, id };
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
function compile(filters: ReviewFilters, forceCases = false, likeSearch = false): Compiled {
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
  // likeSearch: every word by LIKE, for probes that test a few thousand rows one by one, where
  // listing every trigram match first would cost more than the probe.
  const terms = likeSearch ? { fts: [], like: searchTerms(filters.search).fts.concat(searchTerms(filters.search).like) } : searchTerms(filters.search);
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
function duePage(
  sqlite: Sqlite,
  compiled: Compiled,
  after: { dueAt: number; postedAt: number; id: number } | null,
  limit: number,
  /** Walk only this level's cases, in its own due index (the priority order's groups). */
  level?: ReviewLevel,
  /** The filter for the walk's rows, when a cheaper form of the same test exists (search by LIKE). */
  probeCompiled: Compiled = compiled,
): PageRow[] {
  const resume = (prefix: string) => `${prefix}due_at >= ? AND (${prefix}due_at > ? OR ${prefix}posted_at < ? OR (${prefix}posted_at = ? AND ${prefix}review_id < ?))`;
  const afterParams = after ? [after.dueAt, after.dueAt, after.postedAt, after.postedAt, after.id] : [];
  const order = 'ORDER BY c.due_at, c.posted_at DESC, c.review_id DESC LIMIT ?';
  const index = level === undefined ? 'cases_due WHERE' : 'cases_level_due WHERE level = ? AND';
  const walk = `SELECT id FROM cases INDEXED BY ${index} due_at IS NOT NULL${after ? ` AND ${resume('')}` : ''}
    ORDER BY due_at, posted_at DESC, review_id DESC LIMIT ?`;
  const probe = `SELECT c.review_id AS id, c.posted_at AS postedAt, c.due_at AS dueAt FROM (${walk}) w CROSS JOIN ${probeCompiled.from}
    ${whereClause(['c.id = w.id', ...probeCompiled.where])} ${order}`;
  const walkParams = [...(level === undefined ? [] : [level]), ...afterParams, dueProbeRows];
  const probed = prepareCached(sqlite, probe).all(...walkParams, ...probeCompiled.params, limit) as PageRow[];
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
function probeSearchPage(sqlite: Sqlite, filters: ReviewFilters, after: { postedAt: number; id: number } | null, limit: number, extra: string[] = []): PageRow[] | null {
  const words = (filters.search ?? '').split(/[\s\u3000]+/).filter((word) => word !== '');
  const base = compile({ ...filters, search: undefined });
  const where = [...base.where, ...extra];
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

type PriorityCursor = Extract<ReviewCursor, { sort: 'priority' }>;

/**
 * The inbox's default order: 差评, then 中评, then 好评; within the first two, the most urgent
 * first (open cases by their next SLA deadline, overdue ones at the top), then the ones without
 * a deadline (closed or not yet timed), newest first; 好评 newest first. Each group is read from
 * its own index (cases_level_due, cases_level_nodue, reviews_level_posted), so a page costs the
 * same near the end of the list as at its start.
 */
function priorityPage(sqlite: Sqlite, filters: ReviewFilters, cursor: PriorityCursor | null, need: number): (PageRow & { level: ReviewLevel })[] {
  const levels = priorityLevels.filter((level) => filters.levels === undefined || filters.levels.includes(level));
  const rows: (PageRow & { level: ReviewLevel })[] = [];
  const searching = searchTerms(filters.search).fts.length > 0;
  const first = cursor ? Math.max(0, levels.indexOf(cursor.level)) : 0;
  for (let i = first; i < levels.length && rows.length < need; i += 1) {
    const level = levels[i]!;
    const scoped: ReviewFilters = { ...filters, levels: [level] };
    const resume = cursor && cursor.level === level ? cursor : null;
    const add = (page: PageRow[]) => rows.push(...page.map((row) => ({ ...row, level })));
    // A common search word: the newest rows of the group tested by LIKE first, as for 最新.
    const newest = (after: { postedAt: number; id: number } | null, extra: string[]) =>
      (searching ? probeSearchPage(sqlite, scoped, after, need - rows.length, extra) : null) ?? newestPage(sqlite, compile(scoped), after, need - rows.length, extra);
    if (level === 'good') {
      add(newest(resume, []));
      continue;
    }
    if (!resume || resume.dueAt !== null) {
      const after = resume as { dueAt: number; postedAt: number; id: number } | null;
      add(duePage(sqlite, compile(scoped, true), after, need - rows.length, level, compile(scoped, true, true)));
    }
    if (rows.length < need) add(newest(resume && resume.dueAt === null ? resume : null, ['c.due_at IS NULL']));
  }
  return rows;
}

/** One page of review ids in order, and the cursor for the next one (null at the end). */
export function pageReviewIds(
  sqlite: Sqlite,
  options: { filters: ReviewFilters; sort: ReviewSort; cursor: ReviewCursor | null; limit: number },
): { ids: number[]; nextCursor: string | null } {
  const { filters, limit } = options;
  const cursor = options.cursor && options.cursor.sort === options.sort ? options.cursor : null;
  let rows: (PageRow & { level?: ReviewLevel })[];
  if (options.sort === 'priority') {
    rows = priorityPage(sqlite, filters, cursor as PriorityCursor | null, limit + 1);
  } else if (options.sort === 'newest') {
    const compiled = compile(filters);
    const probed = searchTerms(filters.search).fts.length > 0 ? probeSearchPage(sqlite, filters, cursor, limit + 1) : null;
    rows = probed ?? newestPage(sqlite, compiled, cursor, limit + 1);
  } else {
    const slaCursor = cursor as Extract<ReviewCursor, { sort: 'sla_due' }> | null;
    rows = [];
    if (!slaCursor || slaCursor.dueAt !== null) {
      rows = duePage(sqlite, compile(filters, true), slaCursor as { dueAt: number; postedAt: number; id: number } | null, limit + 1, undefined, compile(filters, true, true));
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
    // A row from a due group carries its due time (and level); the next page resumes in the right group.
    nextCursor =
      options.sort === 'newest'
        ? encodeCursor({ sort: 'newest', postedAt: last.postedAt, id: last.id })
        : options.sort === 'sla_due'
          ? encodeCursor({ sort: 'sla_due', dueAt: last.dueAt, postedAt: last.postedAt, id: last.id })
          : encodeCursor({ sort: 'priority', level: last.level ?? 'good', dueAt: last.dueAt, postedAt: last.postedAt, id: last.id });
  }
  return { ids: page.map((row) => row.id), nextCursor };
}

export function countReviews(sqlite: Sqlite, filters: ReviewFilters): number {
  const compiled = compile(filters);
  const row = prepareCached(sqlite, `SELECT count(*) AS n FROM ${compiled.from} ${whereClause(compiled.where)}`).get(...compiled.params) as { n: number };
  return row.n;
}


/**
 * The cases behind the reviews a filter matches (good reviews have none), and the newest case id
 * among them: a bulk change over the filter stops there, so cases opened after the person confirmed
 * the count are not swept in.
 */
export function countMatchingCases(sqlite: Sqlite, filters: ReviewFilters, upTo?: number): { cases: number; upTo: number | null } {
  const compiled = compile(filters, true);
  const where = upTo === undefined ? compiled.where : [...compiled.where, 'c.id <= ?'];
  const params = upTo === undefined ? compiled.params : [...compiled.params, upTo];
  const row = prepareCached(sqlite, `SELECT count(*) AS cases, max(c.id) AS upTo FROM ${compiled.from} ${whereClause(where)}`).get(...params) as {
    cases: number;
    upTo: number | null;
  };
  return row;
}

/** The next ids (ascending, above `after`, at most `upTo`) of cases a filter matches. */
export function matchingCaseIds(sqlite: Sqlite, filters: ReviewFilters, range: { after: number; upTo: number }, limit: number): number[] {
  const compiled = compile(filters, true);
  const rows = prepareCached(sqlite, `SELECT c.id FROM ${compiled.from} ${whereClause([...compiled.where, 'c.id > ?', 'c.id <= ?'])} ORDER BY c.id LIMIT ?`).all(
    ...compiled.params,
    range.after,
    range.upTo,
    limit,
  ) as { id: number }[];
  return rows.map((row) => row.id);
}
