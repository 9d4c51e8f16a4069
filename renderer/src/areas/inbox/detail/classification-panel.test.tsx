// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseSummary } from '../../../../../shared/contract';
import { renderScreen, unexpected } from '../../../test/render-screen';
import { ClassificationPanel } from './classification-panel';

afterEach(cleanup);

type Explanation = NonNullable<CaseSummary['classification']['explanation']>;
const reason = (word: string, category: Explanation['winner'], effect: Explanation['reasons'][number]['effect'], weight: number, start: number) => ({
  category,
  word,
  start,
  end: start + word.length,
  weight,
  source: 'rule' as const,
  effect,
  ruleId: 1,
  ruleName: '规则',
});

const explanation: Explanation = {
  winner: 'service',
  runnerUp: 'logistics',
  secondary: ['wrong_item'],
  confidence: 0.82,
  scores: [
    { category: 'service', score: 2.25 },
    { category: 'wrong_item', score: 1 },
  ],
  reasons: [reason('物流', 'logistics', 'praise', -0.48, 0), reason('客服', 'service', 'complaint', 2.25, 7), reason('坏', 'quality', 'negated', 0, 12)],
  guesses: ['service', 'wrong_item', 'logistics'],
  family: null,
  modelExamples: 0,
};

describe('ClassificationPanel', () => {
  it('shows the winner, confidence, runner-up, further complaints and each word with its effect', () => {
    renderScreen(<ClassificationPanel classification={{ source: 'rule', ruleId: 1, ruleName: '服务态度', matchedWords: ['客服'], explanation, needsReview: false }} onPick={() => undefined} />, unexpected);
    expect(screen.getByTestId('classification-decision').textContent).toBe('判断为「服务态度」，把握 82% · 次选「物流延误」 · 同时提到：漏发/错发');
    const reasons = within(screen.getByTestId('classification-reasons'));
    expect(reasons.getByText('客服').closest('[data-effect]')?.getAttribute('data-effect')).toBe('complaint');
    expect(reasons.getByText('物流').closest('[data-effect]')?.getAttribute('data-effect')).toBe('praise');
    expect(reasons.getByText('坏').closest('[data-effect]')?.getAttribute('data-effect')).toBe('negated');
    expect(screen.queryByTestId('needs-review-guesses')).toBeNull();
  });

  it('offers the guesses of a case that needs review, one click each', () => {
    const onPick = vi.fn();
    renderScreen(<ClassificationPanel classification={{ source: 'default', ruleId: null, ruleName: null, matchedWords: [], explanation, needsReview: true }} onPick={onPick} />, unexpected);
    expect(screen.getByTestId('classification-explanation').textContent).toBe('待确认：找到了线索，但把握不足，请人工选择分类');
    fireEvent.click(within(screen.getByTestId('needs-review-guesses')).getByRole('button', { name: '漏发/错发' }));
    expect(onPick).toHaveBeenCalledWith('wrong_item');
  });
});
