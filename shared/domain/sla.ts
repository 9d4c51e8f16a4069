import type { CaseCategory, CaseStatus } from './reviews';
import type { StaffRole } from './roles';
import { staffRoles } from './roles';

/** The two clocks every case runs: first touch (an agent logs contact) and resolution. */
export const slaTargetKinds = ['first_response', 'resolution'] as const;
export type SlaTargetKind = (typeof slaTargetKinds)[number];

/**
 * A target's state at an instant. `running`: under the first warning point; `warning`: past a
 * warning point, not yet due; `breached`: past due and not met; `met`: done (possibly late, see
 * the `late` flag); `paused`: the case waits on someone else, the clock is stopped.
 */
export const slaTargetStates = ['running', 'paused', 'warning', 'breached', 'met'] as const;
export type SlaTargetState = (typeof slaTargetStates)[number];

/** Why a case's clocks are stopped. */
export const pauseReasons = ['waiting_buyer', 'waiting_platform'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/** How a case ended on the platform (status `outcome`). */
export const caseOutcomes = ['review_updated', 'review_removed', 'appeal_won', 'appeal_lost', 'unchanged'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

/** A point on a target's timeline that fires once: a warning at a percentage, or the breach. */
export const slaPointKinds = ['warning', 'breach'] as const;
export type SlaPointKind = (typeof slaPointKinds)[number];

/** Kinds of entries in the notification centre. */
export const notificationKinds = ['sla_warning', 'sla_breach', 'sla_escalation', 'review_alert', 'away_summary', 'watch_failed'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The tabs of the notification centre and the kinds each lists (全部 lists every kind). */
export const notificationTabs = ['all', 'sla', 'alerts'] as const;
export type NotificationTab = (typeof notificationTabs)[number];
/**
 * What a person chooses per event: a desktop notification (and a toast), a toast only, or only a
 * line in the centre. Monitor alerts are chosen per the severity of the review (差评 / 中评 / 好评).
 */
export const notificationEvents = ['sla_warning', 'sla_breach', 'alert_bad', 'alert_neutral', 'alert_good', 'away_summary', 'watch_failed'] as const;
export type NotificationEvent = (typeof notificationEvents)[number];
export const notificationChannels = ['desktop', 'toast', 'centre'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const defaultNotificationChannels: Record<NotificationEvent, NotificationChannel> = {
  sla_warning: 'desktop',
  sla_breach: 'desktop',
  alert_bad: 'desktop',
  alert_neutral: 'desktop',
  alert_good: 'toast',
  away_summary: 'desktop',
  watch_failed: 'desktop',
};

/** The preference a notification of `kind` follows (an alert's by its review's level); escalations follow breaches. */
export function notificationEventOf(kind: NotificationKind, params: Readonly<Record<string, unknown>>): NotificationEvent {
  switch (kind) {
    case 'review_alert':
      return params.level === 'good' ? 'alert_good' : params.level === 'neutral' ? 'alert_neutral' : 'alert_bad';
    case 'sla_escalation':
      return 'sla_breach';
    default:
      return kind;
  }
}

export const notificationTabKinds: Record<Exclude<NotificationTab, 'all'>, readonly NotificationKind[]> = {
  sla: ['sla_warning', 'sla_breach', 'sla_escalation', 'away_summary'],
  alerts: ['review_alert'],
};

/**
 * Case lifecycle: new → contacting → solution_offered → resolved → guidance_sent → outcome →
 * closed. A few steps may be skipped (resolved → outcome when no guidance is sent) or taken back
 * (solution_offered → contacting when the buyer refuses). Closing before an outcome is recorded
 * needs a supervisor (see `closeEarlyRole`).
 */
export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['contacting', 'closed'],
  contacting: ['solution_offered', 'resolved', 'closed'],
  solution_offered: ['contacting', 'resolved', 'closed'],
  resolved: ['guidance_sent', 'outcome', 'closed'],
  guidance_sent: ['outcome', 'closed'],
  outcome: ['closed'],
  closed: ['contacting'],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return caseTransitions[from].includes(to);
}

/** Statuses where the case is still open (timers may run). */
export const openCaseStatuses: readonly CaseStatus[] = ['new', 'contacting', 'solution_offered', 'resolved', 'guidance_sent', 'outcome'];
/** Reaching any of these meets the resolution target. */
export const resolvedStatuses: readonly CaseStatus[] = ['resolved', 'guidance_sent', 'outcome', 'closed'];

/** Rank of a role (agent 0 … owner 3): escalation walks upwards. */
export function roleRank(role: StaffRole): number {
  return staffRoles.indexOf(role);
}

/**
 * Where a breach sends a case: the first role of the policy's escalation order above the role now
 * responsible (the assignee's, else the pool's); the last of the order when none is above.
 */
export function nextRoleUp(escalation: readonly StaffRole[], current: StaffRole | null): StaffRole {
  const rank = current === null ? -1 : roleRank(current);
  return escalation.find((role) => roleRank(role) > rank) ?? escalation.at(-1)!;
}

/**
 * Who may take (be assigned) a case whose policy names `ownerRole`. Agent-owned categories are
 * open to everyone; legal work stays with legal (and the owner); supervisor work with supervisors
 * (and the owner).
 */
export const categoryTakers: Record<StaffRole, readonly StaffRole[]> = {
  agent: ['agent', 'supervisor', 'legal', 'owner'],
  supervisor: ['supervisor', 'owner'],
  legal: ['legal', 'owner'],
  owner: ['owner'],
};

export function mayTake(role: StaffRole, ownerRole: StaffRole): boolean {
  return categoryTakers[ownerRole].includes(role);
}

/** Who approves what. Compensation above the threshold (auth settings) needs this role or above. */
export const approvalRoles = {
  compensationAboveThreshold: 'supervisor',
  closeBeforeOutcome: 'supervisor',
  settings: 'owner',
} as const satisfies Record<string, StaffRole>;

/** True when `role` is `required` or outranks it (legal counts as above supervisor). */
export function hasAuthority(role: StaffRole, required: StaffRole): boolean {
  return roleRank(role) >= roleRank(required);
}

/** Default policy figures (the playbook): first touch 15 min; per-category resolution and owner. */
export interface DefaultPolicy {
  category: CaseCategory;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  ownerRole: StaffRole;
  requiresAppeal: boolean;
}

export const defaultWarnAtPercents = [50, 80] as const;
export const defaultEscalation: readonly StaffRole[] = ['agent', 'supervisor', 'owner'];
export const defaultPauseReasons: readonly PauseReason[] = ['waiting_buyer', 'waiting_platform'];

export const defaultPolicies: readonly DefaultPolicy[] = [
  { category: 'logistics', firstResponseMinutes: 15, resolutionMinutes: 120, ownerRole: 'agent', requiresAppeal: false },
  { category: 'quality', firstResponseMinutes: 15, resolutionMinutes: 240, ownerRole: 'supervisor', requiresAppeal: false },
  { category: 'malicious', firstResponseMinutes: 15, resolutionMinutes: 60, ownerRole: 'legal', requiresAppeal: true },
  { category: 'mismatch', firstResponseMinutes: 15, resolutionMinutes: 240, ownerRole: 'agent', requiresAppeal: false },
  { category: 'wrong_item', firstResponseMinutes: 15, resolutionMinutes: 180, ownerRole: 'agent', requiresAppeal: false },
  { category: 'service', firstResponseMinutes: 15, resolutionMinutes: 120, ownerRole: 'supervisor', requiresAppeal: false },
  { category: 'other', firstResponseMinutes: 15, resolutionMinutes: 480, ownerRole: 'agent', requiresAppeal: false },
];

/** Default compensation approval threshold: 50 元 (in 分). */
export const defaultCompensationApprovalCents = 5000;

/** A fired point later than this after its instant is marked late (e.g. the app was asleep). */
export const lateGraceMs = 60_000;

export const defaultTimeZone = 'Asia/Shanghai';

/** Badges count breached cases up to this many, then show 999+ (counting further costs a tick dearly). */
export const badgeCountCap = 1000;

/** A badge's text: the count, or 999+ at the cap. */
export const badgeText = (count: number): string => (count >= badgeCountCap ? `${badgeCountCap - 1}+` : String(count));
