import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { createShop, importFile } from '../../../../tests/helpers/inbox';
import { present } from '../../../../tests/helpers/present';
import type { ReviewFilters } from '../../../../shared/contract';
import type { PlatformId } from '../../../../shared/domain/platforms';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import { csvText } from '../../../../tests/helpers/review-files';

const tempDir = useTempDirs();
const header = ['订单编号', '评价内容', '评价时间', '评价结果', '买家昵称', '宝贝名称', 'IP'];
const day = (n: number, hour = 10) => `2026-11-${String(n).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00`;

async function withReviews(rows: string[][], platform: PlatformId = 'taobao') {
  const dir = tempDir();
  const test = await startTestCore(dir);
  const alerts: unknown[] = [];
  test.core.events.subscribe((message) => {
    if (message.event === 'review.alert') alerts.push(message.payload);
  });
  const shopId = await createShop(test.call, platform, '测试店');
  const { run } = await importFile(test.core, test.call, { kind: 'text', text: csvText([header, ...rows], { delimiter: '\t' }) }, platform, shopId);
  return { ...test, shopId, run, alerts };
}

describe('reviews.list', () => {
  it('pages newest first with an opaque keyset cursor, without gaps or repeats', async () => {
    const rows = Array.from({ length: 123 }, (_, i) => [`O${i}`, `评价${i}`, day(1 + (i % 20), i % 24), i % 4 === 0 ? '差评' : '好评', `买家${i}`, '杯子', '']);
    const { core, call } = await withReviews(rows);
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call('reviews.list', { limit: 50, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item: { postedAt: number; id: number }) => item.id));
      const times = page.items.map((item: { postedAt: number }) => item.postedAt);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(123);
    const bad = await call('reviews.list', { filters: { levels: ['bad'] }, limit: 200 });
    expect(bad.items).toHaveLength(31);
    expect(bad.nextCursor).toBeNull();
    expect((await call('reviews.count', { filters: { levels: ['bad'] } })).total).toBe(31);
    const broken = await core.call('reviews.list', { cursor: 'not-a-cursor' });
    expect(!broken.ok && broken.error.details?.issues?.[0]?.path).toBe('cursor');
    await core.close();
  });

  it('filters by case fields, assignee, shop, platform and time', async () => {
    const rows = [
      ['A1', '物流太慢了', day(1), '差评', '甲', '杯子', ''],
      ['A2', '质量很差，破损', day(2), '差评', '乙', '杯子', ''],
      ['A3', '客服态度不好', day(3), '中评', '丙', '杯子', ''],
      ['A4', '很好', day(4), '好评', '丁', '杯子', ''],
    ];
    const { core, call, shopId } = await withReviews(rows);
    const staff = await call('staff.create', { name: '王强', role: 'agent' });
    const texts = async (filters: ReviewFilters) => (await call('reviews.list', { filters })).items.map((item: { text: string }) => item.text);
    expect(await texts({ categories: ['logistics', 'quality'] })).toEqual(['质量很差，破损', '物流太慢了']);
    expect(await texts({ levels: ['neutral'] })).toEqual(['客服态度不好']);
    expect(await texts({ levels: ['good', 'neutral'] })).toEqual(['很好', '客服态度不好']);
    const quality = present((await call('reviews.list', { filters: { categories: ['quality'] } })).items[0]?.case, 'the quality case');
    await call('cases.assign', { caseIds: [quality.id], assigneeId: staff.id });
    expect(await texts({ assigneeId: staff.id })).toEqual(['质量很差，破损']);
    expect(await texts({ assigneeId: null })).toEqual(['客服态度不好', '物流太慢了']);
    expect(await texts({ statuses: ['new'], from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 3, 2) })).toEqual(['客服态度不好', '质量很差，破损']);
    expect(await texts({ shopId, platform: 'taobao', levels: ['good'] })).toEqual(['很好']);
    expect(await texts({ platform: 'jd' })).toEqual([]);
    await core.close();
  });

  it('searches Chinese text: 3+ characters through the trigram index, 1–2 characters by LIKE, with highlights', async () => {
    const rows = [
      ['S1', '这是差评，物流太慢了', day(1), '差评', '甲', '杯子', ''],
      ['S2', '物流很快，质量好', day(2), '好评', '乙', '杯子', ''],
      ['S3', '差不多吧，一般', day(3), '中评', '丙', '杯子', ''],
      ['S4', 'Great CUP, 物流太慢', day(4), '中评', '丁', '杯子', ''],
    ];
    const { core, call } = await withReviews(rows);
    const search = async (text: string, filters: object = {}) => {
      const page = await call('reviews.list', { filters: { search: text, ...filters } });
      return page.items.map((item: { text: string; id: number }) => [item.text, page.highlights[String(item.id)]]);
    };
    expect(await search('物流太慢')).toEqual([
      ['Great CUP, 物流太慢', [[11, 15]]],
      ['这是差评，物流太慢了', [[5, 9]]],
    ]);
    expect(await search('差评')).toEqual([['这是差评，物流太慢了', [[2, 4]]]]);
    expect(await search('差')).toEqual([
      ['差不多吧，一般', [[0, 1]]],
      ['这是差评，物流太慢了', [[2, 3]]],
    ]);
    expect(await search('物流', { levels: ['good'] })).toEqual([['物流很快，质量好', [[0, 2]]]]);
    expect(await search('cup')).toEqual([['Great CUP, 物流太慢', [[6, 9]]]]);
    expect(await search('物流 太慢')).toHaveLength(2);
    expect(await search('100%_')).toEqual([]);
    expect((await call('reviews.count', { filters: { search: '物流' } })).total).toBe(3);
    await core.close();
  });

  it('pages a common search word from the newest rows and a rare one from the index, with the same results', async () => {
    const rows = Array.from({ length: 130 }, (_, i) => [`Q${i}`, i === 7 ? '独一无二的评价' : `第${i}条：物流太慢了`, day(1 + (i % 28), i % 24), i % 2 ? '差评' : '好评', `买家${i}`, '杯子', '']);
    const { core, call } = await withReviews(rows);
    const all = async (filters: object) => {
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('reviews.list', { filters, limit: 50, ...(cursor ? { cursor } : {}) });
        ids.push(...page.items.map((item: { id: number }) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    const dense = await all({ search: '物流太慢' });
    expect(dense).toHaveLength(129);
    expect(new Set(dense).size).toBe(129);
    expect(await all({ search: '物流太慢', levels: ['bad'] })).toEqual(dense.filter((id) => id % 2 === 0));
    expect(await all({ search: '独一无二' })).toHaveLength(1);
    await core.close();
  });

  it('sorts by SLA due time with nulls last, then newest, across pages', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => [`D${i}`, `差评${i}`, day(1 + i), '差评', `买家${i}`, '杯子', '']);
    const { core, call } = await withReviews(rows);
    const sqlite = core.services!.deps.sqlite;
    // SLA timers fill due_at; here two cases get one by hand.
    sqlite.prepare("UPDATE cases SET due_at = 200 WHERE review_id = (SELECT id FROM reviews WHERE order_no = 'D1')").run();
    sqlite.prepare("UPDATE cases SET due_at = 100 WHERE review_id = (SELECT id FROM reviews WHERE order_no = 'D5')").run();
    const order: (string | null)[] = [];
    let cursor: string | undefined;
    do {
      const page = await call('reviews.list', { sort: 'sla_due', limit: 3, ...(cursor ? { cursor } : {}) });
      order.push(...page.items.map((item) => item.orderNo));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(order).toEqual(['D5', 'D1', 'D7', 'D6', 'D4', 'D3', 'D2', 'D0']);
    await core.close();
  });

  it('pages by due time in the same order whether a filter keeps most cases or a few far down the due order', async () => {
    const total = 4500;
    const rows = Array.from({ length: total }, (_, i) => [`P${i}`, `差评${i}`, day(1 + (i % 28), i % 24), '差评', `买家${i}`, '杯子', '']);
    const { core, call } = await withReviews(rows);
    const sqlite = core.services!.deps.sqlite;
    // Many ties on the due time (as when one import opens thousands of cases at once); a few
    // cases of one category only at the end of the due order, past the first few thousand.
    sqlite.prepare("UPDATE cases SET category = 'logistics', due_at = 1000 + (id * 7919) % 500").run();
    sqlite.prepare("UPDATE cases SET category = 'malicious', due_at = 5000 + id % 3 WHERE id % 150 = 0").run();
    sqlite.prepare('UPDATE cases SET due_at = NULL WHERE id % 97 = 0').run();
    const expected = (category: CaseCategory) =>
      (
        sqlite
          .prepare(`SELECT review_id AS id FROM cases WHERE category = ? ORDER BY due_at IS NULL, due_at, posted_at DESC, review_id DESC`)
          .all(category) as { id: number }[]
      ).map((row) => row.id);
    const paged = async (category: CaseCategory) => {
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('reviews.list', { sort: 'sla_due', filters: { categories: [category] }, limit: 50, ...(cursor ? { cursor } : {}) });
        ids.push(...page.items.map((item: { id: number }) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    for (const category of ['logistics', 'malicious'] as const) {
      const want = expected(category);
      expect(want.length).toBeGreaterThan(category === 'logistics' ? 4000 : 20);
      expect(await paged(category)).toEqual(want);
    }
    await core.close();
  });
});

describe('reviews.list priority order', () => {
  const levelRank = "CASE r.level WHEN 'bad' THEN 0 WHEN 'neutral' THEN 1 ELSE 2 END";
  /** The order the inbox promises, in plain SQL: 差评, 中评, 好评; due soonest first, then undated newest. */
  const reference = (sqlite: { prepare(sql: string): { all(...params: unknown[]): unknown[] } }, where = '1', params: unknown[] = []) =>
    (
      sqlite
        .prepare(
          `SELECT r.id FROM reviews r LEFT JOIN cases c ON c.review_id = r.id WHERE ${where}
           ORDER BY ${levelRank}, CASE WHEN r.level = 'good' THEN 1 ELSE c.due_at IS NULL END, CASE WHEN r.level = 'good' THEN NULL ELSE c.due_at END,
             r.posted_at DESC, r.id DESC`,
        )
        .all(...params) as { id: number }[]
    ).map((row) => row.id);

  it('puts 差评 first, the most urgent first, then 中评 and 好评, across pages of any size and with filters', async () => {
    const levels = ['差评', '好评', '中评', '好评', '差评'];
    const rows = Array.from({ length: 260 }, (_, i) => [`Q${i}`, `评价${i}`, day(1 + (i % 27), i % 24), levels[i % levels.length]!, `买家${i}`, '杯子', '']);
    const { core, call } = await withReviews(rows);
    const sqlite = core.services!.deps.sqlite;
    // Ties on due time, some past deadlines, and closed (undated) cases in both negative levels.
    sqlite.prepare('UPDATE cases SET due_at = 1000 + (id * 37) % 20').run();
    sqlite.prepare('UPDATE cases SET due_at = NULL WHERE id % 7 = 0').run();
    const paged = async (filters: ReviewFilters, limit: number) => {
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('reviews.list', { sort: 'priority', filters, limit, ...(cursor ? { cursor } : {}) });
        ids.push(...page.items.map((item: { id: number }) => item.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    const all = reference(sqlite);
    expect(all).toHaveLength(260);
    for (const limit of [7, 50, 200]) expect(await paged({}, limit)).toEqual(all);
    const first = (await call('reviews.list', { sort: 'priority', limit: 5 })).items as { level: string; case: { dueAt: number } }[];
    const soonest = sqlite.prepare("SELECT min(due_at) AS at FROM cases WHERE level = 'bad'").get() as { at: number };
    expect(first.map((item) => item.level)).toEqual(['bad', 'bad', 'bad', 'bad', 'bad']);
    expect(first[0]!.case.dueAt).toBe(soonest.at);
    expect(await paged({ levels: ['neutral', 'good'] }, 30)).toEqual(reference(sqlite, "r.level IN ('neutral', 'good')"));
    expect(await paged({ search: '评价1' }, 9)).toEqual(reference(sqlite, "r.text LIKE '%评价1%'"));
    await core.close();
  });
});

describe('monitoring, classification and flags', () => {
  it('raises an alert event for a sensitive word or a 好评返现 demand (not for every bad review), stores it, and marks it read', async () => {
    const { core, call, alerts } = await withReviews([
      ['M1', '假货！我要投诉', day(1), '中评', '甲', '杯子', ''],
      ['M2', '给钱就改好评', day(2), '差评', '乙', '杯子', ''],
      ['M3', '很好用', day(3), '好评', '丙', '杯子', ''],
      ['M4', '一般般', day(4), '差评', '丁', '杯子', ''],
    ]);
    expect(alerts).toEqual([
      { alertId: 1, reviewId: 1, ruleName: '敏感词', matchedWords: ['投诉', '假货'], level: 'neutral', shopName: '测试店', excerpt: '假货！我要投诉', kind: 'monitor' },
      { alertId: 2, reviewId: 2, ruleName: '索要好评返现', matchedWords: ['给钱就改'], level: 'bad', shopName: '测试店', excerpt: '给钱就改好评', kind: 'monitor' },
    ]);
    const listed = await call('alerts.list', { unreadOnly: true });
    expect(listed.unread).toBe(2);
    expect(listed.items[0]).toMatchObject({ reviewId: 2, read: false });
    expect(await call('alerts.markRead', { ids: [1] })).toEqual({ updated: 1 });
    expect((await call('alerts.list', {})).unread).toBe(1);
    expect(await call('alerts.markRead', { all: true })).toEqual({ updated: 1 });
    const nothing = await core.call('alerts.markRead', {});
    expect(!nothing.ok && nothing.error.code).toBe('VALIDATION');
    await core.close();
  });

  it('uses edited rules: a new monitor keyword and a category rule that outweighs the old evidence; reclassify explains the change', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const rules = await call('rules.list');
    expect(rules.category.filter((rule: { name: string }) => !rule.name.includes(' · ')).map((rule: { category: string }) => rule.category)).toEqual([
      'malicious',
      'wrong_item',
      'mismatch',
      'quality',
      'logistics',
      'service',
    ]);
    // The default lexicon: general words and one rule per category and product family.
    expect(new Set(rules.category.map((rule: { family: string }) => rule.family))).toEqual(new Set(['general', 'electronics', 'food', 'beauty', 'clothing', 'appliances']));
    const monitor = await call('rules.saveMonitor', { name: '包装', keywords: ['包装', '包装'], levels: ['neutral', 'bad'], maxRating: 3, enabled: true });
    expect(monitor.keywords).toEqual(['包装']);
    const text = csvText([header, ['R1', '包装破损，快递太慢了', day(1), '中评', '甲', '杯子', '']], { delimiter: '\t' });
    await importFile(core, call, { kind: 'text', text }, 'taobao', shopId);
    const reviewCase = present((await call('reviews.list', {})).items[0]?.case, 'the review’s case');
    // 快递太慢 (an aspect with a complaint) outweighs 破损 alone; both are recorded.
    expect(reviewCase.classification).toMatchObject({ source: 'rule', ruleId: expect.any(Number), ruleName: '物流延误', matchedWords: ['快递'], needsReview: false });
    expect(reviewCase.classification.explanation).toMatchObject({ winner: 'logistics', runnerUp: 'quality', secondary: ['quality'] });
    expect((await call('alerts.list', {})).items.map((alert: { ruleName: string }) => alert.ruleName)).toEqual(['包装']);

    await call('rules.saveCategory', { name: '易碎品', category: 'quality', keywords: ['包装', '破损'], priority: 1, enabled: true });
    expect(await call('rules.reclassify')).toEqual({ changed: 1 });
    // The new rule's words now count as evidence for 产品质量 (whether they outweigh 快递太慢 also depends on the learned model).
    const reclassified = (await call('cases.get', { id: reviewCase.id })).classification;
    const qualityWords = reclassified.explanation!.reasons.filter((reason: { ruleName: string | null }) => reason.ruleName === '易碎品').map((reason: { word: string }) => reason.word);
    expect(qualityWords).toEqual(expect.arrayContaining(['破损', '包装']));
    const qualityScore = (explanation: typeof reclassified.explanation) => explanation!.scores.find((entry: { category: string }) => entry.category === 'quality')!.score;
    expect(qualityScore(reclassified.explanation)).toBeGreaterThan(qualityScore(reviewCase.classification.explanation));
    await call('rules.remove', { kind: 'monitor', id: monitor.id });
    expect((await call('alerts.list', {})).items[0]).toMatchObject({ ruleId: null, ruleName: '包装' });
    const gone = await core.call('rules.remove', { kind: 'category', id: 9999 });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    await core.close();
  });

  it('flags extortion and competitor wording with the words as evidence, and escalates severity', async () => {
    const { core, call } = await withReviews([
      ['F1', '不退款就差评，给钱就改', day(1), '差评', '甲', '杯子', ''],
      ['F2', '我是同行，别家买的比你好多了', day(2), '差评', '乙', '杯子', ''],
    ]);
    const items = (await call('reviews.list', {})).items;
    expect(items[1]?.case).toMatchObject({
      category: 'malicious',
      severity: 'critical',
      flags: [{ type: 'extortion', evidence: '评价以钱款为条件要挟删改评价「不退款就差评」', params: { words: ['不退款就差评'], spans: [[0, 6]] } }],
    });
    // A claim to be a competitor is; the mention of another shop (别家) beside it is not the evidence.
    expect(items[0]?.case?.flags).toEqual([{ type: 'competitor', evidence: '评价者自称同行或职业差评「我是同行」', params: { words: ['我是同行'], spans: [[0, 4]] } }]);
    expect((await call('reviews.list', { filters: { flags: ['extortion'] } })).items).toHaveLength(1);
    await core.close();
  });

  it('flags a burst of bad reviews on one product from new buyers, but not from returning ones', async () => {
    const burst = Array.from({ length: 5 }, (_, i) => [`B${i}`, `质量差${i}`, `2026-11-20 0${1 + i}:00:00`, '差评', `新人${i}`, '保温杯', '']);
    const spread = Array.from({ length: 5 }, (_, i) => [`C${i}`, `不好${i}`, day(1 + i * 3), '差评', `老客${i}`, '毛巾', '']);
    const returning = [['R0', '以前买过', day(1), '好评', '回头客', '保温杯', ''], ['R1', '这次不行', '2026-11-20 06:00:00', '差评', '回头客', '保温杯', '']];
    const { core, call } = await withReviews([...burst, ...spread, ...returning]);
    const flagged = (await call('reviews.list', { filters: { flags: ['burst'] } })).items;
    expect(flagged.map((item) => item.orderNo).sort()).toEqual(['B0', 'B1', 'B2', 'B3', 'B4']);
    expect(flagged[0]?.case?.flags[0]).toEqual({
      type: 'burst',
      evidence: '4 小时内「保温杯」收到 5 条差评，买家此前都没在本店评价过（北京时间 2026-11-20 01:00 – 2026-11-20 05:00）',
      params: { count: 5, hours: 4, product: '保温杯', from: Date.UTC(2026, 10, 19, 17), to: Date.UTC(2026, 10, 19, 21) },
    });
    await core.close();
  });

  it('flags reviews from an IP that several buyers share, when the export has one', async () => {
    const rows = [
      ['P1', '差', day(1), '差评', '甲', '杯子', '1.2.3.4'],
      ['P2', '差', day(2), '差评', '乙', '杯子', '1.2.3.4'],
      ['P3', '好', day(3), '好评', '丙', '杯子', '1.2.3.4'],
      ['P4', '差', day(4), '差评', '丁', '杯子', '5.6.7.8'],
    ];
    const { core, call } = await withReviews(rows);
    const flagged = (await call('reviews.list', { filters: { flags: ['same_device'] } })).items;
    expect(flagged.map((item) => item.orderNo)).toEqual(['P2', 'P1']);
    const params = { kind: 'ip', value: '1.2.3.4', count: 3, countCapped: false, buyers: ['丙', '乙', '甲'] };
    const first = present(flagged[0], 'a flagged review');
    expect(first.case?.flags).toEqual([{ type: 'same_device', evidence: '同一IP 1.2.3.4 被 3 个不同买家使用（丙、乙、甲）', params }]);
    const detail = await call('reviews.get', { id: first.id });
    expect(detail.buyer).toMatchObject({ nick: '乙', reviews: 1, negative: 1, flags: [{ type: 'same_device', params }] });
    await core.close();
  });
});

describe('reviews.get and reviews.create', () => {
  it('creates a review by hand through the same rules, refuses the same one twice, and shows the order’s other reviews', async () => {
    const { core, call, shopId } = await withReviews([['X1', '还行', day(1), '中评', '甲', '杯子', '']]);
    const created = await call('reviews.create', { shopId, orderNo: 'X1', text: '漏发了一个杯盖', rating: 1, buyerNick: '甲', postedAt: Date.UTC(2026, 10, 5) });
    expect(created).toMatchObject({ level: 'bad', rating: 1, sourceFile: null, case: { category: 'wrong_item', severity: 'high' } });
    const again = await core.call('reviews.create', { shopId, orderNo: 'X1', text: '漏发了一个杯盖', rating: 1, buyerNick: '甲', postedAt: Date.UTC(2026, 10, 5) });
    expect(!again.ok && again.error.code).toBe('CONFLICT');
    const detail = await call('reviews.get', { id: created.id });
    expect(detail.sameOrder.map((review: { text: string }) => review.text)).toEqual(['还行']);
    expect(detail.buyer).toMatchObject({ nick: '甲', reviews: 2, negative: 2 });
    expect(detail.timeline.map((entry: { action: string }) => entry.action)).toEqual(['reviews.posted', 'reviews.created', 'cases.opened']);
    const missing = await core.call('reviews.get', { id: 999 });
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
    const noLevel = await core.call('reviews.create', { shopId, text: 'x', postedAt: 1 });
    expect(!noLevel.ok && noLevel.error.code).toBe('VALIDATION');
    await core.close();
  });
});
