import type { CaseWorkspace, WorkspaceActor, WorkspaceEvent } from '../../../../shared/contract';
import { workspaceEventKinds } from '../../../../shared/contract/case-workspace';
import { caseStatuses, type CaseStatus } from '../../../../shared/domain/reviews';
import { staffRoles, type StaffRole } from '../../../../shared/domain/roles';
import { caseOutcomes, pauseReasons, slaTargetKinds, type CaseOutcome, type PauseReason, type SlaTargetKind } from '../../../../shared/domain/sla';
import { findCaseHolder, listCompensationOffers, listRolesByName, listWorkspaceEvents, type WorkspaceEventRow } from '../../../../db/queries/case-workspace';
import { findReviewIdOfCase, insertCaseEvent } from '../../../../db/queries/cases';
import { inTransaction } from '../../../../db/transaction';
import { notFound } from '../../errors';
import type { AuthService } from '../auth/auth-service';
import type { ReviewsService } from '../reviews/reviews-service';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';

const builtInActors = ['system', 'local', 'cli', 'rules'] as const;
type BuiltIn = (typeof builtInActors)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string | null | undefined): value is T => value != null && (list as readonly string[]).includes(value);

/** The parts of a `detail` as the lifecycle, the clock and routing write it (see case-lifecycle.ts, case-clock.ts, case-routing.ts). */
interface DetailParts {
  from?: CaseStatus;
  to?: CaseStatus;
  outcome?: CaseOutcome;
  text?: string;
  pauseReason?: PauseReason;
  assigneeName?: string;
  role?: StaffRole;
  policyVersion?: number;
}

/** `from→to (outcome): note`, `reason: note`, a role, a name, `v3` or `logistics→quality v3`, taken apart; null when not recognised. */
export function parseEventDetail(kind: string, detail: string | null): DetailParts | null {
  if (detail === null) return {};
  switch (kind) {
    case 'transition': {
      const match = /^(\w+)→(\w+)(?: \((\w+)\))?(?:: ([\s\S]*))?$/.exec(detail);
      if (!match || !isOneOf(caseStatuses, match[1]) || !isOneOf(caseStatuses, match[2])) return null;
      const outcome = match[3];
      if (outcome !== undefined && !isOneOf(caseOutcomes, outcome)) return null;
      return { from: match[1], to: match[2], ...(outcome ? { outcome } : {}), ...(match[4] ? { text: match[4] } : {}) };
    }
    case 'paused': {
      const match = /^(\w+)(?:: ([\s\S]*))?$/.exec(detail);
      if (!match || !isOneOf(pauseReasons, match[1])) return null;
      return { pauseReason: match[1], ...(match[2] ? { text: match[2] } : {}) };
    }
    case 'pooled':
    case 'escalated':
      return isOneOf(staffRoles, detail) ? { role: detail } : null;
    case 'assigned':
      return { assigneeName: detail };
    case 'opened':
    case 'policy_changed': {
      const match = /(?:^|\s)v(\d+)$/.exec(detail);
      return match ? { policyVersion: Number(match[1]) } : null;
    }
    case 'note':
      return { text: detail };
    default:
      return null;
  }
}

/**
 * The case workspace (cases.getWorkspace): the review and its buyer and order, the SLA, who holds the
 * case, the history with each `detail` taken apart and each actor named with their role, and the
 * compensation offered — everything the page shows in one answer.
 */
export class CaseWorkspaceReader {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly sla: SlaService,
    private readonly reviews: ReviewsService,
    private readonly auth: AuthService,
  ) {}

  async read(caseId: number): Promise<CaseWorkspace> {
    const sqlite = this.deps.sqlite;
    const reviewId = findReviewIdOfCase(sqlite, caseId);
    const holder = findCaseHolder(sqlite, caseId);
    if (reviewId === undefined || !holder) throw notFound('Case', caseId);
    const detail = await this.reviews.get(reviewId);
    const sla = this.sla.getCase(caseId);
    const rows = listWorkspaceEvents(sqlite, caseId);
    const offers = listCompensationOffers(sqlite, caseId);
    const names = [...rows.flatMap((row) => [row.actor, ...(row.kind === 'assigned' && row.detail ? [row.detail] : [])]), ...offers.map((offer) => offer.actor)];
    const roles = listRolesByName(sqlite, names);
    const actor = (name: string): WorkspaceActor => ({ name, builtIn: isOneOf<BuiltIn>(builtInActors, name) ? name : null, role: roles.get(name) ?? null });
    // A transition to solution_offered and its audit entry are written together by the same actor.
    const unmatched = [...offers];
    const offerOf = (row: WorkspaceEventRow): number | null => {
      const index = unmatched.findIndex((offer) => offer.actor === row.actor && Math.abs(offer.at - row.at) <= 1000);
      return index < 0 ? null : unmatched.splice(index, 1)[0]!.cents;
    };
    const history = rows.flatMap((row) => {
      const event = this.toEvent(row, actor, offerOf);
      return event ? [event] : [];
    });
    return {
      caseId,
      review: detail.review,
      buyer: detail.buyer,
      sameOrder: detail.sameOrder,
      sla,
      assignee: holder.assigneeId !== null ? { id: holder.assigneeId, name: holder.assigneeName ?? `#${holder.assigneeId}`, builtIn: null, role: holder.assigneeRole } : null,
      poolRole: holder.assigneeId === null ? holder.poolRole : null,
      history,
      compensation: offers.map((offer) => ({ cents: offer.cents, at: offer.at, actor: actor(offer.actor) })),
      now: sla.now,
    };
  }

  private toEvent(row: WorkspaceEventRow, actor: (name: string) => WorkspaceActor, offerOf: (row: WorkspaceEventRow) => number | null): WorkspaceEvent | null {
    if (!isOneOf(workspaceEventKinds, row.kind)) return null;
    const parts = parseEventDetail(row.kind, row.detail);
    return {
      at: row.at,
      kind: row.kind,
      actor: actor(row.actor),
      target: isOneOf<SlaTargetKind>(slaTargetKinds, row.target) ? row.target : null,
      percent: row.percent,
      late: row.late === 1,
      from: parts?.from ?? null,
      to: parts?.to ?? null,
      outcome: parts?.outcome ?? null,
      text: parts?.text ?? null,
      pauseReason: parts?.pauseReason ?? null,
      assignee: parts?.assigneeName !== undefined ? actor(parts.assigneeName) : null,
      role: parts?.role ?? null,
      policyVersion: parts?.policyVersion ?? null,
      compensationCents: parts?.to === 'solution_offered' ? offerOf(row) : null,
      detail: parts === null ? row.detail : null,
    };
  }

  /** A note in the case's history under the operator's name; audited like every change. */
  addNote(caseId: number, text: string, actorName: string): { at: number } {
    const sqlite = this.deps.sqlite;
    if (findReviewIdOfCase(sqlite, caseId) === undefined) throw notFound('Case', caseId);
    const at = this.deps.clock.now();
    inTransaction(sqlite, () => {
      insertCaseEvent(sqlite, { caseId, at, kind: 'note', actor: actorName, detail: text });
      this.auth.audit(actorName, 'cases.note', 'case', String(caseId), null, { text });
    });
    this.deps.events.emit('data.changed', { domain: 'cases' });
    return { at };
  }
}
