// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryHandler } from '../../api/memory-transport';
import { makeReview } from '../../test/inbox-fakes';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { InboxScreen } from './inbox-screen';
import { rowHeight } from './list/review-row';

afterEach(cleanup);

// jsdom lays nothing out; give every element a window-sized box so the virtualiser renders rows.
const sizes = { clientHeight: 800, clientWidth: 1200 } as const;
const saved = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const [name, value] of Object.entries(sizes)) {
    saved.set(name, Object.getOwnPropertyDescriptor(Element.prototype, name));
    Object.defineProperty(Element.prototype, name, { configurable: true, get: () => value });
  }
});
afterAll(() => {
  for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(Element.prototype, name, descriptor);
});

/** 150 reviews in two keyset pages, a count, and details for any of them. */
function fakeInboxBackend() {
  const reviews = Array.from({ length: 150 }, (_, index) => makeReview(index + 1));
  const calls: { method: string; input: unknown }[] = [];
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'reviews.list') {
      const { cursor, limit = 100 } = input as { cursor?: string; limit?: number };
      const start = cursor ? Number(cursor) : 0;
      const items = reviews.slice(start, start + limit);
      const next = start + limit < reviews.length ? String(start + limit) : null;
      return ok({ items, nextCursor: next, highlights: { [String(items[0]!.id)]: [[6, 8]] } });
    }
    if (method === 'reviews.count') return ok({ total: reviews.length });
    if (method === 'reviews.get') {
      const review = reviews.find((candidate) => candidate.id === (input as { id: number }).id)!;
      return ok({ review, timeline: [], buyer: { nick: review.buyerNick, reviews: 1, negative: 1, flags: [] }, sameOrder: [] });
    }
    if (method === 'reviews.countCases') return ok({ cases: 150, upTo: 1150, max: 10_000 });
    if (method === 'reviews.assignMatching') {
      const after = (input as { after?: number }).after;
      return ok(after === undefined ? { processed: 100, updated: 90, next: 1100 } : { processed: 50, updated: 50, next: null });
    }
    if (method === 'staff.list') return ok({ items: [] });
    if (method === 'shops.list') return ok({ items: [] });
    if (method === 'imports.presets') return ok({ items: [] });
    return unexpected(method);
  };
  return { handler, calls, reviews };
}

describe('InboxScreen', () => {
  it('shows the first page, marks search matches, and loads the next page near the end of the list', async () => {
    const backend = fakeInboxBackend();
    renderScreen(<InboxScreen />, backend.handler);

    const list = await screen.findByTestId('review-list');
    const first = within(list).getByTestId('review-row-1');
    expect(first.textContent).toContain('第 1 条');
    // Highlight [6, 8) of "第 1 条：快递三天…" is 快递.
    expect(first.querySelector('mark')?.textContent).toBe('快递');
    expect(within(first).getByText('物流延误')).toBeTruthy();
    expect(await screen.findByText('共 150 条')).toBeTruthy();
    // Only the rows in view are in the DOM, not all 100 loaded.
    expect(within(list).getAllByRole('row').length).toBeLessThan(60);
    expect(backend.calls.filter((call) => call.method === 'reviews.list')).toHaveLength(1);

    Object.defineProperty(list, 'scrollTop', { configurable: true, value: 100 * rowHeight - 800 });
    await act(async () => {
      fireEvent.scroll(list);
    });

    await waitFor(() => expect(backend.calls).toContainEqual({ method: 'reviews.list', input: expect.objectContaining({ cursor: '100' }) }));
    Object.defineProperty(list, 'scrollTop', { configurable: true, value: 150 * rowHeight - 800 });
    await act(async () => {
      fireEvent.scroll(list);
    });
    expect(await within(list).findByTestId('review-row-150')).toBeTruthy();
  });

  it('moves with j/k, opens with Enter, focuses search with / and closes with Esc', async () => {
    const backend = fakeInboxBackend();
    renderScreen(<InboxScreen />, backend.handler);
    const list = await screen.findByTestId('review-list');
    await within(list).findByTestId('review-row-1');

    fireEvent.keyDown(window, { key: 'j' });
    expect(within(list).getByTestId('review-row-1').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'k' });
    expect(within(list).getByTestId('review-row-2').getAttribute('aria-selected')).toBe('true');
    expect(within(list).getByTestId('review-row-1').getAttribute('aria-selected')).toBe('false');

    fireEvent.keyDown(window, { key: 'Enter' });
    const pane = await screen.findByTestId('review-detail');
    expect(await within(pane).findByText('第 2 条：快递三天都没到，客服也不回')).toBeTruthy();
    expect(backend.calls).toContainEqual({ method: 'reviews.get', input: { id: 2 } });

    // With the pane open it follows the cursor.
    fireEvent.keyDown(window, { key: 'j' });
    expect(await within(pane).findByText('第 3 条：快递三天都没到，客服也不回')).toBeTruthy();

    const search = screen.getByLabelText('搜索评价');
    fireEvent.keyDown(window, { key: '/' });
    expect(document.activeElement).toBe(search);
    // Typing in the search box is not a shortcut.
    fireEvent.keyDown(search, { key: 'j' });
    expect(within(list).getByTestId('review-row-3').getAttribute('aria-selected')).toBe('true');

    search.blur();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('review-detail')).toBeNull());
  });

  it('清除筛选 empties the search box and drops every filter from the next query', async () => {
    const backend = fakeInboxBackend();
    renderScreen(<InboxScreen />, backend.handler);
    await within(await screen.findByTestId('review-list')).findByTestId('review-row-1');
    const search = screen.getByLabelText<HTMLInputElement>('搜索评价');
    fireEvent.change(search, { target: { value: '快递' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const lists = () => backend.calls.filter((call) => call.method === 'reviews.list').map((call) => (call.input as { filters: object }).filters);
    await waitFor(() => expect(lists().at(-1)).toEqual({ search: '快递' }));
    expect(await screen.findByText('搜索：快递')).toBeTruthy();
    // Typed further but not yet searched: 清除筛选 must drop that too.
    fireEvent.change(search, { target: { value: '快递 三天' } });
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(lists().at(-1)).toEqual({}));
    expect(search.value).toBe('');
    expect(screen.queryByTestId('filter-chips')).toBeNull();
  });

  it('offers all reviews matching the filter after ticking the loaded ones, and changes them on the server batch by batch', async () => {
    const backend = fakeInboxBackend();
    renderScreen(<InboxScreen />, backend.handler);
    await within(await screen.findByTestId('review-list')).findByTestId('review-row-1');
    await screen.findByText('共 150 条');
    fireEvent.click(screen.getByTestId('select-all'));
    expect(await screen.findByText('已选择已加载的 100 条评价。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '选择全部 150 条符合筛选的评价' }));
    expect(screen.getByTestId('bulk-selected').textContent).toBe('已选全部 150 条符合筛选的评价');
    fireEvent.change(screen.getByLabelText('分配给…'), { target: { value: 'none' } });
    fireEvent.click(screen.getByRole('button', { name: '分配' }));
    expect(await screen.findByText('把符合筛选的 150 个工单分配给 未分配？')).toBeTruthy();
    fireEvent.click(screen.getByTestId('bulk-matching-confirm'));
    expect(await screen.findByText('分配给 未分配：处理了 150 个工单，其中 140 个有改动')).toBeTruthy();
    const batches = backend.calls.filter((call) => call.method === 'reviews.assignMatching').map((call) => call.input);
    expect(batches).toEqual([
      { filters: {}, upTo: 1150, assigneeId: null },
      { filters: {}, upTo: 1150, after: 1100, assigneeId: null },
    ]);
    // Nothing went by ticked ids: the change was over the filter.
    expect(backend.calls.some((call) => call.method === 'cases.assign')).toBe(false);
  });

  it('offers import, demo data and manual entry when there are no reviews at all', async () => {
    const handler: MemoryHandler = async (method) => {
      if (method === 'reviews.list') return ok({ items: [], nextCursor: null, highlights: {} });
      if (method === 'reviews.count') return ok({ total: 0 });
      if (method === 'staff.list' || method === 'shops.list') return ok({ items: [] });
      return unexpected(method);
    };
    renderScreen(<InboxScreen />, handler);
    expect(await screen.findByText('收件箱还是空的')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导入文件' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '加载演示数据' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '手动录入' }).length).toBeGreaterThan(0);
  });
});
