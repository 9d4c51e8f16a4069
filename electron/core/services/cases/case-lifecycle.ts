import { categoryLabels } from '../../../../shared/domain/labels';
import type { CaseSla } from '../../../../shared/contract';
import type { CaseCategory, CaseStatus } from '../../../../shared/domain/reviews';
import { approvalRoles, canTransition, mayTake, type CaseOutcome, type PauseReason } from '../../../../shared/domain/sla';
import { findAssignableStaff, findCase, findCaseOwnerRole, insertCaseEvent, setCaseStatus, type CaseRow } from '../../../../db/queries/cases';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { AuthService } from '../auth/auth-service';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';

const categoryNames: Record<CaseCategory, string> = categoryLabels['zh-CN'];

export interface TransitionInput {
  caseId: number;
  to: CaseStatus;
  outcome?: CaseOutcome;
  note?: string;
  compensationCents?: number;
}

/**
 * A case's lifecycle: status steps (with the approvals some need), pauses, and who may take it.
 * Each step moves the case's SLA clocks in the same transaction and answers with the case's SLA.
 */
export class CaseLifecycle {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    private readonly sla: SlaService,
  ) {}

  private caseOf(caseId: number): CaseRow {
    const row = findCase(this.deps.sqlite, caseId);
    if (!row) throw notFound('Case', caseId);
    return row;
  }

  transition(input: TransitionInput, actor: string): CaseSla {
    const sla = this.sla.caseClock.require(input.caseId);
    const caseRow = this.caseOf(input.caseId);
    if (!canTransition(caseRow.status, input.to)) {
      throw new AppError('VALIDATION', `A case cannot go from ${caseRow.status} to ${input.to}.`, { issues: [{ path: 'to', reason: 'transition', message: `Not allowed from ${caseRow.status}.` }] });
    }
    if (input.to === 'outcome' && !input.outcome) {
      throw new AppError('VALIDATION', 'Say what the outcome was.', { issues: [{ path: 'outcome', reason: 'required', message: 'Required.' }] });
    }
    if (input.to === 'solution_offered' && input.compensationCents !== undefined && input.compensationCents > this.auth.settings().compensationApprovalCents) {
      this.auth.require(approvalRoles.compensationAboveThreshold, `Compensation above ¥${(this.auth.settings().compensationApprovalCents / 100).toFixed(2)}`);
    }
    if (input.to === 'closed' && caseRow.status !== 'outcome') this.auth.require(approvalRoles.closeBeforeOutcome, 'Closing a case before its outcome');
    const sqlite = this.deps.sqlite;
    const now = this.deps.clock.now();
    inTransaction(sqlite, () => {
      if (sla.pausedReason) this.sla.caseClock.resume(input.caseId, now, actor);
      setCaseStatus(sqlite, input.caseId, input.to, now);
      this.sla.caseClock.step(input.caseId, sla, caseRow.status, input.to, input.outcome, now);
      const detail = `${caseRow.status}→${input.to}${input.outcome ? ` (${input.outcome})` : ''}${input.note ? `: ${input.note}` : ''}`;
      insertCaseEvent(sqlite, { caseId: input.caseId, at: now, kind: 'transition', actor, detail });
      this.auth.audit(actor, 'cases.transition', 'case', String(input.caseId), { status: caseRow.status }, { status: input.to, outcome: input.outcome ?? null, note: input.note ?? null, compensationCents: input.compensationCents ?? null });
      this.sla.recompute([input.caseId], now);
    });
    this.deps.events.emit('data.changed', { domain: 'reviews' });
    this.sla.changed([input.caseId]);
    return this.sla.getCase(input.caseId);
  }

  pause(caseId: number, reason: PauseReason, note: string | undefined, actor: string): CaseSla {
    const sla = this.sla.caseClock.require(caseId);
    const caseRow = this.caseOf(caseId);
    const allowed = this.sla.caseClock.pauseReasons(sla.versionId);
    if (caseRow.status === 'closed') throw new AppError('CONFLICT', 'A closed case has no running clock.');
    if (sla.pausedReason) throw new AppError('CONFLICT', 'The case is already paused.');
    if (!allowed.includes(reason)) {
      throw new AppError('VALIDATION', `The policy for ${categoryNames[caseRow.category]} does not pause for ${reason}.`, { issues: [{ path: 'reason', reason: 'not_allowed', message: 'Not a pause state of this policy.' }] });
    }
    const now = this.deps.clock.now();
    inTransaction(this.deps.sqlite, () => {
      this.sla.caseClock.pause(caseId, reason, note ? `${reason}: ${note}` : reason, now, actor);
      this.auth.audit(actor, 'cases.pause', 'case', String(caseId), null, { reason, note: note ?? null });
      this.sla.recompute([caseId], now);
    });
    this.sla.changed([caseId]);
    return this.sla.getCase(caseId);
  }

  resume(caseId: number, actor: string): CaseSla {
    const sla = this.sla.caseClock.require(caseId);
    if (!sla.pausedReason) throw new AppError('CONFLICT', 'The case is not paused.');
    const now = this.deps.clock.now();
    inTransaction(this.deps.sqlite, () => {
      this.sla.caseClock.resume(caseId, now, actor);
      this.auth.audit(actor, 'cases.resume', 'case', String(caseId), null, null);
      this.sla.recompute([caseId], now);
    });
    this.sla.changed([caseId]);
    return this.sla.getCase(caseId);
  }

  /** FORBIDDEN when the staff member's role may not take the case's category. */
  checkMayTake(caseIds: readonly number[], staffId: number): void {
    const staff = findAssignableStaff(this.deps.sqlite, staffId);
    if (!staff) throw notFound('Staff member', staffId);
    this.sla.openMissing();
    for (const caseId of caseIds) {
      const row = findCaseOwnerRole(this.deps.sqlite, caseId);
      if (row && !mayTake(staff.role, row.ownerRole)) {
        throw new AppError('FORBIDDEN', `${categoryNames[row.category]} cases belong to ${row.ownerRole}; ${staff.name} is ${staff.role}.`, { caseId, ownerRole: row.ownerRole });
      }
    }
  }
}
