import type { CaseStatus } from '../../../../shared/domain/reviews';
import { resolvedStatuses, type CaseOutcome, type PauseReason } from '../../../../shared/domain/sla';
import { insertCaseEvent } from '../../../../db/queries/cases';
import { endOpenPause, insertPause, meetTarget, setFirstResponse, setOutcome, setPaused, unmeetResolution, type SlaRow } from '../../../../db/queries/sla-timers';
import type { ServiceDeps } from '../service-deps';
import type { PolicyVersions } from './policy-versions';
import type { SlaTimers } from './timers';

/**
 * What a case's lifecycle (services/cases) does to its clocks. The step methods write inside the
 * lifecycle's transaction; the lifecycle then recomputes the case's timers.
 */
export class CaseClock {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly versions: PolicyVersions,
    private readonly timers: SlaTimers,
  ) {}

  /** The case's timers (opening any missing first); NOT_FOUND for an unknown case. */
  require(caseId: number): SlaRow {
    return this.timers.requireSla(caseId);
  }

  /** The pause states the case's policy version allows. */
  pauseReasons(versionId: number): PauseReason[] {
    return JSON.parse(this.versions.row(versionId).pauseReasonsJson) as PauseReason[];
  }

  /**
   * A status change: contacting records the first response, any step past new meets the first
   * response target, a resolved status meets the resolution target, and reopening a closed case
   * runs its resolution clock again.
   */
  step(caseId: number, sla: SlaRow, from: CaseStatus, to: CaseStatus, outcome: CaseOutcome | undefined, now: number): void {
    const sqlite = this.deps.sqlite;
    if (to === 'contacting' && sla.firstResponseAt === null) setFirstResponse(sqlite, caseId, now);
    if (outcome) setOutcome(sqlite, caseId, outcome);
    if (to !== 'new') meetTarget(sqlite, caseId, 'first_response', now);
    if (resolvedStatuses.includes(to)) meetTarget(sqlite, caseId, 'resolution', now);
    if (from === 'closed') unmeetResolution(sqlite, caseId);
  }

  pause(caseId: number, reason: PauseReason, detail: string, now: number, actor: string): void {
    const sqlite = this.deps.sqlite;
    insertPause(sqlite, caseId, reason, now);
    setPaused(sqlite, caseId, reason, now);
    insertCaseEvent(sqlite, { caseId, at: now, kind: 'paused', actor, detail });
  }

  resume(caseId: number, now: number, actor: string): void {
    endOpenPause(this.deps.sqlite, caseId, now);
    insertCaseEvent(this.deps.sqlite, { caseId, at: now, kind: 'resumed', actor });
  }
}
