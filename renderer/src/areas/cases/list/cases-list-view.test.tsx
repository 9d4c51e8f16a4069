// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListItem } from '../../../../../shared/contract';
import type { MemoryHandler } from '../../../api/memory-transport';
import { ok, renderScreen, unexpected } from '../../../test/render-screen';
import { CasesListView } from './cases-list-view';

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

const item = (caseId: number): CaseListItem => ({
  caseId,
  reviewId: caseId,
  status: 'new',
  category: 'logistics',
  severity: 'medium',
  assigneeId: null,
  assigneeName: null,
  shopName: '木棉生活',
  excerpt: `第 ${caseId} 条：快递太慢`,
  openedAt: 0,
  next: null,
  paused: null,
  buyerNick: `买家${caseId}`,
  orderNo: `TB${caseId}`,
  platform: 'taobao',
  dueAt: null,
  poolRole: 'agent',
});

/** 250 matching cases, 100 a page; bulk calls recorded. */
function backend() {
  const cases = Array.from({ length: 250 }, (_, index) => item(index + 1));
  const calls: { method: string; input: unknown }[] = [];
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'cases.list') {
      const { cursor, limit = 100 } = input as { cursor?: string; limit?: number };
      const start = cursor ? Number(cursor) : 0;
      return ok({ items: cases.slice(start, start + limit), nextCursor: start + limit < cases.length ? String(start + limit) : null, total: cases.length, now: 1 });
    }
    if (method === 'staff.list') return ok({ items: [{ id: 7, name: '小王', role: 'agent', active: true, hasPin: false, createdAt: 0 }] });
    if (method === 'shops.list') return ok({ items: [] });
    if (method === 'cases.bulkAssign') return ok({ matched: 250, updated: 248, unchanged: 0, failedCount: 2, failures: [{ caseId: 3, reason: 'forbidden', from: null, message: 'x' }, { caseId: 9, reason: 'forbidden', from: null, message: 'x' }] });
    return unexpected(method);
  };
  return { handler, calls };
}

describe('CasesListView', () => {
  it('selects every matching case, not only the loaded rows, confirms with the count and lists the refused cases', async () => {
    const fake = backend();
    const filter = { categories: ['logistics' as const] };
    renderScreen(<CasesListView filter={filter} onFilter={() => {}} sort="deadline" onSort={() => {}} onOpen={() => {}} />, fake.handler);
    await screen.findByText('共 250 个工单');
    fireEvent.click(screen.getByTestId('select-loaded'));
    expect(screen.getByTestId('bulk-count').textContent).toBe('已选 100 个');
    fireEvent.click(screen.getByTestId('select-matching'));
    expect(screen.getByTestId('bulk-count').textContent).toBe('已选全部符合条件的 250 个');
    fireEvent.click(screen.getByTestId('bulk-assign'));
    fireEvent.click(await screen.findByTestId('bulk-assign-staff-7'));
    // The modal's root mounts before its content (Mantine renders the body once opened): wait for the words.
    await waitFor(() => expect(screen.getByTestId('bulk-confirm').textContent).toContain('把 250 个工单分配给 小王？'));
    const dialog = screen.getByTestId('bulk-confirm');
    fireEvent.click(within(dialog).getByTestId('bulk-confirm-button'));
    await waitFor(() => expect(fake.calls.some((call) => call.method === 'cases.bulkAssign')).toBe(true));
    // The selection is the filter itself, so the server takes every match.
    expect(fake.calls.find((call) => call.method === 'cases.bulkAssign')!.input).toEqual({ selection: { filter }, to: { staffId: 7 } });
    const result = await screen.findByTestId('bulk-result-text');
    expect(result.textContent).toBe('更新 248 个，原本就是这样 0 个，未能更新 2 个。');
    expect(screen.getByTestId('bulk-failures').textContent).toContain('#3');
  });

  it('says what to do when nothing matches', async () => {
    const handler: MemoryHandler = async (method) => {
      if (method === 'cases.list') return ok({ items: [], nextCursor: null, total: 0, now: 1 });
      if (method === 'staff.list' || method === 'shops.list') return ok({ items: [] });
      return unexpected(method);
    };
    renderScreen(<CasesListView filter={{ search: '没有' }} onFilter={() => {}} sort="deadline" onSort={() => {}} onOpen={() => {}} />, handler);
    expect(await screen.findByText('没有符合条件的工单')).toBeTruthy();
  });
});
