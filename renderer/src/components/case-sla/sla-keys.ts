import type { ParseKeys } from 'i18next';
import type { SlaHistoryEntry } from '../../../../shared/contract';
import type { CaseStatus } from '../../../../shared/domain/reviews';

/** The button that moves a case to each status. */
export const transitionKey: Record<CaseStatus, ParseKeys<'common'>> = {
  new: 'sla.actions.to.new',
  contacting: 'sla.actions.to.contacting',
  solution_offered: 'sla.actions.to.solution_offered',
  resolved: 'sla.actions.to.resolved',
  guidance_sent: 'sla.actions.to.guidance_sent',
  outcome: 'sla.actions.to.outcome',
  closed: 'sla.actions.to.closed',
};

/** Each kind of entry in a case's SLA history. */
export const historyKey: Record<SlaHistoryEntry['kind'], ParseKeys<'common'>> = {
  opened: 'sla.history.opened',
  warning: 'sla.history.warning',
  breach: 'sla.history.breach',
  met: 'sla.history.met',
  paused: 'sla.history.paused',
  resumed: 'sla.history.resumed',
  policy_changed: 'sla.history.policy_changed',
  transition: 'sla.history.transition',
  escalated: 'sla.history.escalated',
  assigned: 'sla.history.assigned',
  pooled: 'sla.history.pooled',
};
