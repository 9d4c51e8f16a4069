import { Checkbox, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListItem } from '../../../../../shared/contract';
import { CategoryBadge } from '../../../components/badges/category-badge';
import { StatusBadge } from '../../../components/badges/status-badge';
import { SlaCountdown } from '../../../components/case-sla/sla-countdown';
import { roleKey } from '../../../i18n/domain/keys';
import classes from './case-list-table.module.css';

const rowHeight = 56;
const headerHeight = 36;
/** Start the next page this many rows before the end. */
const prefetchRows = 30;

interface CaseListTableProps {
  items: CaseListItem[];
  checked: ReadonlySet<number>;
  /** Every matching case is selected (the boxes show ticked). */
  allMatching: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onToggle: (caseId: number) => void;
  onToggleLoaded: () => void;
  onOpen: (caseId: number) => void;
}

/** The cases list: a virtualised grid that renders only the rows in view, however many are loaded. */
export function CaseListTable({ items, checked, allMatching, hasMore, loadingMore, onLoadMore, onToggle, onToggleLoaded, onOpen }: CaseListTableProps) {
  const { t } = useTranslation(['cases', 'domain']);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The compiler cannot memoise around the virtualiser's mutable instance; this app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.length > 0 ? virtualItems[virtualItems.length - 1]!.index : -1;
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - prefetchRows) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  const allLoadedChecked = allMatching || (items.length > 0 && items.every((item) => checked.has(item.caseId)));
  const headers = ['colDue', 'colCase', 'list.colBuyer', 'list.colCategoryStatus', 'colAssignee'] as const;
  return (
    <div ref={scrollRef} className={classes.scroller} role="grid" aria-label={t('list.label')} aria-rowcount={hasMore ? -1 : items.length + 1} aria-multiselectable data-testid="case-list">
      <div role="row" aria-rowindex={1} className={classes.header}>
        <div role="columnheader" className={classes.cell}>
          <Checkbox
            size="xs"
            checked={allLoadedChecked}
            indeterminate={!allLoadedChecked && checked.size > 0}
            onChange={onToggleLoaded}
            aria-label={t('list.selectAllLoaded', { count: items.length })}
            data-testid="select-loaded"
          />
        </div>
        {headers.map((key) => (
          <div role="columnheader" key={key} className={classes.cell}>
            {t(key)}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((virtualRow) => {
          const item = items[virtualRow.index];
          const top = virtualRow.start - headerHeight;
          if (!item) {
            return (
              <div key="more" className={classes.more} style={{ top, height: rowHeight }} role="row">
                <div role="gridcell">
                  {loadingMore ? <Loader size="xs" /> : null}
                  <Text component="span" size="xs" c="dimmed" ml="xs">
                    {t('list.loadingMore')}
                  </Text>
                </div>
              </div>
            );
          }
          const isChecked = allMatching || checked.has(item.caseId);
          const target = item.next ? (item.paused ? { ...item.next, state: 'paused' as const } : item.next) : { state: 'met' as const, dueAt: null, remainingMs: 0 };
          return (
            <div
              key={item.caseId}
              role="row"
              tabIndex={0}
              aria-rowindex={virtualRow.index + 2}
              aria-selected={isChecked}
              className={classes.row}
              data-checked={isChecked || undefined}
              style={{ top, height: rowHeight }}
              data-testid="case-row"
              data-case-id={item.caseId}
              onClick={() => onOpen(item.caseId)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onOpen(item.caseId);
                if (event.key === ' ') {
                  event.preventDefault();
                  onToggle(item.caseId);
                }
              }}
            >
              <div role="gridcell" className={classes.cell} onClick={(event) => event.stopPropagation()}>
                <Checkbox size="xs" checked={isChecked} disabled={allMatching} onChange={() => onToggle(item.caseId)} aria-label={t('list.selectRow', { id: item.caseId })} tabIndex={-1} />
              </div>
              <div role="gridcell" className={classes.cell}>
                <SlaCountdown compact target={target} />
              </div>
              <div role="gridcell" className={classes.stack}>
                <Text size="sm" fw={600} truncate="end">
                  {t('caseNo', { id: item.caseId })} · {item.shopName}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {item.excerpt}
                </Text>
              </div>
              <div role="gridcell" className={classes.stack}>
                <Text size="sm" truncate="end">
                  {item.buyerNick ?? '—'}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {item.orderNo ?? ''}
                </Text>
              </div>
              <div role="gridcell" className={classes.badges}>
                <CategoryBadge category={item.category} />
                <StatusBadge status={item.status} />
              </div>
              <div role="gridcell" className={classes.cell}>
                <Text size="sm" truncate="end" c={item.assigneeName ? undefined : 'dimmed'}>
                  {item.assigneeName ?? (item.poolRole ? t('list.poolOf', { role: t(roleKey[item.poolRole]) }) : t('unassigned'))}
                </Text>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
