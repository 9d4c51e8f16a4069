import { categoryLabels, roleLabels } from '../../../../shared/domain/labels';
import type { Language } from '../../../../shared/domain/preferences';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import type { StaffRole } from '../../../../shared/domain/roles';
import type { NotificationKind, SlaTargetKind } from '../../../../shared/domain/sla';

/**
 * The words of desktop notifications. Electron shows them from the backend, where i18next does
 * not run, so this small catalog mirrors the renderer's notification sentences for the kinds the
 * backend creates; category and role names come from shared/domain/labels.ts, as the renderer's
 * do. Notifications are stored as kind + params; the text is built when it is shown, in the
 * language the user chose then.
 */

export type NotificationParams = Record<string, string | number | null>;
/** A stored kind, or a one-line summary shown instead of many at once (quiet hours ending). */
export type NotificationTextKind = NotificationKind | 'quiet_summary';

interface Words {
  categories: Record<CaseCategory, string>;
  targets: Record<SlaTargetKind, string>;
  roles: Record<StaffRole, string>;
  warning(p: { caseId: number; percent: number; category: string; shopName: string; target: string; assignee: string | null }): [string, string];
  breach(p: { caseId: number; category: string; shopName: string; target: string; escalateTo: string }): [string, string];
  away(count: number): [string, string];
  quiet(count: number): [string, string];
  watchFailed(fileName: string, reason: string): [string, string];
  alert(rule: string, shopName: string, excerpt: string): [string, string];
  groupAlert(count: number, rule: string): string;
  /** One line for `count` cases at the same point ("12 个工单首次响应即将到期"). */
  groupWarning(count: number, target: string): string;
  groupBreach(count: number, target: string): string;
  /** The body of a digest: the other lines it stands for, then where to see them. */
  digestBody(others: string[], moreLines: number): string;
}

const catalog: Record<Language, Words> = {
  'zh-CN': {
    categories: categoryLabels['zh-CN'],
    targets: { first_response: '首次响应', resolution: '解决' },
    roles: roleLabels['zh-CN'],
    warning: (p) => [`SLA 预警 ${p.percent}%：工单 #${p.caseId}（${p.category}）`, `${p.shopName} · ${p.target}即将到期 · ${p.assignee ? `负责人 ${p.assignee}` : '未分配'}`],
    breach: (p) => [`SLA 超时：工单 #${p.caseId}（${p.category}）`, `${p.shopName} · ${p.target}已超时 · 升级至${p.escalateTo}`],
    away: (count) => [`离开期间有 ${count} 个 SLA 节点到期`, '打开“离开期间”摘要查看。'],
    quiet: (count) => [`免打扰期间有 ${count} 条提醒`, '打开通知中心查看。'],
    watchFailed: (fileName, reason) => [`监控文件夹中的 ${fileName} 无法导入`, `${reason}（文件改动前不会再试）`],
    alert: (rule, shopName, excerpt) => [`监控提醒：${rule}`, `${shopName} · ${excerpt}`],
    groupAlert: (count, rule) => `${count} 条评价触发监控“${rule}”`,
    groupWarning: (count, target) => `${count} 个工单${target}即将到期`,
    groupBreach: (count, target) => `${count} 个工单${target}已超时`,
    digestBody: (others, more) => `${others.length > 0 ? `另有：${others.join('；')}${more > 0 ? ` 等 ${more} 项` : ''}。` : ''}打开通知中心查看。`,
  },
  en: {
    categories: categoryLabels.en,
    targets: { first_response: 'first response', resolution: 'resolution' },
    roles: roleLabels.en,
    warning: (p) => [`SLA warning ${p.percent}%: case #${p.caseId} (${p.category})`, `${p.shopName} · ${p.target} due soon · ${p.assignee ? `assigned to ${p.assignee}` : 'unassigned'}`],
    breach: (p) => [`SLA breached: case #${p.caseId} (${p.category})`, `${p.shopName} · ${p.target} overdue · escalated to ${p.escalateTo}`],
    away: (count) => [`${count} SLA points came due while you were away`, 'Open the away summary to see them.'],
    quiet: (count) => [`${count} alerts held during quiet hours`, 'Open the notification centre to see them.'],
    watchFailed: (fileName, reason) => [`${fileName} in the watched folder could not be imported`, `${reason} (not tried again until the file changes)`],
    alert: (rule, shopName, excerpt) => [`Monitor alert: ${rule}`, `${shopName} · ${excerpt}`],
    groupAlert: (count, rule) => `${count} reviews matched the monitor rule "${rule}"`,
    groupWarning: (count, target) => `${count} cases: ${target} due soon`,
    groupBreach: (count, target) => `${count} cases: ${target} overdue`,
    digestBody: (others, more) => `${others.length > 0 ? `Also: ${others.join('; ')}${more > 0 ? ` and ${more} more` : ''}. ` : ''}Open the notification centre to see them.`,
  },
};

const text = (p: NotificationParams, key: string): string => String(p[key] ?? '');
const number = (p: NotificationParams, key: string): number => Number(p[key] ?? 0);

/** Title and body of a notification in `language`; null when the kind has no catalog entry (use the stored text). */
export function notificationText(kind: NotificationTextKind, params: NotificationParams, language: Language): { title: string; body: string } | null {
  const words = catalog[language] ?? catalog['zh-CN'];
  const category = words.categories[text(params, 'category') as CaseCategory] ?? text(params, 'category');
  const target = words.targets[text(params, 'target') as SlaTargetKind] ?? text(params, 'target');
  let pair: [string, string];
  switch (kind) {
    case 'sla_warning':
      pair = words.warning({ caseId: number(params, 'caseId'), percent: number(params, 'percent'), category, shopName: text(params, 'shopName'), target, assignee: (params.assignee as string | null) ?? null });
      break;
    case 'sla_breach':
      pair = words.breach({ caseId: number(params, 'caseId'), category, shopName: text(params, 'shopName'), target, escalateTo: words.roles[text(params, 'escalateTo') as StaffRole] ?? text(params, 'escalateTo') });
      break;
    case 'away_summary':
      pair = words.away(number(params, 'count'));
      break;
    case 'quiet_summary':
      pair = words.quiet(number(params, 'count'));
      break;
    case 'watch_failed':
      pair = words.watchFailed(text(params, 'fileName'), text(params, 'reason'));
      break;
    case 'review_alert':
      pair = words.alert(text(params, 'ruleName'), text(params, 'shopName'), text(params, 'excerpt'));
      break;
    default:
      return null;
  }
  return { title: pair[0], body: pair[1] };
}

/** The line for a group of `count` notifications of one kind and point; a single one (or a kind that does not group) reads as itself. */
export function groupLine(kind: NotificationTextKind, params: NotificationParams, count: number, language: Language): string {
  const words = catalog[language] ?? catalog['zh-CN'];
  const target = words.targets[text(params, 'target') as SlaTargetKind] ?? text(params, 'target');
  if (count > 1 && kind === 'sla_warning') return words.groupWarning(count, target);
  if (count > 1 && kind === 'sla_breach') return words.groupBreach(count, target);
  if (count > 1 && kind === 'review_alert') return words.groupAlert(count, text(params, 'ruleName'));
  return (notificationText(kind, params, language) ?? { title: kind }).title;
}

/** One desktop notification for everything due at once: the first line as its title, a few others in its body. */
export function digestText(lines: readonly string[], language: Language): { title: string; body: string } {
  const words = catalog[language] ?? catalog['zh-CN'];
  const others = lines.slice(1, 3);
  return { title: lines[0] ?? '', body: words.digestBody(others, Math.max(0, lines.length - 1 - others.length)) };
}
