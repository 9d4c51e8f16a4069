import { caseCategories, type CaseCategory } from '../../shared/domain/reviews';
import type { LabelRow } from './labels';

/** One labelled review and what the classifier decided for it. */
export interface Scored {
  label: LabelRow;
  text: string;
  decided: CaseCategory;
  /** Flags the import would store on it (extortion, competitor). */
  flags: string[];
  /** Why, as the case would show it (matched words, rule name). */
  why: string;
}

export interface Summary {
  total: number;
  /** The decision is the labelled primary. */
  strict: number;
  /** The decision is the primary or one of the labelled secondary categories. */
  acceptable: number;
  /** Rows with a specific complaint (primary is not 其他) that were left in 其他. */
  statedLeftInOther: number;
  stated: number;
  /** Extortion or competitor flags on rows labelled `none`. */
  flagFalsePositives: number;
}

export const isAcceptable = (item: Scored) => item.decided === item.label.primary || item.label.secondary.includes(item.decided);

export function summarise(items: readonly Scored[]): Summary {
  const stated = items.filter((item) => item.label.primary !== 'other');
  return {
    total: items.length,
    strict: items.filter((item) => item.decided === item.label.primary).length,
    acceptable: items.filter(isAcceptable).length,
    statedLeftInOther: stated.filter((item) => item.decided === 'other').length,
    stated: stated.length,
    flagFalsePositives: items.filter((item) => item.label.flags === 'none' && item.flags.some((flag) => flag === 'extortion' || flag === 'competitor')).length,
  };
}

export const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

export function summaryLine(name: string, summary: Summary): string {
  return (
    `${name}: ${summary.total} rows · strict ${percent(summary.strict, summary.total)} · acceptable ${percent(summary.acceptable, summary.total)}` +
    ` · stated complaint left in 其他 ${percent(summary.statedLeftInOther, summary.stated)} (${summary.statedLeftInOther} of ${summary.stated})` +
    ` · flags on honest reviews ${summary.flagFalsePositives}`
  );
}

/** Per labelled primary category: rows, strict and acceptable hit rates. */
export function perCategoryLines(items: readonly Scored[]): string[] {
  return caseCategories.flatMap((category) => {
    const rows = items.filter((item) => item.label.primary === category);
    if (rows.length === 0) return [];
    const strict = rows.filter((item) => item.decided === category).length;
    return [`${category.padEnd(10)} ${String(rows.length).padStart(4)} rows · strict ${percent(strict, rows.length).padStart(6)} · acceptable ${percent(rows.filter(isAcceptable).length, rows.length).padStart(6)}`];
  });
}

/** Rows: labelled primary; columns: decided. */
export function confusionLines(items: readonly Scored[]): string[] {
  const short: Record<CaseCategory, string> = { logistics: 'logis', quality: 'qual', mismatch: 'mism', wrong_item: 'wrong', service: 'serv', malicious: 'malic', other: 'other' };
  const lines = [`${'label \\ decided'.padEnd(16)}${caseCategories.map((category) => short[category].padStart(7)).join('')}`];
  for (const labelled of caseCategories) {
    const rows = items.filter((item) => item.label.primary === labelled);
    if (rows.length === 0) continue;
    lines.push(`${labelled.padEnd(16)}${caseCategories.map((decided) => String(rows.filter((item) => item.decided === decided).length).padStart(7)).join('')}`);
  }
  return lines;
}

/** The most frequent wrong decisions (not acceptable), each with a few of its texts (terminal only, never committed). */
export function topConfusionLines(items: readonly Scored[], pairs = 6, examples = 3): string[] {
  const groups = new Map<string, Scored[]>();
  for (const item of items) {
    if (isAcceptable(item)) continue;
    const key = `${item.label.primary} → ${item.decided}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, pairs)
    .flatMap(([key, group]) => [
      `${key}: ${group.length}`,
      ...group.slice(0, examples).map((item) => `    #${item.label.row} ${item.label.product} 「${item.text.replace(/\s+/g, ' ').slice(0, 70)}」${item.why ? ` (${item.why})` : ''}`),
    ]);
}
