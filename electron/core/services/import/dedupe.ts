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

const labels: Record<PlatformId, { id: string; order: string; time: string }> = {
  taobao: { id: '评价ID', order: '子订单编号 (else 订单编号)', time: '评价时间' },
  tmall: { id: '评价ID', order: '子订单编号 (else 订单编号)', time: '评价时间' },
  douyin: { id: '评价ID', order: '订单号', time: '评价时间' },
  jd: { id: '评价ID', order: '订单号', time: '评价时间' },
  pinduoduo: { id: '评价ID', order: '订单编号', time: '评价时间' },
  kuaishou: { id: '评价ID', order: '订单编号', time: '评价时间' },
};

/** The de-duplication key in words, shown before an import. */
export function dedupeKeyDescription(platform: PlatformId): string {
  const label = labels[platform];
  return (
    `The review id (${label.id}) when the export has one; otherwise the order number (${label.order}) + ` +
    `the review time (${label.time}) + the review text. A row already in this shop is counted as a duplicate and ` +
    `left as it is, except that a follow-up (追评) that arrived later is added.`
  );
}
