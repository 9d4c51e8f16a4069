import type { ParseKeys, TFunction } from 'i18next';
import type { WorkspaceActor, WorkspaceEvent } from '../../../../shared/contract';
import type { CaseStatus } from '../../../../shared/domain/reviews';
import { actorKey, outcomeKey, pauseReasonKey, roleKey, slaTargetKey } from '../../i18n/domain/keys';

type WorkspaceT = TFunction<readonly ['workspace', 'common', 'domain']>;

/** The yuan of an amount in 分, as people write it: 15, 15.50. */
export function yuan(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** A person's name as it is, the built-in actors in the reader's words (系统, 本机用户 …). */
export function actorName(actor: WorkspaceActor, t: WorkspaceT): string {
  if (actor.builtIn === 'system') return t('history.system');
  const key = actorKey(actor.name);
  return key ? t(key) : actor.name;
}

/** A name with the role in brackets when it is a member of the team: 李娜（客服）. */
export function actorWithRole(actor: WorkspaceActor, t: WorkspaceT): string {
  const name = actorName(actor, t);
  return actor.role ? t('history.actorWithRole', { name, role: t(roleKey[actor.role]) }) : name;
}

/**
 * One history line in the reader's words: 王小明 开始联系买家 · 系统 分配给 李娜（客服） · 升级到 主管.
 * Every kind the backend records has its sentence; a detail the backend could not take apart is
 * shown as it is rather than dropped.
 */
export function historyLine(event: WorkspaceEvent, t: WorkspaceT): string {
  const actor = actorName(event.actor, t);
  const target = event.target ? t(slaTargetKey[event.target]) : '';
  const late = event.late ? t('history.lines.late') : '';
  if (event.detail !== null) return t('history.lines.unknown', { actor, detail: event.detail });
  switch (event.kind) {
    case 'opened':
      return event.policyVersion !== null ? t('history.lines.opened', { actor, version: event.policyVersion }) : t('history.lines.openedNoVersion', { actor });
    case 'warning':
      return t('history.lines.warning', { target, percent: event.percent ?? 0 }) + late;
    case 'breach':
      return t('history.lines.breach', { target }) + late;
    case 'met':
      return t('history.lines.met', { target }) + late;
    case 'paused':
      return t('history.lines.paused', { actor, reason: event.pauseReason ? t(pauseReasonKey[event.pauseReason]) : '' });
    case 'resumed':
      return t('history.lines.resumed', { actor });
    case 'policy_changed':
      return event.policyVersion !== null ? t('history.lines.policyChanged', { version: event.policyVersion }) : t('history.lines.policyChangedNoVersion');
    case 'assigned':
      if (!event.assignee) return t('history.lines.unassigned', { actor });
      if (event.assignee.name === event.actor.name) return t('history.lines.assignedSelf', { actor });
      return t('history.lines.assigned', { actor, assignee: actorWithRole(event.assignee, t) });
    case 'pooled':
      return event.role ? t('history.lines.pooled', { actor, role: t(roleKey[event.role]) }) : t('history.lines.unassigned', { actor });
    case 'escalated':
      return t('history.lines.escalated', { role: event.role ? t(roleKey[event.role]) : '' });
    case 'note':
      return t('history.lines.note', { actor });
    case 'transition':
      return transitionLine(event, actor, t);
  }
}

function transitionLine(event: WorkspaceEvent, actor: string, t: WorkspaceT): string {
  if (event.from === 'closed') return t('history.lines.transition.reopened', { actor });
  switch (event.to) {
    case 'solution_offered':
      return event.compensationCents !== null
        ? t('history.lines.transition.solution_offered_amount', { actor, amount: yuan(event.compensationCents) })
        : t('history.lines.transition.solution_offered', { actor });
    case 'outcome':
      return t('history.lines.transition.outcome', { actor, outcome: event.outcome ? t(outcomeKey[event.outcome]) : '' });
    case null:
      return t('history.lines.unknown', { actor, detail: '' });
    default:
      return t(stepKey[event.to], { actor });
  }
}

const stepKey = {
  new: 'history.lines.transition.new',
  contacting: 'history.lines.transition.contacting',
  resolved: 'history.lines.transition.resolved',
  guidance_sent: 'history.lines.transition.guidance_sent',
  closed: 'history.lines.transition.closed',
} as const satisfies Record<Exclude<CaseStatus, 'solution_offered' | 'outcome'>, ParseKeys<'workspace'>>;
