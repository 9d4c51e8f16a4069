import type { CaseSla, ShopCalendar, SlaCalendar, SlaPolicy } from '../../../../shared/contract';
import type { StaffRole } from '../../../../shared/domain/roles';
import type { AuthService } from '../auth/auth-service';
import type { NotificationsService } from '../notifications/notifications-service';
import type { ServiceDeps } from '../service-deps';
import { AwaySummary } from './away-summary';
import { SlaBadge } from './badge';
import { SlaCalendars } from './calendars';
import { CaseClock } from './case-clock';
import { SlaPolicies, type CategorySwitch, type PolicyInput } from './policies';
import { PolicyVersions } from './policy-versions';
import { SlaTick, type Fired } from './tick';
import { SlaTimers, type CaseRouter } from './timers';
import { SlaViews } from './views';
import { WorkCalendars } from './work-calendars';

/**
 * SLA timers: policies and their versions (policies.ts), shop calendars (calendars.ts), each
 * case's targets as absolute deadlines plus pauses (timers.ts), the tick the scheduler runs
 * (tick.ts: fire what is due, exactly once, through the UNIQUE key of sla_events), the badge, the
 * views and the away summary. The case lifecycle lives in services/cases and moves the clocks
 * through `caseClock`.
 */
export class SlaService {
  /** The clocks' side of a case's lifecycle steps, for services/cases. */
  readonly caseClock: CaseClock;
  private readonly timers: SlaTimers;
  private readonly badge: SlaBadge;
  private readonly policies: SlaPolicies;
  private readonly calendars: SlaCalendars;
  private readonly ticks: SlaTick;
  private readonly views: SlaViews;
  private readonly away: AwaySummary;

  constructor(deps: ServiceDeps, auth: AuthService, notifications: NotificationsService) {
    const versions = new PolicyVersions(deps.sqlite);
    const workCalendars = new WorkCalendars(deps.sqlite);
    this.badge = new SlaBadge(deps);
    this.timers = new SlaTimers(deps, versions, workCalendars, this.badge);
    this.caseClock = new CaseClock(deps, versions, this.timers);
    this.policies = new SlaPolicies(deps, auth, versions, this.timers);
    this.calendars = new SlaCalendars(deps, auth, workCalendars, this.timers);
    this.ticks = new SlaTick(deps, this.timers, this.badge, notifications);
    this.views = new SlaViews(deps, auth, versions, this.timers, this.badge, this.ticks);
    this.away = new AwaySummary(deps, auth);
  }

  /** Called after anything that may move the next wake-up (the scheduler re-arms). */
  get onChange(): () => void {
    return this.timers.onChange;
  }

  set onChange(hook: () => void) {
    this.timers.onChange = hook;
  }

  /** Who routes new and breached cases (services/cases/case-routing.ts; none until set). */
  set router(router: CaseRouter) {
    this.timers.router = router;
  }

  listPolicies(includeHistory = false): { items: SlaPolicy[] } {
    return this.policies.list(includeHistory);
  }

  savePolicy(input: PolicyInput, actor: string) {
    return this.policies.save(input, actor);
  }

  removePolicy(policyId: number, applyToOpenCases: boolean, actor: string) {
    return this.policies.remove(policyId, applyToOpenCases, actor);
  }

  /** Inside the transaction that changes cases' category; then `changed` with the ids it returns. */
  switchCategory(changes: readonly CategorySwitch[], actor: string, now: number): number[] {
    return this.policies.switchCategory(changes, actor, now);
  }

  getCalendar(shopId: number): ShopCalendar {
    return this.calendars.get(shopId);
  }

  listCalendars(): Promise<ShopCalendar[]> {
    return this.calendars.list();
  }

  saveCalendar(shopId: number, calendar: SlaCalendar | null, actor: string): ShopCalendar {
    return this.calendars.save(shopId, calendar, actor);
  }

  /** Gives timers to every case that has none; returns how many. */
  openMissing(): number {
    return this.timers.openMissing();
  }

  /** The same, a slice per turn of the event loop (while an import runs). */
  openMissingSoon(): void {
    this.timers.openMissingSoon();
  }

  /** Recomputes the cases' deadlines and next wake-ups; inside a transaction. */
  recompute(caseIds: readonly number[], now: number): void {
    this.timers.recompute(caseIds, now);
  }

  /** Tells the UI and the scheduler that timers of these cases moved. */
  changed(caseIds: readonly number[]): void {
    this.timers.changed(caseIds);
  }

  nextWakeAt(): number | null {
    return this.ticks.nextWakeAt();
  }

  tick(): Fired[] {
    return this.ticks.tick();
  }

  breachedCount(cap = -1): number {
    return this.badge.breachedCount(cap);
  }

  updateBadge(): void {
    this.badge.update();
  }

  getCase(caseId: number): CaseSla {
    return this.views.getCase(caseId);
  }

  myQueue(staffId: number | undefined, limit = 100) {
    return this.views.myQueue(staffId, limit);
  }

  /** Unassigned open cases routed to `role` (null: every unassigned case). */
  pool(role: StaffRole | null, limit = 100) {
    return this.views.pool(role, limit);
  }

  /** Queue-shaped rows with their most urgent unmet target, as the queues show them (the cases list uses it). */
  withNext<T extends { caseId: number; paused: string | null }>(rows: readonly T[]) {
    return this.views.withNext(rows);
  }

  board(perColumn = 50) {
    return this.views.board(perColumn);
  }

  summary() {
    return this.views.summary();
  }

  awaySummary() {
    return this.away.summary();
  }

  ackAway(actor: string) {
    return this.away.ack(actor);
  }
}
