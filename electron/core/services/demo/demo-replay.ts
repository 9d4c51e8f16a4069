import type { PlannedPoint } from '../../../../shared/sla/timer';
import { insertCaseEvent } from '../../../../db/queries/cases';
import { backdateCaseOpening, listCaseTargets, listCasesOfImports, type DemoCaseRow } from '../../../../db/queries/demo';
import { insertSlaEvent } from '../../../../db/queries/sla-timers';
import { inTransaction } from '../../../../db/transaction';
import { seededRandom, type SeededRandom } from '../../../../shared/seeded-random';
import { AppError } from '../../errors';
import { AuthService } from '../auth/auth-service';
import { CasesService } from '../cases/cases-service';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';
import { planCaseHistory, type DemoMember, type DemoStep } from './demo-history';

const minute = 60_000;
const hour = 60 * minute;

/** A clock the replay sets to each step's time, so the services record it as when it happened. */
class ReplayClock {
  at = 0;
  now(): number {
    return this.at;
  }
}

/**
 * Gives the cases a demo load imported a past: each opens a little after its review was posted,
 * then the team's steps run through the cases service as a person's would (assignment, contact,
 * solution, pause, resolution, outcome, closing), each at its own time with its own actor. An
 * assignment made on opening (routing) is overridden by the demo's. SLA points that fell due
 * before a target was met are recorded as fired then, so the scheduler's first tick after the
 * load has nothing to catch up on.
 */
export function replayDemoHistory(deps: ServiceDeps, sla: SlaService, importIds: readonly number[], team: readonly DemoMember[], seed: number): number {
  const { sqlite } = deps;
  const now = deps.clock.now();
  sla.openMissing();
  const rows = listCasesOfImports(sqlite, importIds);
  if (rows.length === 0) return 0;
  const random = seededRandom(seed + 104_729);
  const ids = rows.map((row) => row.id);
  const openedAt = new Map<number, number>();
  inTransaction(sqlite, () => {
    for (const row of rows) {
      // The shop imported recent reviews within minutes, older ones in a few batches a day.
      const recent = now - row.postedAt < 8 * hour;
      const delay = recent ? random.int(1, 4) * minute : random.int(5, 150) * minute;
      openedAt.set(row.id, Math.min(now - minute, row.postedAt + delay));
      backdateCaseOpening(sqlite, row.id, row.reviewId, openedAt.get(row.id) as number);
    }
    sla.recompute(ids, now);
  });

  // The scheduler ticks on every change; while the past is being written it would fire every
  // case's long-gone points as late at once. It hears of all the cases once, at the end.
  const poke = sla.onChange;
  sla.onChange = () => {};
  try {
    replaySteps(deps, sla, rows, openedAt, team, random, now);
    inTransaction(sqlite, () => {
      for (const caseId of ids) recordPastPoints(deps, caseId, now);
      sla.recompute(ids, now);
    });
  } finally {
    sla.onChange = poke;
  }
  sla.changed(ids);
  return rows.length;
}

function replaySteps(deps: ServiceDeps, sla: SlaService, rows: DemoCaseRow[], openedAt: Map<number, number>, team: readonly DemoMember[], random: SeededRandom, now: number): void {
  const clock = new ReplayClock();
  const replayDeps: ServiceDeps = { ...deps, clock };
  // Nobody signed in on the replay's own desk: the load itself was authorized; steps stay within what an agent may do.
  const auth = new AuthService(replayDeps);
  const cases = new CasesService(replayDeps, sla, auth);
  // Offers stay within what needs no approval, whatever threshold the shop set.
  const maxCompensation = auth.settings().compensationApprovalCents;
  for (const row of rows) {
    const targets = listCaseTargets(deps.sqlite, row.id);
    const due = (kind: string) => targets.find((target) => target.target === kind)?.dueAt ?? now;
    const item = { id: row.id, ownerRole: row.ownerRole, requiresAppeal: row.requiresAppeal === 1, openedAt: openedAt.get(row.id) as number, firstDueAt: due('first_response'), resolutionDueAt: due('resolution') };
    for (const step of planCaseHistory(random, item, team, now)) {
      clock.at = Math.round(step.at / 1000) * 1000;
      const within = step.kind === 'transition' && step.compensationCents !== undefined ? { ...step, compensationCents: Math.min(step.compensationCents, maxCompensation) } : step;
      if (!runStep(cases, row.id, within)) break;
    }
  }
}

/** Runs one step; false when the case's policy refuses it (e.g. no pause for the buyer), ending that case's history. */
function runStep(cases: CasesService, caseId: number, step: DemoStep): boolean {
  try {
    if (step.kind === 'assign') cases.assign([caseId], step.assigneeId, step.actor);
    else if (step.kind === 'transition') cases.transition({ caseId, to: step.to, outcome: step.outcome, note: step.note, compensationCents: step.compensationCents }, step.actor);
    else if (step.kind === 'pause') cases.pause(caseId, 'waiting_buyer', step.note, step.actor);
    else cases.resume(caseId, step.actor);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') return false;
    throw error;
  }
}

/** Marks each point that fell due before its target was met (and before now) as fired at its own time. */
function recordPastPoints(deps: ServiceDeps, caseId: number, now: number): void {
  for (const target of listCaseTargets(deps.sqlite, caseId)) {
    const until = Math.min(target.metAt ?? now, now);
    for (const point of JSON.parse(target.pointsJson) as PlannedPoint[]) {
      if (point.at === null || point.at > until) continue;
      if (insertSlaEvent(deps.sqlite, { caseId, target: target.target, point: point.key, percent: point.percent, dueAt: point.at, firedAt: point.at, late: false })) {
        insertCaseEvent(deps.sqlite, { caseId, at: point.at, kind: point.point, target: target.target, percent: point.percent, dueAt: point.at, late: false, actor: 'system' });
      }
    }
  }
}
