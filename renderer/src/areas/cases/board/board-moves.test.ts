import { describe, expect, it } from 'vitest';
import type { BoardViewColumn, CaseListItem } from '../../../../../shared/contract';
import { boardMove } from './board-moves';

const item = (over: Partial<CaseListItem> = {}): CaseListItem => ({
  caseId: 1,
  reviewId: 1,
  status: 'new',
  category: 'logistics',
  severity: 'medium',
  assigneeId: 3,
  assigneeName: '小王',
  shopName: '店',
  excerpt: '慢',
  openedAt: 0,
  next: null,
  paused: null,
  buyerNick: null,
  orderNo: null,
  platform: 'taobao',
  dueAt: null,
  poolRole: 'agent',
  ...over,
});
const column = (over: Partial<BoardViewColumn>): BoardViewColumn => ({ key: 'k', kind: 'status', status: null, staffId: null, name: null, role: null, active: true, counts: { total: 0, warning: 0, breached: 0, paused: 0 }, items: [], ...over });

describe('boardMove', () => {
  it('follows the lifecycle: allowed steps move, others are refused with where the case can go', () => {
    expect(boardMove(item(), column({ status: 'contacting' }))).toEqual({ kind: 'transition', to: 'contacting' });
    expect(boardMove(item(), column({ status: 'resolved' }))).toEqual({ kind: 'refused', from: 'new', to: 'resolved', options: ['contacting', 'closed'] });
    expect(boardMove(item(), column({ status: 'new' }))).toEqual({ kind: 'none', why: 'same' });
  });

  it('asks first for an outcome, a compensation, or closing before an outcome', () => {
    expect(boardMove(item({ status: 'resolved' }), column({ status: 'outcome' }))).toEqual({ kind: 'ask', to: 'outcome' });
    expect(boardMove(item({ status: 'contacting' }), column({ status: 'solution_offered' }))).toEqual({ kind: 'ask', to: 'solution_offered' });
    expect(boardMove(item({ status: 'new' }), column({ status: 'closed' }))).toEqual({ kind: 'ask', to: 'closed' });
    expect(boardMove(item({ status: 'outcome' }), column({ status: 'closed' }))).toEqual({ kind: 'transition', to: 'closed' });
  });

  it('assigns on a person column, pools on a pool column, never onto deactivated staff', () => {
    expect(boardMove(item(), column({ kind: 'staff', staffId: 4, name: '小李' }))).toEqual({ kind: 'assign', staffId: 4, name: '小李' });
    expect(boardMove(item(), column({ kind: 'staff', staffId: 3 }))).toEqual({ kind: 'none', why: 'same' });
    expect(boardMove(item(), column({ kind: 'staff', staffId: 5, active: false }))).toEqual({ kind: 'none', why: 'inactive' });
    expect(boardMove(item(), column({ kind: 'pool', role: 'supervisor' }))).toEqual({ kind: 'pool', role: 'supervisor' });
    expect(boardMove(item({ assigneeId: null }), column({ kind: 'pool', role: 'agent' }))).toEqual({ kind: 'none', why: 'same' });
  });
});
