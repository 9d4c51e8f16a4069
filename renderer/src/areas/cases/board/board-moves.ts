import type { BoardViewColumn, CaseListItem } from '../../../../../shared/contract';
import type { CaseStatus } from '../../../../../shared/domain/reviews';
import { canTransition, caseTransitions } from '../../../../../shared/domain/sla';

/** What dropping a card on a column means. */
export type BoardMove =
  | { kind: 'none'; why: 'same' | 'inactive' }
  | { kind: 'refused'; from: CaseStatus; to: CaseStatus; options: readonly CaseStatus[] }
  /** A step that needs answers first: an outcome, a compensation, or a supervisor for closing early. */
  | { kind: 'ask'; to: CaseStatus }
  | { kind: 'transition'; to: CaseStatus }
  | { kind: 'assign'; staffId: number; name: string }
  | { kind: 'pool'; role: NonNullable<BoardViewColumn['role']> };

/** Decides a move by the lifecycle (shared/domain/sla.ts) and the column's kind; the server checks again. */
export function boardMove(item: CaseListItem, column: BoardViewColumn): BoardMove {
  if (column.kind === 'status' && column.status) {
    const to = column.status;
    if (item.status === to) return { kind: 'none', why: 'same' };
    if (!canTransition(item.status, to)) return { kind: 'refused', from: item.status, to, options: caseTransitions[item.status] };
    if (to === 'outcome' || to === 'solution_offered' || (to === 'closed' && item.status !== 'outcome')) return { kind: 'ask', to };
    return { kind: 'transition', to };
  }
  if (column.kind === 'staff' && column.staffId !== null) {
    if (!column.active) return { kind: 'none', why: 'inactive' };
    if (item.assigneeId === column.staffId) return { kind: 'none', why: 'same' };
    return { kind: 'assign', staffId: column.staffId, name: column.name ?? '' };
  }
  if (column.kind === 'pool' && column.role) {
    if (item.assigneeId === null && item.poolRole === column.role) return { kind: 'none', why: 'same' };
    return { kind: 'pool', role: column.role };
  }
  return { kind: 'none', why: 'same' };
}
