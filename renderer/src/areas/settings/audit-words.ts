import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { caseCategories, caseStatuses, type CaseCategory, type CaseStatus } from '../../../../shared/domain/reviews';
import { pauseReasons, type PauseReason } from '../../../../shared/domain/sla';
import { staffRoles, type StaffRole } from '../../../../shared/domain/roles';
import { actorKey, categoryKey, pauseReasonKey, roleKey, statusKey } from '../../i18n/domain/keys';
import { settingsZhCN } from './i18n/zh-CN';

type Sentences = (typeof settingsZhCN)['activity']['sentences'];
type Domain = Exclude<keyof Sentences, 'unknown'>;

/** The audit actions this build has words for: `domain.verb` for each sentence under `activity.sentences`. */
export const auditActionsWithWords: readonly string[] = Object.entries(settingsZhCN.activity.sentences).flatMap(([domain, verbs]) =>
  typeof verbs === 'string' ? [] : Object.keys(verbs).map((verb) => `${domain}.${verb}`),
);

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

function field(snapshot: unknown, name: string): unknown {
  return snapshot && typeof snapshot === 'object' && name in snapshot ? (snapshot as Record<string, unknown>)[name] : undefined;
}

/**
 * The key of an entry's sentence: `activity.sentences.<domain>.<verb>`, a variant for an outcome
 * that reads differently (an import that failed, a calendar removed), or `unknown` for an action
 * from a newer build.
 */
export function auditSentenceKey(entry: AuditEntry): string {
  const [domain, verb] = entry.action.split('.');
  const group = domain && Object.hasOwn(settingsZhCN.activity.sentences, domain) ? settingsZhCN.activity.sentences[domain as Domain] : undefined;
  if (!group || !verb || !Object.hasOwn(group, verb)) return 'activity.sentences.unknown';
  let key = `activity.sentences.${domain}.${verb}`;
  const status = entry.subject?.status ?? field(entry.after, 'status');
  if (entry.action === 'imports.finish' && (status === 'failed' || status === 'cancelled')) key = `activity.variants.imports.${status}`;
  if (entry.action === 'sla.saveCalendar' && entry.after === null) key = 'activity.variants.sla.clearCalendar';
  if (entry.action === 'cases.assign' && field(entry.after, 'assigneeName') == null) key = 'activity.variants.cases.pool';
  if (entry.action === 'watch.set' && field(entry.after, 'folder') == null) key = 'activity.variants.watch.stop';
  return key;
}

const areaActors: Record<string, 'activity.actors.watchedFolder' | 'activity.actors.system'> = {
  'watched-folder': 'activity.actors.watchedFolder',
  system: 'activity.actors.system',
};

/** A person by name; a built-in actor (this computer, the CLI, the rules, the watched folder, routing) in words. */
export function actorLabel(actor: string, t: TFunction<['settings', 'domain']>): string {
  const key = actorKey(actor);
  if (key) return t(key);
  return Object.hasOwn(areaActors, actor) ? t(areaActors[actor]!) : actor;
}

/** The words the sentence fills in: who, and the object by name, with its figures. */
export function auditSentenceParams(entry: AuditEntry, t: TFunction<['settings', 'domain']>, language: string): Record<string, string> {
  const number = (value: unknown) => (typeof value === 'number' ? value.toLocaleString(language) : '0');
  const subject = entry.subject ?? {};
  const after = entry.after;
  const status = field(after, 'status');
  const category = subject.category ?? field(after, 'category');
  const reason = field(after, 'reason');
  const role = field(after, 'required');
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  return {
    actor: actorLabel(entry.actor, t),
    name: text(subject.name) || (entry.entityId ? `#${entry.entityId}` : ''),
    shop: text(subject.shop) || t('activity.unknownShop'),
    file: text(subject.file) || text(field(after, 'restoredFrom')) || (entry.entityId ? `#${entry.entityId}` : ''),
    n: number(subject.count ?? field(after, 'changed') ?? field(after, 'checked') ?? field(after, 'keepDaily') ?? field(field(after, 'counts'), 'inserted')),
    caseId: text(subject.caseId ?? entry.entityId),
    status: isOneOf<CaseStatus>(caseStatuses, status) ? t(statusKey[status]) : text(status),
    category: isOneOf<CaseCategory>(caseCategories, category) ? t(categoryKey[category]) : text(category),
    reason: isOneOf<PauseReason>(pauseReasons, reason) ? t(pauseReasonKey[reason]) : text(reason),
    role: isOneOf<StaffRole>(staffRoles, role) ? t(roleKey[role]) : text(role),
    assignee: text(field(after, 'assigneeName')),
    version: text(field(after, 'version')),
    timeZone: text(field(after, 'timeZone')),
    shops: number(field(after, 'shopsAdded')),
    reviews: number(field(after, 'reviewsAdded')),
    method: entry.entity === 'method' ? text(entry.entityId) : '',
    action: entry.action,
  };
}

/** The entry as one sentence in the UI language: "王小明 导入了 店铺A 的 1,204 条评价（评价导出.csv）". */
export function auditSentence(entry: AuditEntry, t: TFunction<['settings', 'domain']>, language: string): string {
  // The key is checked against the words above at run time (the action comes from the database),
  // and by tests/unit/audit-words.test.ts for every action the code writes.
  const translate = t as unknown as (key: string, options: Record<string, string>) => string;
  return translate(auditSentenceKey(entry), auditSentenceParams(entry, t, language));
}
