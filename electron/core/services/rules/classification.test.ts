import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { createShop, importFile } from '../../../../tests/helpers/inbox';
import { present } from '../../../../tests/helpers/present';
import { csvText } from '../../../../tests/helpers/review-files';
import type { CaseCategory } from '../../../../shared/domain/reviews';

const tempDir = useTempDirs();
const header = ['订单编号', '评价内容', '评价时间', '评价结果', '买家昵称', '宝贝名称', 'IP'];
const day = (n: number) => `2026-11-${String(n).padStart(2, '0')} 10:00:00`;

async function start() {
  const test = await startTestCore(tempDir());
  const alerts: { kind: string; ruleName: string }[] = [];
  test.core.events.subscribe((message) => {
    if (message.event === 'review.alert') alerts.push(message.payload as { kind: string; ruleName: string });
  });
  const shopId = await createShop(test.call, 'taobao', '测试店');
  const load = (rows: string[][], id = shopId) => importFile(test.core, test.call, { kind: 'text', text: csvText([header, ...rows], { delimiter: '\t' }) }, 'taobao', id);
  const byOrder = async (orderNo: string) => present((await test.call('reviews.list', { limit: 200 })).items.find((item) => item.orderNo === orderNo), orderNo);
  return { ...test, shopId, load, byOrder, alerts };
}

describe('classification on import', () => {
  it('stores the winner, runner-up, reasons with spans and confidence where the classification lives', async () => {
    const { core, load, byOrder } = await start();
    await load([['C1', '物流还行，就是客服回复太慢', day(1), '差评', '甲', '杯子', '']]);
    const classification = present((await byOrder('C1')).case, 'case').classification;
    expect(classification).toMatchObject({ source: 'rule', needsReview: false, ruleName: '服务态度' });
    expect(classification.matchedWords[0]).toBe('客服');
    expect(classification.explanation).toMatchObject({ winner: 'service', confidence: expect.any(Number) });
    expect(classification.explanation?.reasons).toContainEqual(expect.objectContaining({ word: '客服', start: 7, end: 9, effect: 'complaint' }));
    expect(classification.explanation?.reasons).toContainEqual(expect.objectContaining({ word: '物流', start: 0, end: 2, effect: 'praise' }));
    await core.close();
  });

  it('selects the lexicon by the shop product family: 死机 is a quality complaint for an electronics shop', async () => {
    const { core, call, load, byOrder } = await start();
    const phones = await call('shops.create', { platform: 'taobao', name: '数码店', productFamily: 'electronics' });
    expect(phones.productFamily).toBe('electronics');
    const fruit = await call('shops.create', { platform: 'taobao', name: '水果店', productFamily: 'food' });
    await load([['E1', '用了两天就死机，经常卡顿', day(1), '差评', '甲', '手机', '']], phones.id);
    await load([['F1', '用了两天就死机，经常卡顿', day(1), '差评', '乙', '芒果', ''], ['F2', '芒果烂了好几个，不新鲜', day(2), '差评', '丙', '芒果', '']], fruit.id);
    expect(present((await byOrder('E1')).case, 'E1').classification).toMatchObject({ ruleName: '产品质量 · 数码电子', matchedWords: ['死机', '卡顿'] });
    // The fruit shop's lexicon has no 死机 (the learned model may still lean to quality: that is its own evidence).
    const fruitWords = present((await byOrder('F1')).case, 'F1').classification.explanation?.reasons.filter((reason) => reason.source === 'rule').map((reason) => reason.word);
    expect(fruitWords).not.toContain('死机');
    expect(fruitWords).not.toContain('卡顿');
    expect(present((await byOrder('F2')).case, 'F2').classification.explanation?.family).toBe('food');
    expect(present((await byOrder('F2')).case, 'F2').category).toBe('quality');
    await core.close();
  });

  it('flags extortion as malicious evidence, and a reported 好评返现 as a compliance risk alert for the owner', async () => {
    const { core, call, load, byOrder, alerts } = await start();
    await load([
      ['X1', '加我微信转50块钱我就删评，不然这个差评一直挂着', day(1), '差评', '甲', '杯子', ''],
      ['X2', '商家搞好评返现，卡片上写五星好评返5元，东西一般', day(2), '中评', '乙', '杯子', ''],
      ['X3', '质量差，要求退款', day(3), '差评', '丙', '杯子', ''],
    ]);
    const extortion = present((await byOrder('X1')).case, 'X1');
    expect(extortion.category).toBe('malicious');
    expect(extortion.flags).toEqual([expect.objectContaining({ type: 'extortion', params: { words: ['50块钱我就删评，不然这个差评'], spans: [[5, 20]] } })]);
    const report = present((await byOrder('X2')).case, 'X2');
    expect(report.flags.map((flag) => flag.type)).toEqual(['compliance_risk']);
    expect(report.category).not.toBe('malicious');
    expect(present((await byOrder('X3')).case, 'X3').flags).toEqual([]);
    const listed = (await call('alerts.list', {})).items.filter((alert) => alert.kind === 'compliance_risk');
    expect(listed.map((alert) => [alert.ruleName, alert.matchedWords])).toEqual([['好评返现合规风险', ['好评返现', '五星好评返5']]]);
    expect(alerts.filter((alert) => alert.kind === 'compliance_risk')).toHaveLength(1);
    await core.close();
  });

  it('alerts on extortion and a competitor claim however worded, and not on a mention of another shop or a reported 好评返现', async () => {
    const { core, call, load } = await start();
    await load([
      ['A1', '除非补偿我三十元，要不这条差评我不会改', day(1), '差评', '甲', '杯子', ''],
      ['A2', '我是同行，你家这款做工真差，大家别买', day(2), '差评', '乙', '杯子', ''],
      ['A3', '比别家贵了二十块，质量还不如别家', day(3), '差评', '丙', '杯子', ''],
      ['A4', '商家搞好评返现，卡片上写五星好评返5元，东西一般', day(4), '中评', '丁', '杯子', ''],
    ]);
    const items = (await call('reviews.list', { limit: 10 })).items;
    const orderOf = new Map(items.map((item) => [item.id, item.orderNo]));
    const raised = (await call('alerts.list', {})).items.map((alert) => [orderOf.get(alert.reviewId), alert.ruleName]).sort();
    expect(raised).toEqual([
      ['A1', '索要好评返现'],
      ['A2', '恶意差评迹象'],
      ['A4', '好评返现合规风险'],
    ]);
    await core.close();
  });
});

describe('the needs-review queue', () => {
  it('holds unsure cases with their guesses, times them on the strictest guess, and leaves on a pick', async () => {
    const { core, call, load, byOrder } = await start();
    expect(await call('rules.getClassifier')).toEqual({ needsReviewThreshold: 0.45 });
    expect(await call('rules.saveClassifier', { needsReviewThreshold: 0.9 })).toEqual({ needsReviewThreshold: 0.9 });
    await load([
      ['N1', '快递丢了，客服也不管', day(1), '差评', '甲', '杯子', ''],
      ['N2', '收到就坏了，质量太差，开不了机', day(2), '差评', '乙', '杯子', ''],
      ['N3', '不喜欢', day(3), '差评', '丙', '杯子', ''],
    ]);
    const queue = (await call('reviews.list', { filters: { needsReview: true } })).items;
    expect(queue.map((item) => item.orderNo)).toEqual(['N1']);
    const unsure = present(queue[0]?.case, 'N1');
    expect(unsure).toMatchObject({ category: 'other', classification: { needsReview: true, source: 'default' } });
    const guesses = present(unsure.classification.explanation, 'explanation').guesses;
    expect(guesses).toEqual(expect.arrayContaining(['logistics', 'service']));
    // Sure, or nothing to go on: not in the queue.
    expect(present((await byOrder('N2')).case, 'N2').classification.needsReview).toBe(false);
    expect(present((await byOrder('N3')).case, 'N3').classification).toMatchObject({ needsReview: false, explanation: { scores: [] } });
    expect((await call('reviews.count', { filters: { needsReview: true } })).total).toBe(1);

    // The first-response clock runs on the strictest guess's policy, not 其他's.
    const policies = (await call('sla.listPolicies', {})).items.filter((policy) => policy.shopId === null && policy.platform === null && policy.current);
    const policyOf = (category: CaseCategory) => present(policies.find((policy) => policy.category === category), category);
    const strictest = [...guesses].sort((a, b) => policyOf(a).firstResponseMinutes - policyOf(b).firstResponseMinutes || policyOf(a).resolutionMinutes - policyOf(b).resolutionMinutes)[0] as CaseCategory;
    const timed = await call('sla.getCase', { caseId: unsure.id });
    expect(timed.policy.id).toBe(policyOf(strictest).id);
    expect(timed.targets.find((target) => target.kind === 'first_response')?.targetMinutes).toBe(policyOf(strictest).firstResponseMinutes);

    // A person picks a guess: out of the queue, on that category's policy, kept over the rules.
    const pick = guesses.find((guess) => guess !== strictest) ?? strictest;
    expect(await call('cases.recategorize', { caseIds: [unsure.id], category: pick })).toEqual({ updated: 1 });
    expect((await call('reviews.list', { filters: { needsReview: true } })).items).toEqual([]);
    expect((await call('sla.getCase', { caseId: unsure.id })).policy.id).toBe(policyOf(pick).id);
    expect((await call('cases.get', { id: unsure.id })).classification).toMatchObject({ source: 'manual', needsReview: false, explanation: { guesses } });
    await call('rules.reclassify');
    await load([['N1', '快递丢了，客服也不管', day(1), '差评', '甲', '杯子', '']]);
    expect((await call('cases.get', { id: unsure.id })).category).toBe(pick);
    await core.close();
  });

  it('refuses a threshold out of range with a validation error', async () => {
    const { core } = await start();
    const bad = await core.call('rules.saveClassifier', { needsReviewThreshold: 2 });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    await core.close();
  });
});
