import { Checkbox, Loader, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../../../shared/contract';
import { useServerNow } from '../../../components/case-sla/server-clock';
import { usePreferences } from '../../../preferences/preferences-context';
import { gridTemplate, visibleColumns } from './review-columns';
import { ReviewRow, rowHeight } from './review-row';
import classes from './review-table.module.css';
import { columnKey } from '../i18n/keys';

/** Start the next page this many rows before the end, so scrolling rarely meets the spinner. */
const prefetchRows = 30;
/** Height of the sticky column header (matches .header in the stylesheet). */
const headerHeight = 36;

interface ReviewTableProps {
  items: Review[];
  highlights: Record<string, [number, number][]>;
  /** Review ids ticked for a bulk action. */
  checked: ReadonlySet<number>;
  /** Index of the keyboard cursor (j/k), or -1. */
  activeIndex: number;
  /** The review shown in the detail pane. */
  openId: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  staffNames: ReadonlyMap<number, string>;
  onLoadMore: () => void;
  onToggle: (reviewId: number) => void;
  /** Ticks every loaded row, or clears them all when all are ticked. */
  onToggleAll: () => void;
  onOpen: (index: number) => void;
}

/** The inbox list: a virtualised grid that renders only the rows in view, however many are loaded. */
export function ReviewTable({
  items,
  highlights,
  checked,
  activeIndex,
  openId,
  hasMore,
  loadingMore,
  staffNames,
  onLoadMore,
  onToggle,
  onToggleAll,
  onOpen,
}: ReviewTableProps) {
  const { t } = useTranslation('inbox');
  const { timeZone, language } = usePreferences();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The columns follow the list's own width (the window, and the detail pane when it is open).
  const { ref: sizeRef, width } = useElementSize();
  // Unmeasured (the first frame, or a test without layout): every column, the common case.
  const columns = visibleColumns(width === 0 ? Number.POSITIVE_INFINITY : width, language);
  const template = gridTemplate(columns, language);
  // The due column counts in minutes; a tick every 30 s keeps it honest without re-rendering each second.
  const now = useServerNow(30_000);
  // The compiler cannot memoise around the virtualiser's mutable instance; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // Rows start below the sticky header, and scrolling to a row must not tuck it under the header.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1]!.index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - prefetchRows) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const allChecked = items.length > 0 && items.every((item) => checked.has(item.id));
  const someChecked = !allChecked && checked.size > 0;
  return (
    <div ref={sizeRef} className={classes.sizer}>
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="grid"
      aria-label={t('list.label')}
      aria-rowcount={hasMore ? -1 : items.length + 1}
      aria-multiselectable
      data-testid="review-list"
    >
      <div role="row" aria-rowindex={1} className={classes.header} style={{ gridTemplateColumns: template }}>
        <div role="columnheader" className={classes.cell}>
          <Checkbox
            size="xs"
            checked={allChecked}
            indeterminate={someChecked}
            onChange={onToggleAll}
            aria-label={t('list.selectAll', { count: items.length })}
            data-testid="select-all"
          />
        </div>
        {columns.map((column) => (
          <div role="columnheader" key={column} className={classes.cell}>
            {t(columnKey[column])}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((virtualRow) => {
          const review = items[virtualRow.index];
          if (!review) {
            return (
              <div key="more" className={classes.more} style={{ top: virtualRow.start - headerHeight, height: rowHeight }} role="row">
                <div role="gridcell">
                  {loadingMore ? <Loader size="xs" /> : null}
                  <Text component="span" size="xs" c="dimmed" ml="xs">
                    {t('list.loadingMore')}
                  </Text>
                </div>
              </div>
            );
          }
          const assigneeId = review.case?.assigneeId ?? null;
          return (
            <ReviewRow
              key={review.id}
              review={review}
              index={virtualRow.index}
              ranges={highlights[String(review.id)]}
              checked={checked.has(review.id)}
              active={virtualRow.index === activeIndex}
              open={review.id === openId}
              columns={columns}
              template={template}
              now={now}
              assigneeName={assigneeId === null ? null : (staffNames.get(assigneeId) ?? `#${assigneeId}`)}
              top={virtualRow.start - headerHeight}
              timeZone={timeZone}
              language={language}
              onToggle={onToggle}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
    </div>
  );
}
