import { createHash } from 'node:crypto';
import type { PlatformId } from '../../../../shared/domain/platforms';

/**
 * The identity of a review within a shop: the platform's review id when the export has one,
 * else the order number, the time it was posted and its text. Stored hashed (fixed 22
 * characters) so the unique index stays small at a million rows.
 */
export function dedupeKey(review: { platformReviewId: string | null; orderNo: string | null; buyerNick: string | null; postedAt: number; text: string }): string {
  const identity =
    review.platformReviewId !== null
      ? `id\u0000${review.platformReviewId}`
      : `order\u0000${review.orderNo ?? `buyer:${review.buyerNick ?? ''}`}\u0000${review.postedAt}\u0000${review.text}`;
  return createHash('sha256').update(identity).digest('base64url').slice(0, 22);
}

/** The platform's own header names for the parts of the key (never translated: they are what the file says). */
const headers: Record<PlatformId, { idHeader: string; orderHeader: string; orderFallbackHeader: string | null; timeHeader: string }> = {
  taobao: { idHeader: '评价ID', orderHeader: '子订单编号', orderFallbackHeader: '订单编号', timeHeader: '评价时间' },
  tmall: { idHeader: '评价ID', orderHeader: '子订单编号', orderFallbackHeader: '订单编号', timeHeader: '评价时间' },
  douyin: { idHeader: '评价ID', orderHeader: '订单号', orderFallbackHeader: null, timeHeader: '评价时间' },
  jd: { idHeader: '评价ID', orderHeader: '订单号', orderFallbackHeader: null, timeHeader: '评价时间' },
  pinduoduo: { idHeader: '评价ID', orderHeader: '订单编号', orderFallbackHeader: null, timeHeader: '评价时间' },
  kuaishou: { idHeader: '评价ID', orderHeader: '订单编号', orderFallbackHeader: null, timeHeader: '评价时间' },
};

/** The parts of the de-duplication key as header names; the UI builds its sentence from them. */
export function dedupeHeaders(platform: PlatformId) {
  return { ...headers[platform] };
}

/** The de-duplication key in (Chinese) words: the fallback when the UI has no sentence for `dedupeHeaders`. */
export function dedupeKeyDescription(platform: PlatformId): string {
  const label = headers[platform];
  const order = label.orderFallbackHeader ? `${label.orderHeader}（为空时用${label.orderFallbackHeader}）` : label.orderHeader;
  return (
    `有${label.idHeader}时按${label.idHeader}；否则按${order} + ${label.timeHeader} + 评价内容。` +
    `本店已有的评价记为重复、保持不变，只补上后来才有的追评。`
  );
}
