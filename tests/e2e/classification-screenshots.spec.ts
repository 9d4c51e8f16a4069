import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';

// Screenshots of the classification explanation, the 待确认 queue and the rules screen's classifier
// parts, for people to look at (screenshots/ is not committed).
const rows = [
  '订单号\t评价内容\t评价时间\t评分\t买家昵称\t商品名称',
  'C1\t物流还行，就是客服回复太慢，等了三天才理我\t2026-11-20 10:00:00\t1\t甲\t记忆棉枕头',
  'C2\t快递丢了，客服也不管\t2026-11-21 10:00:00\t2\t乙\t记忆棉枕头',
  'C3\t商家搞好评返现，卡片上写五星好评返5元，枕头有异味\t2026-11-22 10:00:00\t2\t丙\t记忆棉枕头',
].join('\n');

for (const language of ['zh-CN', 'en'] as const) {
  for (const [width, height] of [[1440, 900], [1024, 768]] as const) {
    test(`classification explanation, needs-review queue and rules in ${language} at ${width}×${height}`, async ({ app, page }) => {
      test.setTimeout(180_000);
      mkdirSync('screenshots', { recursive: true });
      await page.setViewportSize({ width, height });
      await app.call('settings.updatePreferences', { language });
      // The strictest threshold, so that the mixed complaint (C2: logistics and service) waits for a person.
      await app.call('rules.saveClassifier', { needsReviewThreshold: 0.95 });
      const shops = (await app.call('shops.list')) as { items: { id: number; platform: string }[] };
      const shop = shops.items[0] ?? ((await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店', productFamily: 'clothing' })) as { id: number; platform: string });
      const { importId } = (await app.call('imports.start', {
        source: { kind: 'text', text: rows },
        platform: shop.platform,
        shopId: shop.id,
        mapping: { orderNo: 0, text: 1, postedAt: 2, rating: 3, buyerNick: 4, product: 5 },
      })) as { importId: number };
      await expect.poll(async () => ((await app.call('imports.get', { importId })) as { status: string }).status, { timeout: 60_000 }).toBe('done');
      const list = (await app.call('reviews.list', { limit: 10 })) as { items: { id: number; orderNo: string }[] };
      const first = list.items.find((item) => item.orderNo === 'C1')!;
      await app.open(page, `/inbox?review=${first.id}`);
      await expect(page.getByTestId('classification-decision')).toBeVisible();
      await page.screenshot({ path: `screenshots/classification-detail-${language}-${width}.png` });
      const waiting = (await app.call('reviews.list', { filters: { needsReview: true }, limit: 10 })) as { items: { id: number; orderNo: string }[] };
      const queued = waiting.items.find((item) => item.orderNo === 'C2') ?? waiting.items[0]!;
      await app.open(page, `/inbox?review_queue=1&review=${queued.id}`);
      await expect(page.getByTestId('needs-review-guesses')).toBeVisible();
      await page.screenshot({ path: `screenshots/classification-queue-${language}-${width}.png` });
      await app.open(page, '/inbox/rules');
      await expect(page.getByTestId('needs-review-threshold')).toBeVisible();
      await page.screenshot({ path: `screenshots/classification-rules-${language}-${width}.png`, fullPage: true });
    });
  }
}
