import { describe, expect, it } from 'vitest';
import type { CaseCategory } from '../domain/reviews';
import type { CategoryModel } from './category-model';
import { classifyReview, ruleHaystack } from './classify';
import { compileLexicon, type LexiconRule } from './lexicon';

// Hand-written fixtures: a small lexicon in the shape of the seeded defaults.
const rules: LexiconRule[] = [
  { id: 1, name: '物流延误', category: 'logistics', family: 'general', priority: 50, enabled: true, keywords: ['物流', '快递', '发货慢', '没收到', '显示签收'] },
  { id: 2, name: '服务态度', category: 'service', family: 'general', priority: 60, enabled: true, keywords: ['客服', '态度', '不理人', '回复慢'] },
  { id: 3, name: '产品质量', category: 'quality', family: 'general', priority: 40, enabled: true, keywords: ['质量', '坏了', '坏', '异味', '破损'] },
  { id: 4, name: '产品质量 · 数码', category: 'quality', family: 'electronics', priority: 40, enabled: true, keywords: ['死机', '卡顿', '开不了机', '卡'] },
  { id: 5, name: '产品质量 · 生鲜', category: 'quality', family: 'food', priority: 40, enabled: true, keywords: ['不新鲜', '烂', '坏果'] },
  { id: 6, name: '漏发/错发', category: 'wrong_item', family: 'general', priority: 20, enabled: true, keywords: ['少发', '赠品没有', '发错颜色'] },
  { id: 7, name: '尺码 · 服装', category: 'mismatch', family: 'clothing', priority: 30, enabled: true, keywords: ['偏大', '偏小', '色差'] },
];
const all = compileLexicon(rules, null);
const decide = (text: string, lexicon = all, follow: string | null = null) => classifyReview(ruleHaystack(text, follow), lexicon);
const reasonsOf = (text: string, category: CaseCategory) => decide(text).explanation.reasons.filter((reason) => reason.category === category);

describe('contrast', () => {
  it('gives the clause after 就是 the decision: 物流还行，就是客服回复太慢 is service, logistics the runner-up', () => {
    const decision = decide('物流还行，就是客服回复太慢');
    expect(decision.category).toBe('service');
    expect(decision.explanation.reasons.find((reason) => reason.word === '客服')).toMatchObject({ start: 7, end: 9, effect: 'complaint', weight: 2.25 });
    expect(decision.explanation.reasons.find((reason) => reason.word === '物流')).toMatchObject({ start: 0, end: 2, effect: 'praise' });
    expect(decision.explanation.scores.find((score) => score.category === 'logistics')).toBeUndefined();
  });

  it('puts a 虽然 concession below what follows 但', () => {
    const decision = decide('虽然快递有点慢，但是质量有问题');
    expect(decision.category).toBe('quality');
    expect(decision.explanation.runnerUp).toBe('logistics');
    expect(reasonsOf('虽然快递有点慢，但是质量有问题', 'logistics')[0]).toMatchObject({ word: '快递', weight: 0.75 });
  });
});

describe('negation', () => {
  it('does not count a negated complaint word (没坏, 没有异味) and shows it as negated', () => {
    const decision = decide('包装没坏，也没有异味，快递太慢了');
    expect(decision.category).toBe('logistics');
    expect(decision.explanation.reasons.filter((reason) => reason.effect === 'negated').map((reason) => [reason.word, reason.start])).toEqual([
      ['坏', 3],
      ['异味', 8],
    ]);
    expect(decision.explanation.scores.map((score) => score.category)).toEqual(['logistics']);
  });

  it('reads 不是很卡 and 一点也不卡 as praise of the phone, not a complaint', () => {
    expect(decide('手机不是很卡').explanation.scores).toEqual([]);
    expect(decide('一点也不卡，就是快递慢').category).toBe('logistics');
  });

  it('still counts a negation that is a complaint itself (开不了机, 不新鲜) and 不久就坏了', () => {
    expect(decide('买来不久就坏了，开不了机').category).toBe('quality');
    expect(decide('水果不新鲜').matchedWords).toEqual(['不新鲜']);
  });
});

describe('praise clauses', () => {
  it('lowers the praised category instead of raising it: 物流很快，客服很好 finds no complaint', () => {
    const decision = decide('物流很快，客服很好，质量不错');
    expect(decision.category).toBe('other');
    expect(decision.needsReview).toBe(false);
    expect(decision.explanation.reasons.map((reason) => [reason.word, reason.effect])).toEqual([
      ['物流', 'praise'],
      ['客服', 'praise'],
      ['质量', 'praise'],
    ]);
  });

  it('takes a negated praise as a complaint: 物流不快', () => {
    expect(decide('物流不快').category).toBe('logistics');
  });
});

describe('several complaints', () => {
  it('records the primary and the secondary complaints, the primary strongest', () => {
    const decision = decide('少发了一件，赠品没有，而且快递太慢');
    expect(decision.category).toBe('wrong_item');
    expect(decision.explanation.runnerUp).toBe('logistics');
    expect(decision.explanation.secondary).toEqual(['logistics']);
    expect(decision.matchedWords).toEqual(['少发', '赠品没有']);
    const three = decide('少发了赠品没有，而且快递太慢，客服也不理人');
    expect(three.category).toBe('service');
    expect(three.explanation.secondary).toEqual(['wrong_item', 'logistics']);
  });
});

describe('product families', () => {
  it('applies general words and the shop family only, or every family when none is set', () => {
    const food = compileLexicon(rules, 'food');
    const electronics = compileLexicon(rules, 'electronics');
    expect(decide('手机卡顿，经常死机', electronics).matchedWords).toEqual(['卡顿', '死机']);
    expect(decide('手机卡顿，经常死机', food).category).toBe('other');
    expect(decide('收到的芒果烂了好几个', food).explanation.reasons[0]).toMatchObject({ word: '烂', start: 5, ruleName: '产品质量 · 生鲜' });
    expect(decide('衣服偏大', all).category).toBe('mismatch');
    expect(decide('衣服偏大', electronics).category).toBe('other');
    expect(electronics.entries.some((entry) => entry.word === '物流')).toBe(true);
  });
});

describe('confidence and needs-review', () => {
  it('is sure of a clear complaint and unsure of a weak aspect word alone', () => {
    expect(decide('收到就死机，开不了机').explanation.confidence).toBeGreaterThan(0.8);
    const weak = decide('物流');
    expect(weak.needsReview).toBe(false);
    expect(weak.explanation.confidence).toBeCloseTo(0.59, 2);
    const close = classifyReview(ruleHaystack('快递丢了，客服', null), all, { threshold: 0.6 });
    expect(close.needsReview).toBe(true);
    expect(close.category).toBe('other');
    expect(close.explanation.guesses).toEqual(['logistics', 'service']);
  });

  it('leaves a review with no evidence in 其他 without asking anyone', () => {
    const decision = decide('不喜欢');
    expect(decision).toMatchObject({ category: 'other', needsReview: false, source: 'default' });
  });
});

describe('extortion evidence', () => {
  it('makes an extortion pattern malicious evidence with its span', () => {
    const decision = decide('质量一般，不给我返现20元我就天天来差评');
    expect(decision.category).toBe('malicious');
    expect(decision.explanation.reasons.find((reason) => reason.source === 'pattern')).toMatchObject({ word: '返现20元我就天天来差评', start: 8, end: 20 });
  });
});

describe('the learned model', () => {
  const model = (exampleCount: number): CategoryModel => ({
    exampleCount,
    probabilities: () => ({ quality: 0.8, other: 0.2 }),
    reasons: (_text, category) => (category === 'quality' ? ['卡成', '成狗'] : []),
  });

  it('adds its vote with its n-grams as reasons, source model', () => {
    const decision = classifyReview(ruleHaystack('用了两天卡成狗', null), all, { model: model(40) });
    expect(decision.category).toBe('quality');
    expect(decision.explanation.modelExamples).toBe(40);
    expect(decision.explanation.reasons.filter((reason) => reason.source === 'model' && reason.word !== '').map((reason) => [reason.word, reason.start])).toEqual([
      ['卡成', 4],
      ['成狗', 5],
    ]);
  });

  it('is ignored while untrained', () => {
    expect(classifyReview(ruleHaystack('用了两天卡成狗', null), compileLexicon(rules, 'food'), { model: model(0) }).category).toBe('other');
  });
});
