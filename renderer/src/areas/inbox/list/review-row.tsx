import { Checkbox, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../../../shared/contract';
import type { Language } from '../../../../../shared/domain/preferences';
import { formatDateTime } from '../../../format/date-time';
import { CategoryBadge } from '../../../components/badges/category-badge';
import { FlagIcons } from '../badges/flag-icons';
import { LevelBadge } from '../../../components/badges/level-badge';
import { StatusBadge } from '../../../components/badges/status-badge';
import { explainClassification } from '../detail/explain-classification';
import { HighlightedText } from './highlighted-text';
import classes from './review-table.module.css';
import { platformKey } from '../../../i18n/domain/keys';

/** Every row has this height, so the virtualiser never measures (and never jumps). */
export const rowHeight = 52;

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
  /** Fewer columns while the detail pane takes part of the width (it shows the rest). */
  compact: boolean;
  /** The assignee's name, or null for 未分配. */
  assigneeName: string | null;
  /** Pixels from the top of the list (the virtualiser's offset). */
  top: number;
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
  compact,
  assigneeName,
  top,
  timeZone,
  language,
  onToggle,
  onOpen,
}: ReviewRowProps) {
  const { t } = useTranslation(['inbox', 'common', 'domain']);
  const reviewCase = review.case;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid={`review-row-${review.id}`}
      data-active={active || undefined}
      data-open={open || undefined}
      className={classes.row}
      style={{ transform: `translateY(${top}px)`, height: rowHeight }}
      data-compact={compact || undefined}
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
      <div role="gridcell" className={classes.cell}>
        <LevelBadge level={review.level} />
      </div>
      <div role="gridcell" className={classes.cell}>
        <Text size="sm" truncate="end" title={review.text} className={classes.text}>
          <HighlightedText text={review.text} ranges={ranges} />
        </Text>
      </div>
      <div role="gridcell" className={classes.cell} title={reviewCase ? explainClassification(reviewCase.classification, t) : undefined}>
        {reviewCase ? <CategoryBadge category={reviewCase.category} manual={reviewCase.classification.source === 'manual'} /> : null}
      </div>
      <div role="gridcell" className={classes.cell}>
        {reviewCase ? <FlagIcons flags={reviewCase.flags} /> : null}
      </div>
      {compact ? null : (
        <div role="gridcell" className={classes.cell}>
          <div className={classes.stack}>
            <Text size="sm" truncate="end">
              {review.shopName}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {t(platformKey[review.platform])}
            </Text>
          </div>
        </div>
      )}
      {compact ? null : (
        <div role="gridcell" className={classes.cell}>
          <Text size="sm" truncate="end" c={review.buyerNick ? undefined : 'dimmed'}>
            {review.buyerNick ?? '—'}
          </Text>
        </div>
      )}
      {compact ? null : (
        <div role="gridcell" className={classes.cell}>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(review.postedAt, timeZone, language)}
          </Text>
        </div>
      )}
      {compact ? null : (
        <div role="gridcell" className={classes.cell}>
          {reviewCase ? <StatusBadge status={reviewCase.status} /> : null}
        </div>
      )}
      {compact ? null : (
        <div role="gridcell" className={classes.cell}>
          {reviewCase ? (
            <Text size="sm" truncate="end" c={assigneeName ? undefined : 'dimmed'}>
              {assigneeName ?? t('unassigned')}
            </Text>
          ) : null}
        </div>
      )}
    </div>
  );
});
