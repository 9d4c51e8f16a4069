import type { AssignTarget, BoardViewColumn, BulkFailure, BulkResult, CaseListFilter, CaseListItem, CaseSelection } from '../../../../shared/contract';
import type { BulkTransitionTarget, CaseListSort } from '../../../../shared/domain/case-order';
import { caseStatuses, type CaseStatus } from '../../../../shared/domain/reviews';
import { staffRoles, type StaffRole } from '../../../../shared/domain/roles';
import { mayTake, openCaseStatuses } from '../../../../shared/domain/sla';
import { insertAudit } from '../../../../db/queries/audit';
import { findAssignableStaff, findCase, findCaseOwnerRole, insertCaseEvent, listAssignees } from '../../../../db/queries/cases';
import {
  countBoardGroups,
  countCases,
  decodeCaseCursor,
  encodeCaseCursor,
  listBoardStaff,
  listCaseIds,
  listCasePage,
  type BoardCountRow,
  type CaseQueryFilter,
  type CaseListRow,
} from '../../../../db/queries/cases-list';
import { findRoutingState, setRouting } from '../../../../db/queries/routing';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';

/** A selection by filter resolves to at most this many cases (the contract's cap for ids too). */
const selectionCap = 10_000;
const failuresShown = 200;
/** Above this many matches a page walks the order's index instead of sorting the matches (measured at 100k cases). */
const walkOrderAbove = 2000;

export interface CaseListDeps {
  /** Writes the assignee with its history and audit (the service's own path, shared with cases.assign). */
  assign: (caseIds: readonly number[], assigneeId: number, actor: string) => { updated: number };
  /** One lifecycle step with every rule of cases.transition. */
  transition: (input: { caseId: number; to: CaseStatus; note?: string }, actor: string) => unknown;
  /** Re-reads routing loads after cases moved. */
  forgetLoads: () => void;
}

/** The cases list (search, filters, sort, keyset pages), the board's columns, and bulk actions. */
export class CasesList {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly sla: SlaService,
    private readonly actions: CaseListDeps,
  ) {}

  private items(rows: CaseListRow[]): CaseListItem[] {
    return this.sla.withNext(rows).map(({ k1: _k1, k2: _k2, k3: _k3, ...row }) => row);
  }

  list(filter: CaseListFilter = {}, sort: CaseListSort = 'deadline', cursor: string | undefined, limit = 100) {
    this.sla.openMissing();
    const after = cursor === undefined ? null : decodeCaseCursor(cursor);
    if (cursor !== undefined && (!after || after.sort !== sort)) {
      throw new AppError('VALIDATION', 'The cursor does not belong to this list; start again from the first page.', { issues: [{ path: 'cursor', reason: 'invalid', message: 'Unknown cursor.' }] });
    }
    const now = this.deps.clock.now();
    // The count reads indexes only; a filter matching many cases pages faster along the order's own index.
    const total = countCases(this.deps.sqlite, filter, now);
    const rows = listCasePage(this.deps.sqlite, filter, sort, after, limit + 1, now, total > walkOrderAbove);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return {
      items: this.items(page),
      nextCursor: more && last ? encodeCaseCursor({ sort, keys: [last.k1, last.k2, last.k3] }) : null,
      total,
      now,
    };
  }

  board(groupBy: 'status' | 'assignee', filter: CaseListFilter = {}, perColumn = 30) {
    this.sla.openMissing();
    const now = this.deps.clock.now();
    // Who holds what is about open work; a status board shows closed cases too.
    const scoped: CaseListFilter = groupBy === 'assignee' && !filter.statuses?.length ? { ...filter, statuses: [...openCaseStatuses] } : filter;
    const groups = countBoardGroups(this.deps.sqlite, scoped, groupBy, now);
    const counts = (row: BoardCountRow | undefined) => ({ total: row?.total ?? 0, warning: row?.warning ?? 0, breached: row?.breached ?? 0, paused: row?.paused ?? 0 });
    const cards = (extra: CaseQueryFilter, sort: CaseListSort = 'deadline') =>
      // A status or person column has its own deadline index; closed cases (newest first) are most cases, so walk the opened-at order.
      this.items(listCasePage(this.deps.sqlite, { ...scoped, ...extra }, sort, null, perColumn, now, sort === 'newest'));
    const base = { status: null, staffId: null, name: null, role: null, active: true };
    const columns: BoardViewColumn[] = [];
    if (groupBy === 'status') {
      for (const status of caseStatuses) {
        if (scoped.statuses?.length && !scoped.statuses.includes(status)) continue;
        const row = groups.find((group) => group.status === status);
        // Closed cases have no deadline: the most recently opened first.
        columns.push({ ...base, key: `status:${status}`, kind: 'status', status, counts: counts(row), items: row ? cards({ statuses: [status] }, status === 'closed' ? 'newest' : 'deadline') : [] });
      }
      return { columns, now };
    }
    for (const person of listBoardStaff(this.deps.sqlite)) {
      const row = groups.find((group) => group.assigneeId === person.id);
      if (!person.active && !row) continue;
      columns.push({ ...base, key: `staff:${person.id}`, kind: 'staff', staffId: person.id, name: person.name, role: person.role, active: person.active === 1, counts: counts(row), items: row ? cards({ assignees: [`staff:${person.id}`] }) : [] });
    }
    for (const role of staffRoles) {
      const row = groups.find((group) => group.assigneeId === null && group.poolRole === role);
      columns.push({ ...base, key: `pool:${role}`, kind: 'pool', role, counts: counts(row), items: row ? cards({ assignees: [`pool:${role}`] }) : [] });
    }
    const unrouted = groups.find((group) => group.assigneeId === null && group.poolRole === null);
    if (unrouted) {
      columns.push({ ...base, key: 'unrouted', kind: 'unrouted', counts: counts(unrouted), items: this.items(listCasePage(this.deps.sqlite, { ...scoped, unrouted: true }, 'deadline', null, perColumn, now)) });
    }
    return { columns, now };
  }

  /** The ids a selection stands for: the ids given, or every case matching the filter (deadline order). */
  resolve(selection: CaseSelection): number[] {
    if ('caseIds' in selection) return [...new Set(selection.caseIds)];
    const ids = listCaseIds(this.deps.sqlite, selection.filter, this.deps.clock.now(), selectionCap + 1);
    if (ids.length > selectionCap) {
      throw new AppError('VALIDATION', `The filter matches more than ${selectionCap} cases; narrow it down first.`, { issues: [{ path: 'selection', reason: 'too_many', message: `At most ${selectionCap}.` }], limit: selectionCap });
    }
    return ids;
  }

  bulkAssign(selection: CaseSelection, to: AssignTarget, actor: string): BulkResult {
    const ids = this.resolve(selection);
    const failures: BulkFailure[] = [];
    const current = new Map(listAssignees(this.deps.sqlite, ids).map((row) => [row.id, row]));
    for (const id of ids) if (!current.has(id)) failures.push({ caseId: id, reason: 'not_found', from: null, message: `Case ${id} does not exist.` });
    const present = ids.filter((id) => current.has(id));
    if ('staffId' in to) {
      const staff = findAssignableStaff(this.deps.sqlite, to.staffId);
      if (!staff) throw notFound('Staff member', to.staffId);
      const mayMove: number[] = [];
      let unchanged = 0;
      for (const id of present) {
        const owner = findCaseOwnerRole(this.deps.sqlite, id);
        if (owner && !mayTake(staff.role, owner.ownerRole)) {
          failures.push({ caseId: id, reason: 'forbidden', from: null, message: `${owner.category} cases belong to ${owner.ownerRole}; ${staff.name} is ${staff.role}.` });
        } else if (current.get(id)!.assigneeId === to.staffId) unchanged++;
        else mayMove.push(id);
      }
      // Deactivated staff: VALIDATION from the shared path, for the whole action (nothing moved).
      const { updated } = mayMove.length > 0 ? this.actions.assign(mayMove, to.staffId, actor) : { updated: 0 };
      return this.result(ids.length, updated, unchanged, failures);
    }
    return this.toPool(ids.length, present, to.pool, actor, failures);
  }

  /** Back to a role's pool (待认领): nobody holds the cases, the role is the one to claim them. */
  private toPool(matched: number, ids: number[], role: StaffRole, actor: string, failures: BulkFailure[]): BulkResult {
    const sqlite = this.deps.sqlite;
    const now = this.deps.clock.now();
    let updated = 0;
    let unchanged = 0;
    inTransaction(sqlite, () => {
      for (const id of ids) {
        const state = findRoutingState(sqlite, id);
        if (!state) continue;
        const owner = findCaseOwnerRole(sqlite, id);
        if (owner && !mayTake(role, owner.ownerRole)) {
          failures.push({ caseId: id, reason: 'forbidden', from: null, message: `${owner.category} cases belong to ${owner.ownerRole}; the ${role} pool cannot take them.` });
          continue;
        }
        if (state.assigneeId === null && state.poolRole === role) {
          unchanged++;
          continue;
        }
        setRouting(sqlite, id, null, role, now);
        insertCaseEvent(sqlite, { caseId: id, at: now, kind: 'pooled', actor, detail: role });
        insertAudit(sqlite, { at: now, actor, action: 'cases.assign', entity: 'case', entityId: id, before: { assigneeId: state.assigneeId, assigneeName: state.assigneeName, poolRole: state.poolRole }, after: { assigneeId: null, poolRole: role } });
        updated++;
      }
    });
    if (updated > 0) {
      this.actions.forgetLoads();
      this.deps.events.emit('data.changed', { domain: 'reviews' });
    }
    return this.result(matched, updated, unchanged, failures);
  }

  /**
   * One step per case through the lifecycle's own rules; a case that cannot take it (the
   * lifecycle has no such step from its status, closing early needs a supervisor) is reported.
   */
  bulkTransition(selection: CaseSelection, to: BulkTransitionTarget, note: string | undefined, actor: string): BulkResult {
    const ids = this.resolve(selection);
    const failures: BulkFailure[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const id of ids) {
      const row = findCase(this.deps.sqlite, id);
      if (!row) {
        failures.push({ caseId: id, reason: 'not_found', from: null, message: `Case ${id} does not exist.` });
        continue;
      }
      if (row.status === to) {
        unchanged++;
        continue;
      }
      try {
        this.actions.transition({ caseId: id, to, ...(note ? { note } : {}) }, actor);
        updated++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const reason = error.code === 'FORBIDDEN' ? 'forbidden' : error.code === 'NOT_FOUND' ? 'not_found' : error.code === 'CONFLICT' ? 'conflict' : error.details?.issues?.[0]?.reason === 'transition' ? 'not_allowed' : 'invalid';
        failures.push({ caseId: id, reason, from: row.status, message: error.message });
      }
    }
    return this.result(ids.length, updated, unchanged, failures);
  }

  private result(matched: number, updated: number, unchanged: number, failures: BulkFailure[]): BulkResult {
    return { matched, updated, unchanged, failures: failures.slice(0, failuresShown), failedCount: failures.length };
  }
}
