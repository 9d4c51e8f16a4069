import { describe, expect, it } from 'vitest';
import { keywordCandidates, suggestKeywords } from './keyword-suggestions';

describe('keywordCandidates', () => {
  it('takes 2–4-character runs of Chinese, letters or digits, never edged by a particle, never all digits', () => {
    const found = keywordCandidates('手机老是闪退了，2026');
    expect(found).toContain('闪退');
    expect(found).toContain('老是闪退');
    expect(found).not.toContain('退了');
    expect(found).not.toContain('2026');
    expect([...found].every((word) => word.length >= 2 && word.length <= 4)).toBe(true);
  });
});

describe('suggestKeywords', () => {
  const corrections = [
    { text: '平板老是闪退', category: 'quality' as const },
    { text: '打开游戏就闪退', category: 'quality' as const },
    { text: '手机闪退重启', category: 'quality' as const },
    { text: '一直闪退，没法用', category: 'quality' as const },
    { text: '说好的赠品呢', category: 'wrong_item' as const },
  ];
  const background = [
    { text: '快递太慢，手机还行', category: 'logistics' as const },
    { text: '客服不理人，手机一般', category: 'service' as const },
    { text: '平板物流太慢', category: 'logistics' as const },
  ];

  it('suggests the word frequent in one category’s corrections and rare elsewhere, counting what it would have caught', () => {
    const suggestions = suggestKeywords({ corrections, background, ruleKeywords: {} });
    expect(suggestions[0]).toEqual({ category: 'quality', keyword: '闪退', catches: 4, corrections: 4, elsewhere: 0 });
    // Its longer forms catch nothing more; a word of another category's texts is not suggested.
    expect(suggestions.map((item) => item.keyword)).not.toContain('老是闪退');
    expect(suggestions.map((item) => item.keyword)).not.toContain('手机');
    // One correction is not a pattern.
    expect(suggestions.filter((item) => item.category === 'wrong_item')).toEqual([]);
  });

  it('leaves out what a rule of that category already has, or a word inside one', () => {
    expect(suggestKeywords({ corrections, background, ruleKeywords: { quality: ['闪退'] } }).map((item) => item.keyword)).not.toContain('闪退');
    expect(suggestKeywords({ corrections, background, ruleKeywords: { quality: ['老是闪退了'] } }).map((item) => item.keyword)).not.toContain('闪退');
    // A rule of another category does not hide it.
    expect(suggestKeywords({ corrections, background, ruleKeywords: { logistics: ['闪退'] } }).map((item) => item.keyword)).toContain('闪退');
  });

  it('drops a word common in other categories’ texts', () => {
    const noisy = [...background, ...Array.from({ length: 10 }, () => ({ text: '物流快，但是闪退', category: 'logistics' as const }))];
    expect(suggestKeywords({ corrections, background: noisy, ruleKeywords: {} }).map((item) => item.keyword)).not.toContain('闪退');
  });

  it('suggests nothing without corrections', () => {
    expect(suggestKeywords({ corrections: [], background, ruleKeywords: {} })).toEqual([]);
  });
});
