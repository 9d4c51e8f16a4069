import type { CaseCategory, CaseStatus, Severity } from './reviews';

/**
 * How cases line up when their deadlines are equal: malicious cases first (legal work that
 * spreads if it waits), then by severity (critical, high, medium, low). 0 is the most urgent, 7
 * the least. The SQL behind the queues and the cases list computes the same number
 * (`db/queries/cases-list.ts`, `urgencyRankSql`), so screen and database agree.
 */
export function urgencyRank(category: CaseCategory, severity: Severity): number {
  return (category === 'malicious' ? 0 : 4) + severityRank[severity];
}

export const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The cases list's deadline filter: past due, due within the hour, later, or waiting (paused). */
export const slaFilterStates = ['breached', 'due_soon', 'on_time', 'paused'] as const;
export type SlaFilterState = (typeof slaFilterStates)[number];
/** "Due soon" means within this many ms. */
export const dueSoonMs = 60 * 60_000;

/** Orders of the cases list: deadline (then urgency), newest opened, most severe. */
export const caseListSorts = ['deadline', 'newest', 'severity'] as const;
export type CaseListSort = (typeof caseListSorts)[number];

/**
 * Statuses a bulk transition may move cases to: the steps that need nothing per case. A solution
 * (compensation per case) and an outcome (what the platform decided) are set one case at a time.
 */
export const bulkTransitionTargets = ['contacting', 'resolved', 'guidance_sent', 'closed'] as const satisfies readonly CaseStatus[];
export type BulkTransitionTarget = (typeof bulkTransitionTargets)[number];
