import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { createShop, importFile, writeFixture } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';

const tempDir = useTempDirs();
const header = ['订单编号', '评价内容', '评价时间', '评价结果'];
const symptoms = ['掉帧', '老是掉帧', '打开就掉帧', '掉帧重启', '频繁掉帧'];
const products = ['这个平板', '新手机', '电脑', '手表', '这台机器', '游戏机'];
const endings = ['气死了', '太失望', '怎么回事', '无语', '不推荐'];

describe('keyword suggestions on the rules screen', () => {
  it('suggests the word that would have caught recent corrections, for the rule of that category; once added, the rules catch it and it is no longer suggested', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const rows = Array.from({ length: 12 }, (_, i) => [`4000000000000000${100 + i}`, `${products[i % products.length]}用了${(i % 9) + 2}天，${symptoms[i % symptoms.length]}，${endings[(i * 3) % endings.length]}`, '2026-11-23 10:00:00', '差评']);
    // Other reviews the word must be rare in.
    rows.push(...Array.from({ length: 20 }, (_, i) => [`4000000000000000${200 + i}`, `第${i}单，快递太慢了，等了一个星期`, '2026-11-23 11:00:00', '差评']));
    await importFile(core, call, { kind: 'path', path: writeFixture(dir, 'a.csv', csvText([header, ...rows])) }, 'taobao', shopId);

    expect(await call('rules.listKeywordSuggestions', {})).toEqual({ suggestions: [], correctionCount: 0 });
    const crashes = (await call('reviews.list', { filters: { search: '掉帧' }, limit: 100 })).items.map((item) => item.case!.id);
    await call('cases.recategorize', { caseIds: crashes, category: 'quality' });

    const { suggestions, correctionCount } = await call('rules.listKeywordSuggestions', {});
    expect(correctionCount).toBe(12);
    const qualityRule = (await call('rules.list')).category.find((rule) => rule.category === 'quality')!;
    expect(suggestions[0]).toEqual({ category: 'quality', keyword: '掉帧', catches: 12, corrections: 12, elsewhere: 0, ruleId: qualityRule.id, ruleName: qualityRule.name });

    // The screen's one click: the existing rules contract, the rule with the keyword added.
    const { id, ...rest } = qualityRule;
    await call('rules.saveCategory', { ...rest, id, keywords: [...qualityRule.keywords, '掉帧'] });
    expect((await call('rules.listKeywordSuggestions', {})).suggestions.map((item) => item.keyword)).not.toContain('掉帧');
    const later = [[`4000000000000000300`, '手表戴了一天就掉帧', '2026-11-23 12:00:00', '差评']];
    await importFile(core, call, { kind: 'path', path: writeFixture(dir, 'b.csv', csvText([header, ...later])) }, 'taobao', shopId);
    const review = (await call('reviews.list', { filters: { search: '手表戴了' } })).items[0]!;
    expect(review.case).toMatchObject({ category: 'quality', classification: { source: 'rule', matchedWords: ['掉帧'] } });
    await core.close();
  });

  it('refuses a limit out of range or unknown input with a reason, and answers a core without background work (the CLI) with an untrained model', async () => {
    const { core } = await startTestCore(tempDir(), { background: false });
    for (const input of [{ limit: 0 }, { limit: 51 }, { limit: 'ten' }, { shop: 1 }]) {
      const answer = await core.call('rules.listKeywordSuggestions', input);
      expect(!answer.ok && answer.error.code).toBe('VALIDATION');
    }
    const state = await core.call('rules.getModelState', {});
    expect(state.ok && state.value).toMatchObject({ trained: false, exampleCount: 0, trainedAt: null, training: false });
    await core.close();
  });
});
