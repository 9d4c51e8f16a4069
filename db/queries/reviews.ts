import type { ClassificationExplanation, FlagParams, Review } from '../../shared/contract';
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

export {
  countMatchingCases,
  countReviews,
  decodeCursor,
  encodeCursor,
  matchingCaseIds,
  pageReviewIds,
  searchTerms,
  type ReviewCursor,
  type ReviewSort,
} from './reviews-paging';

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
