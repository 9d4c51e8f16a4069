// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemoryHandler } from '../../../api/memory-transport';
import { makeReview } from '../../../test/inbox-fakes';
import { ok, renderScreen, unexpected } from '../../../test/render-screen';
import { ReviewDetailPane } from './review-detail-pane';

afterEach(cleanup);

const lookups = {
  staffNames: new Map([[7, '王小明']]),
  assignable: [{ id: 7, name: '王小明', role: 'agent' as const, active: true, createdAt: 0, updatedAt: 0 }],
  shops: [],
  shopsLoaded: true,
};

function backendFor(review: ReturnType<typeof makeReview>) {
  const calls: { method: string; input: unknown }[] = [];
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'reviews.get') {
      return ok({
        review,
        timeline: [{ at: review.postedAt, actor: 'local', action: 'reviews.imported', detail: 'export.csv 第 12 行' }],
        buyer: { nick: review.buyerNick, reviews: 4, negative: 3, flags: [] },
        sameOrder: [],
      });
    }
    if (method === 'cases.recategorize') return ok({ updated: 1 });
    return unexpected(method);
  };
  return { handler, calls };
}

describe('ReviewDetailPane', () => {
  it('explains the category by rule and words, and shows each flag with its evidence', async () => {
    const review = makeReview(
      5,
      { followUpText: '追评：卖家说返现二十元让我删评' },
      { flags: [{ type: 'extortion', evidence: '追评提到“返现”“删评”' }, { type: 'same_device', evidence: '同一设备 3 天内留下 4 条差评' }] },
    );
    const backend = backendFor(review);
    renderScreen(<ReviewDetailPane reviewId={5} ranges={undefined} search="返现" lookups={lookups} onClose={() => undefined} />, backend.handler);

    expect(await screen.findByTestId('classification-explanation')).toHaveProperty('textContent', '规则「物流延误」命中：快递、三天');
    const flags = screen.getByTestId('case-flags');
    expect(within(flags).getByText('勒索/返现删评')).toBeTruthy();
    expect(within(flags).getByText('追评提到“返现”“删评”')).toBeTruthy();
    expect(within(flags).getByText('同 IP/设备')).toBeTruthy();
    expect(within(flags).getByText('同一设备 3 天内留下 4 条差评')).toBeTruthy();
    // The follow-up marks the search too, the order and buyer are there, and the timeline reads as words.
    expect(screen.getByText('返现', { selector: 'mark' })).toBeTruthy();
    expect(screen.getByText('ORD1005')).toBeTruthy();
    expect(screen.getByText('共 4 条，其中差评 3 条')).toBeTruthy();
    expect(within(screen.getByTestId('detail-timeline')).getByText('导入了评价')).toBeTruthy();
  });

  it('says a person set the category, and changes it from the pane', async () => {
    const review = makeReview(6, {}, { category: 'quality', classification: { source: 'manual', ruleId: null, ruleName: null, matchedWords: [] } });
    const backend = backendFor(review);
    renderScreen(<ReviewDetailPane reviewId={6} ranges={undefined} search="" lookups={lookups} onClose={() => undefined} />, backend.handler);

    expect((await screen.findByTestId('classification-explanation')).textContent).toBe('人工设定');
    fireEvent.change(screen.getByLabelText('分类'), { target: { value: 'service' } });
    await waitFor(() => expect(backend.calls).toContainEqual({ method: 'cases.recategorize', input: { caseIds: [1006], category: 'service' } }));
  });
});
