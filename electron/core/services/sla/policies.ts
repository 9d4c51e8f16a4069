import type { SlaPolicy } from '../../../../shared/contract';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import { insertCaseEvent } from '../../../../db/queries/cases';
import {
  countOpenCasesOnVersion,
  countOpenCasesPerVersion,
  findCaseScope,
  findLivePolicy,
  findLivePolicyBuiltIn,
  insertPolicy,
  insertPolicyVersion,
  listOpenCaseScopes,
  listVersions,
  markPolicyRemoved,
  policyExistsInScope,
  setCaseVersion,
  setCurrentVersion,
} from '../../../../db/queries/sla-policies';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { AuthService } from '../auth/auth-service';
import type { ServiceDeps } from '../service-deps';
import { toPolicy, type PolicyVersions } from './policy-versions';
import type { SlaTimers } from './timers';

/**
 * A case whose category changed. `leftReview`: it was waiting in the needs-review queue on the
 * strictest guess's policy, so it takes its category's policy even when the category is the same.
 */
export interface CategorySwitch {
  caseId: number;
  from: CaseCategory;
  leftReview?: boolean;
}

export type PolicyInput = Omit<SlaPolicy, 'id' | 'version' | 'versionId' | 'current' | 'builtIn' | 'createdAt' | 'createdBy' | 'openCases'> & { id?: number; applyToOpenCases: boolean };

/**
 * SLA policies per category (with shop and platform overrides). An edit writes a new version; open
 * cases keep the version they started with unless the edit applies to them.
 */
export class SlaPolicies {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    private readonly versions: PolicyVersions,
    private readonly timers: SlaTimers,
  ) {}

  private get sqlite() {
    return this.deps.sqlite;
  }

  list(includeHistory = false): { items: SlaPolicy[] } {
    const rows = listVersions(this.sqlite, includeHistory);
    const counts = countOpenCasesPerVersion(this.sqlite);
    return { items: rows.map((row) => toPolicy(row, counts.get(row.versionId) ?? 0)) };
  }

  save(input: PolicyInput, actor: string) {
    const sqlite = this.sqlite;
    const now = this.deps.clock.now();
    let versionId = 0;
    let moved: number[] = [];
    inTransaction(sqlite, () => {
      let policyId = input.id;
      let version = 1;
      if (policyId !== undefined) {
        const existing = findLivePolicy(sqlite, policyId);
        if (!existing) throw notFound('SLA policy', policyId);
        if (existing.category !== input.category || existing.shopId !== input.shopId || existing.platform !== input.platform) {
          throw new AppError('VALIDATION', 'A policy keeps its category and scope; create a new override instead.', { issues: [{ path: 'category', reason: 'immutable', message: 'Cannot change the scope.' }] });
        }
        version = existing.version + 1;
      } else {
        if (policyExistsInScope(sqlite, input.category, input.shopId, input.platform)) {
          throw new AppError('CONFLICT', 'A policy for this category and scope exists; edit it instead.', { issues: [{ path: 'category', reason: 'duplicate', message: 'Exists.' }] });
        }
        policyId = insertPolicy(sqlite, { category: input.category, shopId: input.shopId, platform: input.platform, createdAt: now });
      }
      versionId = insertPolicyVersion(sqlite, {
        policyId,
        version,
        firstResponseMinutes: input.firstResponseMinutes,
        resolutionMinutes: input.resolutionMinutes,
        ownerRole: input.ownerRole,
        warnAtPercents: input.warnAtPercents,
        escalation: input.escalation,
        pauseReasons: input.pauseReasons,
        businessHours: input.businessHours,
        requiresAppeal: input.requiresAppeal,
        createdAt: now,
        createdBy: actor,
      });
      setCurrentVersion(sqlite, policyId, versionId);
      this.auth.audit(actor, 'sla.savePolicy', 'sla_policy', String(policyId), null, { ...input, version });
      if (input.applyToOpenCases) moved = this.reassignOpenCases(actor, now);
    });
    // The policy list changed even when no open case moved (the settings table shows the new version).
    this.deps.events.emit('data.changed', { domain: 'sla' });
    if (moved.length > 0) this.timers.changed(moved);
    return { policy: toPolicy(this.versions.row(versionId), countOpenCasesOnVersion(sqlite, versionId)), openCasesUpdated: moved.length };
  }

  remove(policyId: number, applyToOpenCases: boolean, actor: string) {
    const sqlite = this.sqlite;
    const builtIn = findLivePolicyBuiltIn(sqlite, policyId);
    if (builtIn === undefined) throw notFound('SLA policy', policyId);
    if (builtIn) throw new AppError('VALIDATION', 'The category default cannot be removed; edit it instead.');
    const now = this.deps.clock.now();
    let moved: number[] = [];
    inTransaction(sqlite, () => {
      markPolicyRemoved(sqlite, policyId, now);
      this.auth.audit(actor, 'sla.removePolicy', 'sla_policy', String(policyId), null, null);
      if (applyToOpenCases) moved = this.reassignOpenCases(actor, now);
    });
    this.deps.events.emit('data.changed', { domain: 'sla' });
    if (moved.length > 0) this.timers.changed(moved);
    return { id: policyId, openCasesUpdated: moved.length };
  }

  /** Moves every open case to the version now in force for it; returns the ids that moved. */
  private reassignOpenCases(actor: string, now: number): number[] {
    const sqlite = this.sqlite;
    const moved: number[] = [];
    for (const row of listOpenCaseScopes(sqlite)) {
      const current = this.versions.currentFor(row.category, row.shopId, row.platform);
      if (current === row.versionId) continue;
      setCaseVersion(sqlite, row.id, current);
      insertCaseEvent(sqlite, { caseId: row.id, at: now, kind: 'policy_changed', actor, detail: `v${this.versions.row(current).version}` });
      moved.push(row.id);
    }
    this.timers.recompute(moved, now);
    return moved;
  }

  /**
   * A person changed the category of cases (cases.recategorize): each open case takes the new
   * category's current policy version, its targets are recomputed from its opened time with its
   * pauses, and points that already fired stay fired; a case entering or leaving the needs-review
   * queue takes the strictest guess's or its category's policy (sla_events keeps them, and a point key
   * never fires twice). Call inside the transaction that changes the category, then `changed`.
   */
  switchCategory(changes: readonly CategorySwitch[], actor: string, now: number): number[] {
    const sqlite = this.sqlite;
    const moved: number[] = [];
    for (const { caseId, from, leftReview } of changes) {
      // Cases without timers yet get the new category's policy when they are opened.
      const found = findCaseScope(sqlite, caseId);
      if (!found || found.status === 'closed' || (found.category === from && !leftReview)) continue;
      const current = this.versions.currentForCase(found);
      if (current !== found.versionId) setCaseVersion(sqlite, caseId, current);
      insertCaseEvent(sqlite, { caseId, at: now, kind: 'policy_changed', actor, detail: `${from}→${found.category} v${this.versions.row(current).version}` });
      moved.push(caseId);
    }
    this.timers.recompute(moved, now);
    return moved;
  }
}
