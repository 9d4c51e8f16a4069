import { Button, Group, Paper, Skeleton, Stack } from '@mantine/core';
import { IconClipboardText, IconFileImport, IconFilterOff, IconInbox, IconPencilPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyStatePanel } from '../../components/empty-state-panel';
import { LoadDemoButton } from '../../components/load-demo-button';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { ReviewDetailPane } from './detail/review-detail-pane';
import { ManualEntryModal } from './entry/manual-entry-modal';
import { ImportWizard, type ImportMode } from './import/import-wizard';
import { InboxTabs } from './inbox-tabs';
import { BulkActionsBar } from './list/bulk-actions-bar';
import { FiltersBar } from './list/filters-bar';
import { SelectAllBanner } from './list/select-all-banner';
import { clearedFilters, hasActiveFilters } from './list/inbox-query';
import { ReviewTable } from './list/review-table';
import { useInboxKeyboard } from './list/use-inbox-keyboard';
import { useInboxQuery } from './list/use-inbox-query';
import { useReviewPages } from './list/use-review-pages';
import { useInboxLookups } from './use-inbox-lookups';
import classes from './inbox-screen.module.css';

const noneChecked: ReadonlySet<number> = new Set();

/** 收件箱: every review from every shop, filtered and searched, with the case behind each. */
export function InboxScreen() {
  const { t } = useTranslation('inbox');
  const { query, filters, update } = useInboxQuery();
  const lookups = useInboxLookups();
  const pages = useReviewPages(filters, query.sort);
  const count = useApiQuery('reviews.count', { filters }, ['reviews', 'imports', 'demo']);
  const searchRef = useRef<HTMLInputElement>(null);
  const [importMode, setImportMode] = useState<ImportMode | null>(null);
  const [manualOpen, setManualOpen] = useState(false);

  // Ticks and the cursor belong to one query; a new filter starts both afresh.
  const queryKey = JSON.stringify([filters, query.sort]);
  // allMatching: "select all N matching" is on, so a bulk change goes to the filter on the server.
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<number>; allMatching?: boolean }>({ key: queryKey, ids: noneChecked });
  const checked = selection.key === queryKey ? selection.ids : noneChecked;
  const [cursor, setCursor] = useState<{ key: string; index: number }>({ key: queryKey, index: -1 });
  const activeIndex = cursor.key === queryKey ? Math.min(cursor.index, pages.items.length - 1) : -1;

  const { items } = pages;
  const filtered = hasActiveFilters(filters);

  const toggle = useCallback(
    (reviewId: number) =>
      setSelection((previous) => {
        const ids = new Set(previous.key === queryKey ? previous.ids : []);
        if (ids.has(reviewId)) ids.delete(reviewId);
        else ids.add(reviewId);
        return { key: queryKey, ids };
      }),
    [queryKey],
  );
  const toggleAll = useCallback(() => {
    const all = items.length > 0 && items.every((item) => checked.has(item.id));
    setSelection({ key: queryKey, ids: all ? noneChecked : new Set(items.map((item) => item.id)) });
  }, [items, checked, queryKey]);
  const allLoadedChecked = items.length > 0 && items.every((item) => checked.has(item.id));
  const total = count.data?.total ?? null;
  // Only while every loaded row stays ticked; unticking one goes back to the ticked rows.
  const allMatching = selection.key === queryKey && selection.allMatching === true && allLoadedChecked;
  const offerMatching = allLoadedChecked && total !== null && total > items.length;
  const clearSelection = useCallback(() => setSelection({ key: queryKey, ids: noneChecked }), [queryKey]);

  const open = useCallback(
    (index: number) => {
      const review = items[index];
      if (!review) return;
      setCursor({ key: queryKey, index });
      update({ openId: review.id });
    },
    [items, queryKey, update],
  );

  useInboxKeyboard({
    move: (delta) => {
      if (items.length === 0) return;
      const next = Math.max(0, Math.min(items.length - 1, activeIndex + delta));
      setCursor({ key: queryKey, index: next });
      // With the pane open it follows the cursor, as in a mail client.
      if (query.openId !== null) update({ openId: items[next]!.id });
    },
    open: () => open(activeIndex < 0 ? 0 : activeIndex),
    close: () => update({ openId: null }),
    focusSearch: () => searchRef.current?.focus(),
  });

  const selected = useMemo(() => items.filter((item) => checked.has(item.id)), [items, checked]);
  const inboxIsEmpty = !pages.loading && !pages.error && items.length === 0 && !filtered;

  const headerActions = (
    <Group gap="xs">
      <Button size="xs" leftSection={<IconFileImport size={16} />} onClick={() => setImportMode('file')} data-testid="inbox-import">
        {t('actions.import')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconClipboardText size={16} />} onClick={() => setImportMode('paste')}>
        {t('actions.paste')}
      </Button>
      <Button size="xs" variant="default" leftSection={<IconPencilPlus size={16} />} onClick={() => setManualOpen(true)}>
        {t('actions.manual')}
      </Button>
    </Group>
  );

  return (
    <div className={classes.screen}>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <InboxTabs actions={headerActions} />
      {inboxIsEmpty ? (
        <EmptyStatePanel
          icon={<IconInbox size={32} stroke={1.5} />}
          title={t('emptyTitle')}
          description={t('emptyDescription')}
          actions={
            <>
              <Button leftSection={<IconFileImport size={18} />} onClick={() => setImportMode('file')}>
                {t('actions.importFile')}
              </Button>
              <LoadDemoButton variant="light" />
              <Button variant="default" leftSection={<IconPencilPlus size={18} />} onClick={() => setManualOpen(true)}>
                {t('actions.manual')}
              </Button>
            </>
          }
        />
      ) : (
        <>
          <FiltersBar
            query={query}
            update={update}
            lookups={lookups}
            total={count.error ? undefined : (count.data?.total ?? null)}
            searchRef={searchRef}
          />
          {selected.length > 0 ? (
            <Stack mt="sm" gap={4}>
              <BulkActionsBar
                selected={selected}
                assignable={lookups.assignable}
                onClear={clearSelection}
                matching={allMatching && total !== null ? { filters, total } : null}
                onChanged={pages.reload}
              />
              {offerMatching ? (
                <SelectAllBanner
                  loaded={items.length}
                  total={total}
                  allMatching={allMatching}
                  onChange={(on) => setSelection((previous) => ({ ...previous, key: queryKey, allMatching: on }))}
                />
              ) : null}
            </Stack>
          ) : null}
          <div className={classes.body}>
            <Paper withBorder radius="lg" className={classes.list}>
              {pages.error && items.length === 0 ? (
                <Stack p="md">
                  <QueryError error={pages.error} onRetry={pages.reload} />
                </Stack>
              ) : pages.loading ? (
                <Stack gap={6} p="md" aria-busy>
                  {Array.from({ length: 8 }, (_, index) => (
                    <Skeleton key={index} height={40} />
                  ))}
                </Stack>
              ) : items.length === 0 ? (
                <EmptyStatePanel
                  compact
                  icon={<IconFilterOff size={28} stroke={1.5} />}
                  title={t('noMatchTitle')}
                  description={t('noMatchDescription')}
                  actions={
                    <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => update(clearedFilters)}>
                      {t('filters.clear')}
                    </Button>
                  }
                />
              ) : (
                <ReviewTable
                  items={items}
                  highlights={pages.highlights}
                  checked={checked}
                  activeIndex={activeIndex}
                  openId={query.openId}
                  hasMore={pages.hasMore}
                  loadingMore={pages.loadingMore}
                  staffNames={lookups.staffNames}
                  onLoadMore={pages.loadMore}
                  onToggle={toggle}
                  onToggleAll={toggleAll}
                  onOpen={open}
                />
              )}
            </Paper>
            {query.openId !== null ? (
              <div className={classes.pane}>
                <ReviewDetailPane
                  reviewId={query.openId}
                  ranges={pages.highlights[String(query.openId)]}
                  search={query.search}
                  lookups={lookups}
                  onClose={() => update({ openId: null })}
                />
              </div>
            ) : null}
          </div>
        </>
      )}
      <ImportWizard mode={importMode} shops={lookups.shops} shopsLoaded={lookups.shopsLoaded} onClose={() => setImportMode(null)} onImported={pages.reload} />
      <ManualEntryModal opened={manualOpen} shops={lookups.shops} onClose={() => setManualOpen(false)} onCreated={pages.reload} />
    </div>
  );
}
