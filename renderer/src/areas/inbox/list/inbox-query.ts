import type { ReviewFilters } from '../../../../../shared/contract';
import { platformIds, type PlatformId } from '../../../../../shared/domain/platforms';
import {
  caseCategories,
  caseStatuses,
  flagTypes,
  reviewLevels,
  type CaseCategory,
  type CaseStatus,
  type FlagType,
  type ReviewLevel,
} from '../../../../../shared/domain/reviews';
import { zonedInputToEpoch } from '../../../format/date-time';

/** priority (the default): 差评 first, the most urgent first; newest; sla_due: next deadline across levels. */
export type InboxSort = 'priority' | 'newest' | 'sla_due';

/** The inbox's filters as the controls show them; all of it lives in the URL so a reload keeps it. */
export interface InboxQuery {
  platform: PlatformId | null;
  shopId: number | null;
  levels: ReviewLevel[];
  categories: CaseCategory[];
  statuses: CaseStatus[];
  /** 'all', 'none' (未分配) or a staff id. */
  assignee: 'all' | 'none' | number;
  flags: FlagType[];
  /** Only cases waiting for a person to pick their category (待确认). */
  needsReview: boolean;
  /** YYYY-MM-DD in the shop's time zone, as a date input gives it. */
  from: string;
  to: string;
  search: string;
  sort: InboxSort;
  /** The review open in the detail pane. */
  openId: number | null;
}

function list<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const raw = params.get(name);
  if (!raw) return [];
  return raw.split(',').filter((value): value is T => (allowed as readonly string[]).includes(value));
}

function positiveInt(raw: string | null): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value > 0 ? value : null;
}

function day(raw: string | null): string {
  return raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : '';
}

/** Reads the query; anything malformed (an old bookmark, a typo) is ignored rather than refused. */
export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const platform = params.get('platform');
  const assignee = params.get('assignee');
  return {
    platform: (platformIds as readonly string[]).includes(platform ?? '') ? (platform as PlatformId) : null,
    shopId: positiveInt(params.get('shop')),
    levels: list(params, 'level', reviewLevels),
    categories: list(params, 'category', caseCategories),
    statuses: list(params, 'status', caseStatuses),
    assignee: assignee === 'none' ? 'none' : (positiveInt(assignee) ?? 'all'),
    flags: list(params, 'flag', flagTypes),
    needsReview: params.get('review_queue') === '1',
    from: day(params.get('from')),
    to: day(params.get('to')),
    search: params.get('q') ?? '',
    sort: params.get('sort') === 'sla_due' ? 'sla_due' : params.get('sort') === 'newest' ? 'newest' : 'priority',
    openId: positiveInt(params.get('review')),
  };
}

/** Writes a patch into the query, dropping empty values so URLs stay short. */
export function patchInboxParams(params: URLSearchParams, patch: Partial<InboxQuery>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string | null) => {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  };
  if ('platform' in patch) set('platform', patch.platform ?? null);
  if ('shopId' in patch) set('shop', patch.shopId ? String(patch.shopId) : null);
  if ('levels' in patch) set('level', patch.levels?.join(',') ?? null);
  if ('categories' in patch) set('category', patch.categories?.join(',') ?? null);
  if ('statuses' in patch) set('status', patch.statuses?.join(',') ?? null);
  if ('assignee' in patch) set('assignee', patch.assignee === 'all' || patch.assignee === undefined ? null : String(patch.assignee));
  if ('flags' in patch) set('flag', patch.flags?.join(',') ?? null);
  if ('needsReview' in patch) set('review_queue', patch.needsReview ? '1' : null);
  if ('from' in patch) set('from', patch.from ?? null);
  if ('to' in patch) set('to', patch.to ?? null);
  if ('search' in patch) set('q', patch.search?.trim() ? patch.search : null);
  if ('sort' in patch) set('sort', patch.sort === 'priority' || patch.sort === undefined ? null : patch.sort);
  if ('openId' in patch) set('review', patch.openId ? String(patch.openId) : null);
  return next;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The API's filters for a query; dates become the start and end of those days in the shop's zone. */
export function toReviewFilters(query: InboxQuery, timeZone: string): ReviewFilters {
  const filters: ReviewFilters = {};
  if (query.platform) filters.platform = query.platform;
  if (query.shopId) filters.shopId = query.shopId;
  if (query.levels.length) filters.levels = query.levels;
  if (query.categories.length) filters.categories = query.categories;
  if (query.statuses.length) filters.statuses = query.statuses;
  if (query.assignee !== 'all') filters.assigneeId = query.assignee === 'none' ? null : query.assignee;
  if (query.flags.length) filters.flags = query.flags;
  if (query.needsReview) filters.needsReview = true;
  const from = query.from ? zonedInputToEpoch(query.from, timeZone) : null;
  if (from !== null) filters.from = from;
  const toStart = query.to ? zonedInputToEpoch(query.to, timeZone) : null;
  if (toStart !== null) filters.to = toStart + dayMs - 1;
  const search = query.search.trim().slice(0, 100);
  if (search) filters.search = search;
  return filters;
}

/** Every filter at its empty value: what 清除筛选 writes (the sort and the open review stay). */
export const clearedFilters: Partial<InboxQuery> = {
  platform: null,
  shopId: null,
  levels: [],
  categories: [],
  statuses: [],
  assignee: 'all',
  flags: [],
  needsReview: false,
  from: '',
  to: '',
  search: '',
};

/** Whether any filter narrows the list (the sort and the open review do not). */
export function hasActiveFilters(filters: ReviewFilters): boolean {
  return Object.keys(filters).length > 0;
}
