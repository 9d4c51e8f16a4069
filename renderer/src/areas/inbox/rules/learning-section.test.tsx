// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CategoryRule, ClassifierModelState, KeywordSuggestionItem } from '../../../../../shared/contract';
import type { MemoryHandler } from '../../../api/memory-transport';
import { ok, renderScreen, unexpected } from '../../../test/render-screen';
import { LearningSection } from './learning-section';

afterEach(cleanup);

const qualityRule: CategoryRule = { id: 4, name: '产品质量', category: 'quality', keywords: ['质量', '坏了'], priority: 40, enabled: true, family: 'general' };
const trained: ClassifierModelState = { trained: true, exampleCount: 103, builtInCount: 73, correctionCount: 30, trainedAt: Date.UTC(2026, 10, 24, 1, 30), durationMs: 12, training: false, pending: false };
const suggestion = (item: Partial<KeywordSuggestionItem>): KeywordSuggestionItem => ({ category: 'quality', keyword: '闪退', catches: 12, corrections: 30, elsewhere: 0.004, ruleId: 4, ruleName: '产品质量', ...item });

function backend(suggestions: KeywordSuggestionItem[], correctionCount = 30, state = trained) {
  const calls: { method: string; input: unknown }[] = [];
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'rules.getModelState') return ok(state);
    if (method === 'rules.listKeywordSuggestions') return ok({ suggestions, correctionCount });
    if (method === 'rules.saveCategory') return ok({ id: 9, ...(input as object) });
    return unexpected(method);
  };
  return { handler, calls };
}

describe('LearningSection', () => {
  it('shows what the model learned from and adds a suggested keyword to its rule in one click', async () => {
    const { handler, calls } = backend([suggestion({})]);
    renderScreen(<LearningSection rules={[qualityRule]} />, handler);
    expect(await screen.findByText('103 条样本（内置 73 条，人工纠正 30 条）')).toBeTruthy();
    expect(screen.getByText('12 / 30 条')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '把关键词 闪退 加入规则 产品质量' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'rules.saveCategory', input: { ...qualityRule, keywords: ['质量', '坏了', '闪退'] } }),
    );
  });

  it('creates a rule of the category when none exists for it', async () => {
    const { handler, calls } = backend([suggestion({ category: 'wrong_item', keyword: '赠品呢', ruleId: null, ruleName: null })]);
    renderScreen(<LearningSection rules={[qualityRule]} />, handler);
    fireEvent.click(await screen.findByRole('button', { name: '用关键词 赠品呢 新建一条「漏发/错发」规则' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ method: 'rules.saveCategory', input: { name: '漏发/错发（学到的词）', category: 'wrong_item', keywords: ['赠品呢'], priority: 50, enabled: true } }),
    );
  });

  it('says how to get suggestions when there are no corrections yet, and that training is under way', async () => {
    const { handler } = backend([], 0, { ...trained, trained: false, trainedAt: null, durationMs: null, pending: true });
    renderScreen(<LearningSection rules={[]} />, handler);
    expect(await screen.findByText('还没有人工纠正。在工单详情里改分类后，这里会建议能抓住那类评价的关键词。')).toBeTruthy();
    expect(await screen.findByText('模型还没有训练完成')).toBeTruthy();
    expect(screen.getByText('正在训练…')).toBeTruthy();
  });
});
