import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { countRows, createShop, importFile, writeFixture } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';
import { topCategory } from '../../../../shared/rules/ngram-model';
import { ClassifierModelStore, trainInSlices } from './classifier-model-store';
import { builtInExampleList } from '../../../../shared/rules/category-examples';

const tempDir = useTempDirs();

// The confusion of the target: price-drop complaints, which the default lexicon and the
// built-in examples file under 其他 but this shop hands to customer service (its 价保 policy), so
// agents move them to 服务. None of these words is in a default category rule.
const symptoms = ['就降价了', '就降价50', '降价100', '又降价了', '降价这么多'];
const products = ['这个平板', '新手机', '电脑', '手表', '这台机器', '游戏机'];
const crashRows = Array.from({ length: 30 }, (_, i) => [
  `3000000000000000${100 + i}`,
  `${products[i % products.length]}买完第${(i % 9) + 2}天${symptoms[i % symptoms.length]}，气死了`,
  '2026-11-23 10:00:00',
  '差评',
  i === 0 ? '追评：越想越亏' : '',
]);
const header = ['订单编号', '评价内容', '评价时间', '评价结果', '追评内容'];
const unseen = '刚收到货没几天就降价了80，心里很不舒服';

async function crashImport() {
  const dir = tempDir();
  const test = await startTestCore(dir);
  const shopId = await createShop(test.call);
  const path = writeFixture(dir, 'crash.csv', csvText([header, ...crashRows]));
  await importFile(test.core, test.call, { kind: 'path', path }, 'taobao', shopId);
  const page = await test.call('reviews.list', { filters: { search: '降价' }, limit: 100 });
  const caseIds = page.items.map((item) => item.case!.id);
  return { ...test, dir, path, shopId, caseIds, classifier: test.core.services!.classifier };
}

describe('the learned model learns from corrections', () => {
  it('trains at start on the built-in examples and says so', async () => {
    const { core, call, classifier } = await crashImport();
    await classifier.flush();
    const state = await call('rules.getModelState');
    expect(state).toMatchObject({ trained: true, correctionCount: 0, builtInCount: builtInExampleList().length, training: false, pending: false });
    expect(state.exampleCount).toBe(builtInExampleList().length);
    expect(state.trainedAt).toBe(Date.UTC(2026, 10, 24, 1, 30));
    expect(state.durationMs).toBeGreaterThanOrEqual(0);
    await core.close();
  });

  it('keeps each recategorisation as a labelled example: text and follow-up, from, to, who, when, shop', async () => {
    const { core, call, shopId, caseIds } = await crashImport();
    const page = await call('reviews.list', { filters: { search: '追评' }, limit: 10 });
    expect(page.items).toHaveLength(1);
    const withFollowUp = await call('cases.get', { id: page.items[0]!.case!.id });
    expect(caseIds).toContain(withFollowUp.id);
    expect(await call('cases.recategorize', { caseIds: [withFollowUp.id], category: 'service' })).toEqual({ updated: 1 });
    // Moved again: both are kept, the newest one is what the model learns.
    expect(await call('cases.recategorize', { caseIds: [withFollowUp.id], category: 'mismatch' })).toEqual({ updated: 1 });
    const rows = core.services!.deps.sqlite
      .prepare('SELECT case_id AS caseId, shop_id AS shopId, text, follow_up_text AS followUp, from_category AS fromCategory, to_category AS toCategory, actor, at FROM classify_examples ORDER BY id')
      .all();
    const { review } = await call('reviews.get', { id: withFollowUp.reviewId });
    expect(review.followUpText).toContain('越想越亏');
    expect(rows).toEqual([
      { caseId: withFollowUp.id, shopId, text: review.text, followUp: review.followUpText, fromCategory: 'other', toCategory: 'service', actor: 'local', at: Date.UTC(2026, 10, 24, 1, 30) },
      { caseId: withFollowUp.id, shopId, text: review.text, followUp: review.followUpText, fromCategory: 'service', toCategory: 'mismatch', actor: 'local', at: Date.UTC(2026, 10, 24, 1, 30) },
    ]);
    await core.services!.classifier.flush();
    expect(await call('rules.getModelState')).toMatchObject({ correctionCount: 1, exampleCount: builtInExampleList().length + 1 });
    await core.close();
  });

  it('after 30 corrections of one confusion, an unseen review of that kind is classified right without anyone editing a rule', async () => {
    const { core, call, caseIds, classifier, dir, shopId } = await crashImport();
    expect(caseIds).toHaveLength(30);
    await classifier.flush();
    const before = classifier.current()!;
    // Neither the default lexicon nor the built-in examples send them to 服务, and the model alone does not either.
    for (const id of caseIds) expect((await call('cases.get', { id })).category).not.toBe('service');
    expect(topCategory(before, unseen)?.category).not.toBe('service');

    expect(await call('cases.recategorize', { caseIds, category: 'service' })).toEqual({ updated: 30 });
    // Retraining waits for the corrections to settle (debounced), then runs.
    expect((await call('rules.getModelState')).pending).toBe(true);
    await classifier.flush();
    expect(await call('rules.getModelState')).toMatchObject({ pending: false, training: false, correctionCount: 30 });
    const after = classifier.current()!;
    const top = topCategory(after, unseen);
    expect(top?.category).toBe('service');
    expect(top!.probability).toBeGreaterThan(0.5);
    expect(after.reasons(unseen, 'service', 3).some((gram) => gram.includes('降价'))).toBe(true);
    // No rule was edited.
    expect((await call('rules.list')).category.flatMap((rule) => rule.keywords)).not.toContain('降价');
    // And through the whole pipeline: a new import of that kind of review lands in 服务.
    const next = writeFixture(dir, 'next.csv', csvText([header, ['300000000000000999', unseen, '2026-11-24 10:00:00', '差评', '']]));
    await importFile(core, call, { kind: 'path', path: next }, 'taobao', shopId);
    const fresh = (await call('reviews.list', { filters: { search: '心里很不舒服' }, limit: 5 })).items;
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.case).toMatchObject({ category: 'service' });
    await core.close();
  });

  it('a corrected example survives re-import and re-running the rules, and so does the manual category', async () => {
    const { core, call, caseIds, classifier, path, shopId } = await crashImport();
    await call('cases.recategorize', { caseIds, category: 'service' });
    await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    expect(await call('rules.reclassify')).toEqual({ changed: 0 });
    expect(countRows(core, 'classify_examples')).toBe(30);
    for (const id of caseIds) expect(await call('cases.get', { id })).toMatchObject({ category: 'service', classification: { source: 'manual' } });
    await classifier.flush();
    await classifier.train();
    expect((await call('rules.getModelState')).correctionCount).toBe(30);
    expect(topCategory(classifier.current()!, unseen)?.category).toBe('service');
    await core.close();
  });

  it('a fresh core on the same data folder learns the corrections again at start', async () => {
    const { core, call, caseIds, dir } = await crashImport();
    await call('cases.recategorize', { caseIds, category: 'service' });
    await core.close();
    const again = await startTestCore(dir);
    const classifier = again.core.services!.classifier;
    await classifier.flush();
    expect(classifier.state()).toMatchObject({ trained: true, correctionCount: 30 });
    expect(topCategory(classifier.current()!, unseen)?.category).toBe('service');
    await again.core.close();
  });
});

describe('ClassifierModelStore', () => {
  it('debounces corrections into one retraining and never trains twice at once', async () => {
    const { core, classifier: real } = await crashImport();
    await real.flush();
    const scheduled: (() => void)[] = [];
    const store = new ClassifierModelStore(core.services!.deps, { setTimeout: (callback) => scheduled.push(callback), clearTimeout: () => scheduled.pop() });
    expect(store.current()).toBeNull();
    expect(store.state()).toMatchObject({ trained: false, pending: false });
    store.corrected();
    store.corrected();
    expect(scheduled).toHaveLength(1);
    expect(store.state().pending).toBe(true);
    scheduled[0]!();
    const first = store.train();
    const second = store.train();
    await Promise.all([first, second]);
    expect(store.state()).toMatchObject({ trained: true, training: false, pending: false });
    store.close();
    store.corrected();
    expect(scheduled).toHaveLength(1);
    await core.close();
  });

  it('retrains for corrections another process wrote, and not when the table has nothing new', async () => {
    const { core, call, caseIds, classifier: real } = await crashImport();
    await real.flush();
    const scheduled: (() => void)[] = [];
    const store = new ClassifierModelStore(core.services!.deps, { setTimeout: (callback) => scheduled.push(callback), clearTimeout: () => scheduled.pop() });
    await store.train();
    store.changedElsewhere();
    expect(scheduled).toHaveLength(0);
    // Written through the other store's core, as another process would: this store only sees the table.
    await call('cases.recategorize', { caseIds: caseIds.slice(0, 3), category: 'service' });
    store.changedElsewhere();
    expect(scheduled).toHaveLength(1);
    scheduled.pop()!();
    await store.flush();
    expect(store.state().correctionCount).toBe(3);
    store.close();
    await core.close();
  });

  it('ready() trains on demand where nothing started it (the CLI)', async () => {
    const { core } = await crashImport();
    const store = new ClassifierModelStore(core.services!.deps);
    const model = await store.ready();
    expect(model.exampleCount).toBe(builtInExampleList().length);
    expect(store.current()).toBe(model);
    await core.close();
  });

  it('trains in slices, yielding between them, to the same model as one pass', async () => {
    const examples = Array.from({ length: 3000 }, (_, i) => ({ text: `第${i}条评价，物流很慢，质量也差，客服不理人`, category: i % 2 ? ('quality' as const) : ('logistics' as const) }));
    let pauses = 0;
    const model = await trainInSlices(examples, 0, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(10);
    expect(model.exampleCount).toBe(3000);
    expect(model.probabilities('物流很慢').logistics).toBeCloseTo(0.5, 1);
  });
});
