import { categoryLabels } from '../../../../shared/domain/labels';
import type { Review, ReviewFilters, TimelineEntry, TimelineParams } from '../../../../shared/contract';
import { caseCategories, type CaseCategory, type ReviewLevel } from '../../../../shared/domain/reviews';
import { insertAudit, listReviewAudit } from '../../../../db/queries/audit';
import { findImportRunOfReview } from '../../../../db/queries/imports';
import {
  buyerFlags,
  buyerHistory,
  countReviews,
  decodeCursor,
  loadReviews,
  pageReviewIds,
  sameOrderReviewIds,
  type ReviewFlagRow,
  type ReviewSort,
} from '../../../../db/queries/reviews';
import { findShop } from '../../../../db/queries/shops';
import { AppError, notFound } from '../../errors';
import { flagBursts } from '../imports/pattern-flags';
import { prepareReview } from '../imports/prepare-review';
import { ReviewWriter } from '../imports/review-writer';
import { levelForRating } from '../imports/values';
import type { RulesService } from '../rules/rules-service';
import type { ServiceDeps } from '../service-deps';
import { highlightRanges } from './highlight-ranges';

const categoryNames: Record<string, string> = categoryLabels['zh-CN'];

const asCategory = (value: unknown): CaseCategory | undefined => ((caseCategories as readonly unknown[]).includes(value) ? (value as CaseCategory) : undefined);
const asName = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * An audit entry on a case or review for the timeline: `params` for the UI's own sentence where
 * the action has one, and `detail`, a (Chinese) line that is the fallback.
 */
function auditEntry(action: string, before: unknown, after: unknown): { detail: string | null; params: TimelineParams | null } {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (action === 'cases.recategorize') {
    const [fromCategory, toCategory] = [asCategory(b.category), asCategory(a.category)];
    return {
      detail: `${categoryNames[String(b.category)] ?? b.category} → ${categoryNames[String(a.category)] ?? a.category}`,
      params: fromCategory && toCategory ? { fromCategory, toCategory } : null,
    };
  }
  if (action === 'cases.assign') {
    const [fromName, toName] = [asName(b.assigneeName), asName(a.assigneeName)];
    return { detail: `${fromName ?? '—'} → ${toName ?? '—'}`, params: { fromName, toName } };
  }
  if (action === 'reviews.followUp') {
    const text = String(a.followUpText ?? '').slice(0, 80);
    return { detail: `追评：${text}`, params: { text } };
  }
  if (after === null && before === null) return { detail: null, params: null };
  return { detail: JSON.stringify(after ?? before).slice(0, 200), params: null };
}

export class ReviewsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly rules: RulesService,
  ) {}

  list(input: { filters?: ReviewFilters; sort?: ReviewSort; cursor?: string; limit?: number }) {
    const filters = input.filters ?? {};
    const sort = input.sort ?? 'newest';
    const cursor = input.cursor === undefined ? null : decodeCursor(input.cursor);
    if (input.cursor !== undefined && cursor === null) {
      throw new AppError('VALIDATION', 'The page cursor is not valid; start again from the first page.', {
        issues: [{ path: 'cursor', reason: 'invalid_cursor', message: 'Unreadable cursor.' }],
      });
    }
    const { ids, nextCursor } = pageReviewIds(this.deps.sqlite, { filters, sort, cursor, limit: input.limit ?? 50 });
    const items = loadReviews(this.deps.sqlite, ids);
    const highlights: Record<string, [number, number][]> = {};
    if (filters.search) {
      for (const item of items) {
        const ranges = highlightRanges(item.text, filters.search);
        if (ranges.length > 0) highlights[String(item.id)] = ranges;
      }
    }
    return { items, nextCursor, highlights };
  }

  count(filters: ReviewFilters = {}): { total: number } {
    return { total: countReviews(this.deps.sqlite, filters) };
  }

  async get(id: number) {
    const [review] = loadReviews(this.deps.sqlite, [id]);
    if (!review) throw notFound('Review', id);
    const sqlite = this.deps.sqlite;
    const timeline: TimelineEntry[] = [{ at: review.postedAt, actor: review.buyerNick ?? '买家', action: 'reviews.posted', detail: null, params: null }];
    const run = findImportRunOfReview(sqlite, id);
    timeline.push({
      at: review.importedAt,
      actor: run?.actor ?? 'local',
      action: run ? 'reviews.imported' : 'reviews.created',
      detail: run ? `${run.fileName}（导入 #${run.id}）` : null,
      params: run ? { fileName: run.fileName, importId: run.id } : null,
    });
    if (review.case) {
      const why = review.case.classification;
      timeline.push({
        at: review.case.openedAt,
        actor: 'rules',
        action: 'cases.opened',
        detail: `${categoryNames[review.case.category]}${why.ruleName ? `（规则「${why.ruleName}」命中：${why.matchedWords.join('、')}）` : ''}`,
        params: { category: review.case.category, ...(why.ruleName ? { ruleName: why.ruleName, words: why.matchedWords } : {}) },
      });
    }
    for (const entry of listReviewAudit(sqlite, id, review.case ? review.case.id : null)) {
      if (entry.action === 'reviews.create') continue;
      const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));
      timeline.push({ at: entry.at, actor: entry.actor, action: entry.action, ...auditEntry(entry.action, parse(entry.beforeJson), parse(entry.afterJson)) });
    }
    timeline.sort((a, b) => a.at - b.at);

    let buyer: { nick: string | null; reviews: number; negative: number; flags: ReviewFlagRow[] } = { nick: review.buyerNick, reviews: 0, negative: 0, flags: [] };
    if (review.buyerNick !== null) {
      const history = buyerHistory(sqlite, review.shopId, review.buyerNick);
      buyer = { nick: review.buyerNick, ...history, flags: buyerFlags(sqlite, review.shopId, review.buyerNick) };
    }
    const sameOrderIds = review.orderNo === null ? [] : sameOrderReviewIds(sqlite, review.shopId, review.orderNo, id);
    return { review, timeline, buyer, sameOrder: loadReviews(sqlite, sameOrderIds) };
  }

  /** A review typed in by hand: the same rules, case, flags and alerts as an imported one. */
  async create(
    input: { shopId: number; orderNo?: string; text: string; level?: ReviewLevel; rating?: number; buyerNick?: string; product?: string; sku?: string; postedAt: number },
    actor: string,
  ): Promise<Review> {
    const shop = await findShop(this.deps.db, input.shopId);
    if (!shop) throw notFound('Shop', input.shopId);
    const blank = (value: string | undefined) => (value === undefined || value === '' ? null : value);
    const rating = input.rating ?? null;
    const prepared = prepareReview(
      {
        rowNumber: 0,
        platformReviewId: null,
        orderNo: blank(input.orderNo),
        product: blank(input.product),
        sku: blank(input.sku),
        rating,
        level: input.level ?? levelForRating(rating as number),
        text: input.text,
        followUpText: null,
        imagesCount: 0,
        buyerNick: blank(input.buyerNick),
        buyerIp: null,
        deviceId: null,
        postedAt: input.postedAt,
      },
      await this.rules.ruleSet(shop.id),
    );
    const now = this.deps.clock.now();
    const result = new ReviewWriter(this.deps.sqlite).write(
      { shopId: shop.id, shopName: shop.name, platform: shop.platform, importId: null, sourceFile: null, now, actor },
      [prepared],
    );
    const id = result.insertedIds[0];
    if (id === undefined) throw new AppError('CONFLICT', 'This review is already in the inbox (same order, time and text).');
    if (prepared.draft.product !== null && prepared.opensCase) flagBursts(this.deps.sqlite, shop.id, [prepared.draft.product], now);
    insertAudit(this.deps.sqlite, { at: now, actor, action: 'reviews.create', entity: 'review', entityId: id, after: { shopId: shop.id, orderNo: prepared.draft.orderNo } });
    for (const alert of result.alerts) this.deps.events.emit('review.alert', alert);
    this.deps.events.emit('data.changed', { domain: 'reviews' });
    if (result.alerts.length > 0) this.deps.events.emit('data.changed', { domain: 'alerts' });
    return loadReviews(this.deps.sqlite, [id])[0] as Review;
  }
}
