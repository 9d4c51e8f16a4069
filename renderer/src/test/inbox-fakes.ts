import type { CaseSummary, Review } from '../../../shared/contract';

/** A review as reviews.list returns it, with a negative-review case unless told otherwise. */
export function makeReview(id: number, overrides: Partial<Review> = {}, caseOverrides: Partial<CaseSummary> = {}): Review {
  const postedAt = Date.UTC(2026, 10, 20, 2, 0) - id * 60_000;
  return {
    id,
    platform: 'taobao',
    shopId: 1,
    shopName: '小王家居旗舰店',
    platformReviewId: null,
    orderNo: `ORD${1000 + id}`,
    product: '记忆棉枕头',
    sku: '白色 60cm',
    rating: 1,
    level: 'bad',
    text: `第 ${id} 条：快递三天都没到，客服也不回`,
    followUpText: null,
    imagesCount: 0,
    buyerNick: `买家${id}`,
    postedAt,
    importedAt: postedAt,
    sourceFile: 'export.csv',
    case: {
      id: 1000 + id,
      status: 'new',
      category: 'logistics',
      severity: 'medium',
      assigneeId: null,
      flags: [],
      classification: { source: 'rule', ruleId: 1, ruleName: '物流延误', matchedWords: ['快递', '三天'], explanation: null, needsReview: false },
      openedAt: postedAt,
      dueAt: null,
      ...caseOverrides,
    },
    ...overrides,
  };
}
