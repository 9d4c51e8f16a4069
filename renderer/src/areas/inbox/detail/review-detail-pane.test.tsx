// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewFlag, TimelineEntry } from '../../../../../shared/contract';
import type { MemoryHandler } from '../../../api/memory-transport';
import { formatDateTime } from '../../../format/date-time';
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

function backendFor(review: ReturnType<typeof makeReview>, extra: { timeline?: TimelineEntry[]; buyerFlags?: ReviewFlag[] } = {}) {
  const calls: { method: string; input: unknown }[] = [];
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'reviews.get') {
      return ok({
        review,
        timeline: extra.timeline ?? [{ at: review.postedAt, actor: 'local', action: 'reviews.imported', detail: 'export.csv 第 12 行', params: null }],
        buyer: { nick: review.buyerNick, reviews: 4, negative: 3, flags: extra.buyerFlags ?? [] },
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
      { flags: [{ type: 'extortion', evidence: '追评提到“返现”“删评”', params: {} }, { type: 'same_device', evidence: '同一设备 3 天内留下 4 条差评', params: {} }] },
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

  it('puts each flag and timeline entry into Chinese from its params, with times in the shop time zone', async () => {
    const from = Date.UTC(2026, 10, 19, 17, 0);
    const to = Date.UTC(2026, 10, 19, 21, 0);
    const review = makeReview(
      7,
      {},
      {
        flags: [
          { type: 'burst', evidence: 'fallback', params: { count: 5, hours: 4, product: '保温杯', from, to } },
          { type: 'competitor', evidence: 'Competitor wording 「别家」 in the review', params: { words: ['别家'] } },
          { type: 'same_device', evidence: 'fallback', params: { kind: 'ip', value: '1.2.3.4', count: 7, countCapped: false, buyers: ['甲', '乙', '丙', '丁', '戊'] } },
        ],
      },
    );
    const timeline: TimelineEntry[] = [
      { at: 1, actor: 'local', action: 'reviews.imported', detail: 'export.csv (import #3)', params: { fileName: 'export.csv', importId: 3 } },
      { at: 2, actor: 'rules', action: 'cases.opened', detail: 'by rule', params: { category: 'logistics', ruleName: '物流延误', words: ['快递', '三天'] } },
      { at: 3, actor: 'local', action: 'cases.recategorize', detail: 'x', params: { fromCategory: 'logistics', toCategory: 'service' } },
      { at: 4, actor: 'local', action: 'cases.assign', detail: 'x', params: { fromName: null, toName: '王小明' } },
      { at: 5, actor: 'local', action: 'rules.reclassify', detail: '{"changed":2}', params: null },
    ];
    const backend = backendFor(review, { timeline, buyerFlags: [{ type: 'competitor', evidence: 'English fallback', params: { words: ['别家'] } }] });
    renderScreen(<ReviewDetailPane reviewId={7} ranges={undefined} search="" lookups={lookups} onClose={() => undefined} />, backend.handler);

    const flags = await screen.findByTestId('case-flags');
    const when = (at: number) => formatDateTime(at, 'Asia/Shanghai', 'zh-CN');
    expect(within(flags).getAllByTestId('flag-evidence').map((node) => node.textContent)).toEqual([
      `4 小时内「保温杯」收到 5 条差评，买家此前都没在本店评价过（${when(from)} – ${when(to)}）`,
      '评价者自称同行或职业差评「别家」',
      '同一 IP 1.2.3.4 被 7 个不同买家使用（甲、乙、丙、丁、戊 等）',
    ]);
    expect(when(from)).toContain('2026-11-20 01:00');
    expect(within(screen.getByTestId('detail-timeline')).getAllByTestId('timeline-detail').map((node) => node.textContent)).toEqual([
      'export.csv（导入 #3）',
      '物流延误（规则「物流延误」命中：快递、三天）',
      '物流延误 → 服务态度',
      '未分配 → 王小明',
      '{"changed":2}',
    ]);
    expect(document.body.textContent).not.toMatch(/Competitor|English|import #|by rule/);
  });

  it('says a person set the category, and changes it from the pane', async () => {
    const review = makeReview(6, {}, { category: 'quality', classification: { source: 'manual', ruleId: null, ruleName: null, matchedWords: [], explanation: null, needsReview: false } });
    const backend = backendFor(review);
    renderScreen(<ReviewDetailPane reviewId={6} ranges={undefined} search="" lookups={lookups} onClose={() => undefined} />, backend.handler);

    expect((await screen.findByTestId('classification-explanation')).textContent).toBe('人工设定');
    fireEvent.change(screen.getByLabelText('分类'), { target: { value: 'service' } });
    await waitFor(() => expect(backend.calls).toContainEqual({ method: 'cases.recategorize', input: { caseIds: [1006], category: 'service' } }));
  });
});
