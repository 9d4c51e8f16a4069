import { Checkbox, Text } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../../../shared/contract';
import type { Language } from '../../../../../shared/domain/preferences';
import { formatDateTime } from '../../../format/date-time';
import { CategoryBadge } from '../../../components/badges/category-badge';
import { FlagIcons } from '../badges/flag-icons';
import { LevelBadge } from '../../../components/badges/level-badge';
import { StatusBadge } from '../../../components/badges/status-badge';
import { useExplainClassification } from '../../../components/case-words/explain-classification';
import type { ReviewColumn } from '../i18n/keys';
import { DueText } from './due-text';
import { HighlightedText } from './highlighted-text';
import classes from './review-table.module.css';
import { platformKey } from '../../../i18n/domain/keys';

/** Every row has this height, so the virtualiser never measures (and never jumps). */
export const rowHeight = 44;

interface ReviewRowProps {
  review: Review;
  /** Position in the loaded list; rows report it back when clicked. */
  index: number;
  /** Search matches in the text. */
  ranges: [number, number][] | undefined;
  /** Ticked for a bulk action. */
  checked: boolean;
  /** The keyboard cursor is on this row (j/k). */
  active: boolean;
  /** This review is shown in the detail pane. */
  open: boolean;
  /** The columns that fit the list's width, and their grid template. */
  columns: readonly ReviewColumn[];
  template: string;
  /** The assignee's name, or null for 未分配. */
  assigneeName: string | null;
  /** Pixels from the top of the list (the virtualiser's offset). */
  top: number;
  /** The server's time, for the due column (ticks once a minute is enough for it). */
  now: number;
  timeZone: string;
  language: Language;
  onToggle: (reviewId: number) => void;
  onOpen: (index: number) => void;
}

/** One review in the inbox list. Memoised: scrolling re-renders only rows that enter the window. */
export const ReviewRow = memo(function ReviewRow({
  review,
  index,
  ranges,
  checked,
  active,
  open,
  columns,
  template,
  assigneeName,
  top,
  now,
  timeZone,
  language,
  onToggle,
  onOpen,
}: ReviewRowProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  const explain = useExplainClassification();
  const reviewCase = review.case;
  const cell = (column: ReviewColumn): ReactNode => {
    switch (column) {
      case 'level':
        return <LevelBadge level={review.level} />;
      case 'text':
        return (
          <Text size="sm" truncate="end" title={review.text} className={classes.text}>
            <HighlightedText text={review.text} ranges={ranges} />
          </Text>
        );
      case 'category':
        return reviewCase ? <CategoryBadge category={reviewCase.category} manual={reviewCase.classification.source === 'manual'} /> : null;
      case 'flags':
        return reviewCase ? <FlagIcons flags={reviewCase.flags} /> : null;
      case 'shop':
        return (
          <div className={classes.stack}>
            <Text size="sm" truncate="end">
              {review.shopName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {t(platformKey[review.platform])}
            </Text>
          </div>
        );
      case 'buyer':
        return (
          <Text size="sm" truncate="end" c={review.buyerNick ? undefined : 'dimmed'}>
            {review.buyerNick ?? '—'}
          </Text>
        );
      case 'posted':
        return (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(review.postedAt, timeZone, language)}
          </Text>
        );
      case 'due':
        return reviewCase ? <DueText dueAt={reviewCase.dueAt} now={now} timeZone={timeZone} /> : null;
      case 'status':
        return reviewCase ? <StatusBadge status={reviewCase.status} /> : null;
      case 'assignee':
        return reviewCase ? (
          <Text size="sm" truncate="end" c={assigneeName ? undefined : 'dimmed'}>
            {assigneeName ?? t('unassigned')}
          </Text>
        ) : null;
    }
  };
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid={`review-row-${review.id}`}
      data-active={active || undefined}
      data-open={open || undefined}
      className={classes.row}
      style={{ transform: `translateY(${top}px)`, height: rowHeight, gridTemplateColumns: template }}
      onClick={() => onOpen(index)}
    >
      <div role="gridcell" className={classes.cell} onClick={(event) => event.stopPropagation()}>
        <Checkbox
          size="xs"
          checked={checked}
          onChange={() => onToggle(review.id)}
          aria-label={t('list.selectRow', { text: review.text.slice(0, 24) })}
        />
      </div>
      {columns.map((column) => (
        <div
          role="gridcell"
          key={column}
          className={classes.cell}
          title={column === 'category' && reviewCase ? explain(reviewCase.classification) : undefined}
        >
          {cell(column)}
        </div>
      ))}
    </div>
  );
});
