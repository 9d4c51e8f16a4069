import type { StaffRole } from '../../../../shared/domain/roles';
import { roleRank } from '../../../../shared/domain/sla';
import { insertCaseEvent } from '../../../../db/queries/cases';
import { findRoutingState, listActiveOfRole, listAssigneeLoads, listOpenCasesOf, setRouting, type RoutingCandidate } from '../../../../db/queries/routing';
import type { ServiceDeps } from '../service-deps';

/** The actor of routing's own entries in a case's history: no person decided them. */
export const routingActor = 'system';

/** Where routing put a case: a person, or the role's pool when nobody of the role is active. */
export type RoutedTo = { kind: 'staff'; staffId: number; name: string; role: StaffRole } | { kind: 'pool'; role: StaffRole };

/**
 * Gives each new case to someone of its policy's owner role, and each breached case to someone of
 * the next role up. Only active staff are candidates ("on duty" is "active": work calendars are per
 * shop, not per person, so they say nothing about who is at the desk).
 *
 * The choice is least-loaded (fewest open cases) with round-robin as the tie-break (whoever was
 * given a case longest ago, by the highest case id they were ever given). Least-loaded alone piles
 * a burst of equal-load cases onto the lowest id; round-robin alone ignores that one person may
 * already hold three times the work of another after someone came back from leave.
 *
 * Nobody of the role active: the case stays unassigned in that role's pool (cases.pool_role), which
 * the role's members see in their queue as 待认领 and claim with cases.take.
 */
/** How long routing trusts the loads it read (changes by another process show up after this). */
export const loadsTtlMs = 5000;

export class CaseRouting {
  /**
   * Open cases and last case id per person, read at most every few seconds and counted forward as
   * routing assigns: a long import opens cases a few hundred at a time, and counting everyone's
   * cases for each slice would cost more than the slice. This service's own reassignments and
   * lifecycle steps drop it (`forget`), so what a person just did here is never stale.
   */
  private loads: { at: number; byStaff: Map<number, { open: number; lastCaseId: number }> } | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  /** Drops the cached loads (after an assignment or a case closing). */
  forget(): void {
    this.loads = null;
  }

  private candidatesOf(role: StaffRole, at: number): RoutingCandidate[] {
    if (!this.loads || Math.abs(at - this.loads.at) > loadsTtlMs) this.loads = { at, byStaff: listAssigneeLoads(this.deps.sqlite) };
    const byStaff = this.loads.byStaff;
    return listActiveOfRole(this.deps.sqlite, role).map((member) => {
      let load = byStaff.get(member.id);
      if (!load) byStaff.set(member.id, (load = { open: 0, lastCaseId: 0 }));
      // The same object as the cache's: counting forward updates both.
      return Object.assign(load, { id: member.id, name: member.name });
    });
  }

  /** Routes cases that just opened (inside the transaction that opened their timers). Cases someone already assigned keep their assignee. */
  opened(cases: readonly { caseId: number; ownerRole: StaffRole; assigneeId: number | null }[], at: number): void {
    const pools = new Map<StaffRole, RoutingCandidate[]>();
    for (const item of cases) {
      if (item.assigneeId !== null) {
        setRouting(this.deps.sqlite, item.caseId, item.assigneeId, item.ownerRole, at);
        continue;
      }
      this.routeTo(item.caseId, item.ownerRole, at, pools);
    }
  }

  /**
   * A breach moves the case to `toRole` when that is above the role now responsible for it; the
   * history records who (or which pool) has it now. Returns where it went, or null when it stayed.
   */
  escalated(caseId: number, toRole: StaffRole, at: number): RoutedTo | null {
    const state = findRoutingState(this.deps.sqlite, caseId);
    if (!state || state.status === 'closed') return null;
    const current = state.assigneeRole ?? state.poolRole;
    if (current !== null && roleRank(toRole) <= roleRank(current)) return null;
    // Whoever loses the case has one open case fewer: read the loads again.
    this.forget();
    return this.routeTo(caseId, toRole, at, new Map());
  }

  /**
   * A deactivated person's open cases go through routing again, inside the transaction that
   * deactivated them: to a colleague of each case's role, or that role's pool. Returns how many moved.
   */
  releaseFrom(staffId: number, at: number): number {
    const cases = listOpenCasesOf(this.deps.sqlite, staffId);
    this.forget();
    const pools = new Map<StaffRole, RoutingCandidate[]>();
    for (const item of cases) this.routeTo(item.id, item.role, at, pools);
    return cases.length;
  }

  /** The candidate routing picks: fewest open cases, then the one given a case longest ago. */
  pick(candidates: readonly RoutingCandidate[]): RoutingCandidate | undefined {
    let best: RoutingCandidate | undefined;
    for (const candidate of candidates) {
      if (!best || candidate.open < best.open || (candidate.open === best.open && candidate.lastCaseId < best.lastCaseId)) best = candidate;
    }
    return best;
  }

  private routeTo(caseId: number, role: StaffRole, at: number, pools: Map<StaffRole, RoutingCandidate[]>): RoutedTo {
    const sqlite = this.deps.sqlite;
    let candidates = pools.get(role);
    if (!candidates) {
      candidates = this.candidatesOf(role, at);
      pools.set(role, candidates);
    }
    const chosen = this.pick(candidates);
    if (!chosen) {
      setRouting(sqlite, caseId, null, role, at);
      insertCaseEvent(sqlite, { caseId, at, kind: 'pooled', actor: routingActor, detail: role });
      return { kind: 'pool', role };
    }
    // Counted here so the rest of a batch sees the load this case adds.
    chosen.open += 1;
    chosen.lastCaseId = Math.max(chosen.lastCaseId, caseId);
    setRouting(sqlite, caseId, chosen.id, role, at);
    insertCaseEvent(sqlite, { caseId, at, kind: 'assigned', actor: routingActor, detail: chosen.name });
    return { kind: 'staff', staffId: chosen.id, name: chosen.name, role };
  }
}
