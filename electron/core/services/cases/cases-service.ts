import type { CaseSla } from '../../../../shared/contract';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import type { PauseReason } from '../../../../shared/domain/sla';
import { insertAudit } from '../../../../db/queries/audit';
import { insertCorrectionSync } from '../../../../db/queries/classify-examples';
import { findAssignableStaff, findReviewIdOfCase, insertCaseEvent, listAssignees, listCategories, setAssignee, setManualCategory } from '../../../../db/queries/cases';
import { loadReviews } from '../../../../db/queries/reviews';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { AuthService } from '../auth/auth-service';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';
import { CaseLifecycle, type TransitionInput } from './case-lifecycle';
import { CaseRouting } from './case-routing';
import { CasesList } from './cases-list';

/** Cases: assignment, category, the lifecycle (case-lifecycle.ts), and the queues that group them. */
export class CasesService {
  private readonly lifecycle: CaseLifecycle;
  /** Gives new and breached cases to someone of the right role (the SLA timers call it). */
  readonly routing: CaseRouting;
  /** Told after a recategorisation committed (the learned model retrains, debounced). */
  onRecategorized: (count: number) => void = () => {};
  /** The cases list, the board's columns and bulk actions (cases-list.ts). */
  readonly list: CasesList;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly sla: SlaService,
    private readonly auth: AuthService,
  ) {
    this.lifecycle = new CaseLifecycle(deps, auth, sla);
    this.routing = new CaseRouting(deps);
    this.list = new CasesList(deps, sla, {
      assign: (caseIds, assigneeId, actor) => this.writeAssignee(caseIds, assigneeId, actor),
      transition: (input, actor) => this.transition(input, actor),
      forgetLoads: () => this.routing.forget(),
    });
  }

  private requireAll(found: { id: number }[], ids: readonly number[]) {
    const have = new Set(found.map((row) => row.id));
    const missing = [...new Set(ids)].filter((id) => !have.has(id));
    if (missing.length > 0) throw new AppError('NOT_FOUND', `Case ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''} does not exist.`, { entity: 'Case', ids: missing.slice(0, 100) });
  }

  /**
   * Assigns (or unassigns, with null). With someone signed in, the role table decides who may
   * take which category.
   */
  assign(caseIds: readonly number[], assigneeId: number | null, actor: string): { updated: number } {
    if (this.auth.current() && assigneeId !== null) this.lifecycle.checkMayTake(caseIds, assigneeId);
    return this.writeAssignee(caseIds, assigneeId, actor);
  }

  /**
   * The signed-in operator takes a case their role may take. Claiming from a pool (`fromPool`) is
   * refused when someone else claimed it first, so two people never work the same case unknowingly.
   */
  take(caseId: number, actor: string, fromPool = false): CaseSla {
    const operator = this.auth.current();
    if (!operator) throw new AppError('FORBIDDEN', 'Sign in to take a case.');
    this.lifecycle.checkMayTake([caseId], operator.id);
    if (fromPool) {
      const [row] = listAssignees(this.deps.sqlite, [caseId]);
      if (row && row.assigneeId !== null && row.assigneeId !== operator.id) {
        throw new AppError('CONFLICT', `${row.assigneeName ?? 'Someone'} has already claimed case ${caseId}.`, { reason: 'claimed', caseId, assigneeName: row.assigneeName });
      }
    }
    this.writeAssignee([caseId], operator.id, actor);
    return this.sla.getCase(caseId);
  }

  /** The pool the signed-in operator's role sees (待认领); nobody signed in: every unassigned case. */
  pool(limit?: number) {
    const role = this.auth.current()?.role ?? null;
    return { ...this.sla.pool(role, limit), role };
  }

  /** Writes the assignee and audits each case that changed, with names before and after. */
  private writeAssignee(caseIds: readonly number[], assigneeId: number | null, actor: string): { updated: number } {
    const sqlite = this.deps.sqlite;
    let assigneeName: string | null = null;
    if (assigneeId !== null) {
      const staff = findAssignableStaff(sqlite, assigneeId);
      if (!staff) throw notFound('Staff member', assigneeId);
      if (!staff.active) {
        throw new AppError('VALIDATION', `${staff.name} is deactivated and cannot take cases.`, { issues: [{ path: 'assigneeId', reason: 'inactive', message: 'Deactivated.' }] });
      }
      assigneeName = staff.name;
    }
    const rows = listAssignees(sqlite, caseIds);
    this.requireAll(rows, caseIds);
    const now = this.deps.clock.now();
    let updated = 0;
    inTransaction(sqlite, () => {
      for (const row of rows) {
        if (row.assigneeId === assigneeId) continue;
        setAssignee(sqlite, row.id, assigneeId, now);
        // The case's history names who moved it and to whom; back in the pool when unassigned.
        insertCaseEvent(sqlite, { caseId: row.id, at: now, kind: assigneeId === null ? 'pooled' : 'assigned', actor, detail: assigneeName });
        insertAudit(sqlite, {
          at: now,
          actor,
          action: 'cases.assign',
          entity: 'case',
          entityId: row.id,
          before: { assigneeId: row.assigneeId, assigneeName: row.assigneeName },
          after: { assigneeId, assigneeName },
        });
        updated++;
      }
    });
    if (updated > 0) {
      this.routing.forget();
      this.deps.events.emit('data.changed', { domain: 'reviews' });
    }
    return { updated };
  }

  /**
   * A person's category: kept over the rules from now on (re-import and reclassify leave it).
   * Open cases switch to the new category's SLA policy in the same transaction, and each change is
   * kept as a labelled example (classify_examples) the learned model trains on.
   */
  recategorize(caseIds: readonly number[], category: CaseCategory, actor: string): { updated: number } {
    const sqlite = this.deps.sqlite;
    const rows = listCategories(sqlite, caseIds);
    this.requireAll(rows, caseIds);
    const now = this.deps.clock.now();
    let updated = 0;
    let switched: number[] = [];
    inTransaction(sqlite, () => {
      const changed: { caseId: number; from: CaseCategory; leftReview: boolean }[] = [];
      for (const row of rows) {
        if (row.category === category && row.source === 'manual') continue;
        setManualCategory(sqlite, row.id, category, now);
        insertAudit(sqlite, {
          at: now,
          actor,
          action: 'cases.recategorize',
          entity: 'case',
          entityId: row.id,
          before: { category: row.category, source: row.source, ruleName: row.ruleName },
          after: { category, source: 'manual' },
        });
        insertCorrectionSync(sqlite, { caseId: row.id, fromCategory: row.category, toCategory: category, actor, at: now });
        changed.push({ caseId: row.id, from: row.category, leftReview: row.needsReview === 1 });
        updated++;
      }
      switched = this.sla.switchCategory(changed, actor, now);
    });
    if (updated > 0) {
      this.deps.events.emit('data.changed', { domain: 'reviews' });
      this.onRecategorized(updated);
    }
    if (switched.length > 0) this.sla.changed(switched);
    return { updated };
  }

  get(id: number) {
    const reviewId = findReviewIdOfCase(this.deps.sqlite, id);
    const review = reviewId !== undefined ? loadReviews(this.deps.sqlite, [reviewId])[0] : undefined;
    if (reviewId === undefined || !review?.case) throw notFound('Case', id);
    return { ...review.case, reviewId };
  }

  transition(input: TransitionInput, actor: string): CaseSla {
    const result = this.lifecycle.transition(input, actor);
    // Closing or reopening changes someone's open count.
    this.routing.forget();
    return result;
  }

  pause(caseId: number, reason: PauseReason, note: string | undefined, actor: string): CaseSla {
    return this.lifecycle.pause(caseId, reason, note, actor);
  }

  resume(caseId: number, actor: string): CaseSla {
    return this.lifecycle.resume(caseId, actor);
  }

  myQueue(staffId: number | undefined, limit?: number) {
    return this.sla.myQueue(staffId, limit);
  }

  board(perColumn?: number) {
    return this.sla.board(perColumn);
  }
}
