import type { Language } from '../../../../../shared/domain/preferences';
import type { ReviewColumn } from '../i18n/keys';

/** Each column's track in the grid; English words run longer (Negative vs 差评), so some are wider. */
const tracks: Record<Language, Record<ReviewColumn, string>> = {
  'zh-CN': {
    level: '52px',
    text: 'minmax(140px, 1fr)',
    category: '104px',
    flags: '52px',
    shop: '124px',
    buyer: '92px',
    posted: '112px',
    due: '104px',
    status: '96px',
    assignee: '76px',
  },
  en: {
    level: '72px',
    text: 'minmax(140px, 1fr)',
    category: '128px',
    flags: '52px',
    shop: '110px',
    buyer: '92px',
    posted: '112px',
    due: '108px',
    status: '116px',
    assignee: '84px',
  },
};

/** Widest first; each narrower set drops the column a person misses least (buyer, then time, shop …). */
const sets: readonly (readonly ReviewColumn[])[] = [
  ['level', 'text', 'category', 'flags', 'shop', 'buyer', 'posted', 'due', 'status', 'assignee'],
  ['level', 'text', 'category', 'flags', 'shop', 'posted', 'due', 'status', 'assignee'],
  ['level', 'text', 'category', 'flags', 'shop', 'due', 'status', 'assignee'],
  ['level', 'text', 'category', 'flags', 'due', 'status', 'assignee'],
  ['level', 'text', 'category', 'flags', 'due', 'status'],
  ['level', 'text', 'category', 'flags', 'due'],
  // Beside the detail pane at 1024 px: the pane shows the rest.
  ['level', 'text', 'category', 'due'],
  ['level', 'text', 'due'],
  ['level', 'text'],
];

const checkbox = 28;
const gap = 6;
const padding = 24;

function minimumWidth(columns: readonly ReviewColumn[], language: Language): number {
  const fixed = columns.reduce((sum, column) => sum + Number.parseInt(column === 'text' ? '140' : tracks[language][column], 10), checkbox);
  return fixed + gap * columns.length + padding;
}

/**
 * The columns that fit a list this wide, so no column is cut off and the list never scrolls
 * sideways: the widest set whose fixed tracks leave the review text its minimum width. The due
 * time stays in every set that has room for more than the review itself: the default order and
 * the SLA sort are both by it.
 */
export function visibleColumns(width: number, language: Language): readonly ReviewColumn[] {
  return sets.find((columns) => minimumWidth(columns, language) <= width) ?? sets[sets.length - 1]!;
}

/** The grid template for the header and every row: the checkbox, then each column's track. */
export function gridTemplate(columns: readonly ReviewColumn[], language: Language): string {
  return [`${checkbox}px`, ...columns.map((column) => tracks[language][column])].join(' ');
}
