import { describe, expect, it } from 'vitest';
import { classifyReview, compileLexicon, ruleHaystack, type CategoryRuleInput } from './classify';
import { matchMonitorRules, type MonitorRuleInput } from './monitor';
import { caseSeverity } from './severity';
import { textFlags } from './text-flags';

const categoryRules: CategoryRuleInput[] = [
  { id: 1, name: '物流', category: 'logistics', family: 'general', keywords: ['物流', '快递'], priority: 50, enabled: true },
  { id: 2, name: '质量', category: 'quality', family: 'general', keywords: ['质量', '破损'], priority: 40, enabled: true },
  { id: 3, name: '停用', category: 'malicious', family: 'general', keywords: ['质量'], priority: 1, enabled: false },
  { id: 4, name: 'English', category: 'service', family: 'general', keywords: ['Rude'], priority: 60, enabled: true },
];

describe('classifyReview', () => {
  const lexicon = compileLexicon(categoryRules, null);

  it('scores every enabled rule and names the winning words, strongest first', () => {
    expect(lexicon.entries.map((entry) => entry.ruleId)).toEqual([2, 2, 1, 1, 4]);
    expect(classifyReview(ruleHaystack('快递很慢，质量也差，还破损了', null), lexicon)).toMatchObject({
      category: 'quality',
      source: 'rule',
      ruleId: 2,
      ruleName: '质量',
      matchedWords: ['质量', '破损'],
      needsReview: false,
      explanation: { winner: 'quality', runnerUp: 'logistics' },
    });
  });

  it('reads the follow-up too, ignores Latin case, and falls back to 其他', () => {
    expect(classifyReview(ruleHaystack('还行', '追评：物流太慢'), lexicon).category).toBe('logistics');
    expect(classifyReview(ruleHaystack('the agent was RUDE', null), lexicon).matchedWords).toEqual(['rude']);
    expect(classifyReview(ruleHaystack('不喜欢', null), lexicon)).toMatchObject({ category: 'other', source: 'default', ruleId: null, ruleName: null, matchedWords: [] });
  });
});

describe('matchMonitorRules', () => {
  const rules: MonitorRuleInput[] = [
    { id: 1, name: '敏感词', keywords: ['投诉', '假货'], levels: [], maxRating: null, enabled: true },
    { id: 2, name: '差评', keywords: [], levels: ['bad'], maxRating: null, enabled: true },
    { id: 3, name: '两星以下', keywords: [], levels: [], maxRating: 2, enabled: true },
    { id: 4, name: '空规则', keywords: [], levels: [], maxRating: null, enabled: true },
    { id: 5, name: '停用', keywords: ['投诉'], levels: [], maxRating: null, enabled: false },
  ];
  const match = (text: string, level: 'good' | 'neutral' | 'bad', rating: number | null) =>
    matchMonitorRules({ haystack: ruleHaystack(text, null), level, rating }, rules).map((m) => [m.ruleName, m.matchedWords]);

  it('needs every condition a rule sets, and an empty rule never matches', () => {
    expect(match('我要投诉，假货', 'good', 5)).toEqual([['敏感词', ['投诉', '假货']]]);
    expect(match('一般', 'bad', 2)).toEqual([['差评', []], ['两星以下', []]]);
    expect(match('一般', 'neutral', 3)).toEqual([]);
    // No stars in the export: a bad level counts as its lowest rating.
    expect(match('一般', 'bad', null)).toEqual([['差评', []], ['两星以下', []]]);
  });
});

describe('textFlags', () => {
  it.each([
    ['返现删评，不然不改', 'extortion', '返现删评'],
    ['给钱就改好评', 'extortion', '给钱就改好评'],
    ['不退款我就给差评', 'extortion', '不退款我就给差评'],
    ['差评，除非你全额退款', 'extortion', '差评，除非你全额退款'],
    ['我是同行，质量真差', 'competitor', '我是同行'],
    ['好评返现已收到，谢谢', 'compliance_risk', '好评返现'],
  ])('%s → %s with the words and their span', (text, type, words) => {
    const start = text.toLowerCase().indexOf(words);
    expect(textFlags(text, null)).toContainEqual({ type, evidence: expect.stringContaining(`「${words}」`), params: { words: [words], spans: [[start, start + words.length]] } });
  });

  it('leaves ordinary complaints, praise and a mention of another shop alone', () => {
    expect(textFlags('质量差，退款了', null)).toEqual([]);
    expect(textFlags('别家的比你好', null)).toEqual([]);
  });
});

describe('caseSeverity', () => {
  const base = { rating: null, category: 'other' as const, flags: [] as const, haystack: '' };
  it('ranks extortion and outside escalation critical, then by level, stars and category', () => {
    expect(caseSeverity({ ...base, level: 'neutral', flags: ['extortion'] })).toBe('critical');
    expect(caseSeverity({ ...base, level: 'neutral', haystack: '打12315投诉' })).toBe('critical');
    expect(caseSeverity({ ...base, level: 'neutral' })).toBe('low');
    expect(caseSeverity({ ...base, level: 'bad', rating: 1 })).toBe('high');
    expect(caseSeverity({ ...base, level: 'bad', category: 'wrong_item' })).toBe('high');
    expect(caseSeverity({ ...base, level: 'bad', rating: 2, category: 'logistics' })).toBe('medium');
  });
});
