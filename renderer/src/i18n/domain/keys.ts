import type { ParseKeys } from 'i18next';
import type { PlatformId } from '../../../../shared/domain/platforms';
import type { ColorSchemePreference, Language } from '../../../../shared/domain/preferences';
import type { CaseCategory, CaseStatus, FlagType, ProductFamily, ReviewLevel, Severity } from '../../../../shared/domain/reviews';
import type { StaffRole } from '../../../../shared/domain/roles';
import type { CaseOutcome, PauseReason, SlaTargetKind, SlaTargetState } from '../../../../shared/domain/sla';
import { keyFor } from '../translation';

/**
 * A key of the `domain` namespace with its prefix, so any component that lists `domain` among its
 * namespaces can pass it to `t()`. These maps are the one place the renderer names an enumeration.
 */
export type DomainKey = `domain:${ParseKeys<'domain'>}`;

export const productFamilyKey: Record<ProductFamily, DomainKey> = {
  general: 'domain:productFamilies.general',
  electronics: 'domain:productFamilies.electronics',
  food: 'domain:productFamilies.food',
  beauty: 'domain:productFamilies.beauty',
  clothing: 'domain:productFamilies.clothing',
  appliances: 'domain:productFamilies.appliances',
};

export const levelKey: Record<ReviewLevel, DomainKey> = {
  bad: 'domain:levels.bad',
  neutral: 'domain:levels.neutral',
  good: 'domain:levels.good',
};

export const flagKey: Record<FlagType, DomainKey> = {
  extortion: 'domain:flags.extortion',
  competitor: 'domain:flags.competitor',
  burst: 'domain:flags.burst',
  high_return_rate: 'domain:flags.high_return_rate',
  same_device: 'domain:flags.same_device',
  compliance_risk: 'domain:flags.compliance_risk',
};

export const categoryKey: Record<CaseCategory, DomainKey> = {
  logistics: 'domain:categories.logistics',
  quality: 'domain:categories.quality',
  mismatch: 'domain:categories.mismatch',
  wrong_item: 'domain:categories.wrong_item',
  service: 'domain:categories.service',
  malicious: 'domain:categories.malicious',
  other: 'domain:categories.other',
};

export const statusKey: Record<CaseStatus, DomainKey> = {
  new: 'domain:statuses.new',
  contacting: 'domain:statuses.contacting',
  solution_offered: 'domain:statuses.solution_offered',
  resolved: 'domain:statuses.resolved',
  guidance_sent: 'domain:statuses.guidance_sent',
  outcome: 'domain:statuses.outcome',
  closed: 'domain:statuses.closed',
};

export const severityKey: Record<Severity, DomainKey> = {
  low: 'domain:severities.low',
  medium: 'domain:severities.medium',
  high: 'domain:severities.high',
  critical: 'domain:severities.critical',
};

export const roleKey: Record<StaffRole, DomainKey> = {
  agent: 'domain:roles.agent',
  supervisor: 'domain:roles.supervisor',
  legal: 'domain:roles.legal',
  owner: 'domain:roles.owner',
};

export const platformKey: Record<PlatformId, DomainKey> = {
  taobao: 'domain:platforms.taobao',
  tmall: 'domain:platforms.tmall',
  douyin: 'domain:platforms.douyin',
  jd: 'domain:platforms.jd',
  pinduoduo: 'domain:platforms.pinduoduo',
  kuaishou: 'domain:platforms.kuaishou',
};

export const slaStateKey: Record<SlaTargetState, DomainKey> = {
  running: 'domain:slaStates.running',
  warning: 'domain:slaStates.warning',
  breached: 'domain:slaStates.breached',
  paused: 'domain:slaStates.paused',
  met: 'domain:slaStates.met',
};

export const slaTargetKey: Record<SlaTargetKind, DomainKey> = {
  first_response: 'domain:slaTargets.first_response',
  resolution: 'domain:slaTargets.resolution',
};

export const pauseReasonKey: Record<PauseReason, DomainKey> = {
  waiting_buyer: 'domain:pauseReasons.waiting_buyer',
  waiting_platform: 'domain:pauseReasons.waiting_platform',
};

export const outcomeKey: Record<CaseOutcome, DomainKey> = {
  review_updated: 'domain:outcomes.review_updated',
  review_removed: 'domain:outcomes.review_removed',
  appeal_won: 'domain:outcomes.appeal_won',
  appeal_lost: 'domain:outcomes.appeal_lost',
  unchanged: 'domain:outcomes.unchanged',
};

export const languageKey: Record<Language, DomainKey> = {
  'zh-CN': 'domain:languages.zh-CN',
  en: 'domain:languages.en',
};

export const colorSchemeKey: Record<ColorSchemePreference, DomainKey> = {
  light: 'domain:colorSchemes.light',
  dark: 'domain:colorSchemes.dark',
  auto: 'domain:colorSchemes.auto',
};

const builtInActorKey: Record<string, DomainKey> = {
  local: 'domain:actors.local',
  cli: 'domain:actors.cli',
  rules: 'domain:actors.rules',
};

/** The key naming a built-in actor (this computer, the CLI, the rules), or undefined for a staff name. */
export function actorKey(actor: string): DomainKey | undefined {
  return keyFor(builtInActorKey, actor);
}
