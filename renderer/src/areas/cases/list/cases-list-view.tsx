import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconListSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BulkResult, CaseListFilter, CaseSelection } from '../../../../../shared/contract';
import type { CaseListSort } from '../../../../../shared/domain/case-order';
import { EmptyStatePanel } from '../../../components/empty-state-panel';
import { LoadDemoButton } from '../../../components/load-demo-button';
import { QueryError } from '../../../components/query-error';
import { BulkBar, BulkResultModal } from './bulk-bar';
import { CaseFiltersBar, CaseSortSelect, hasFilter } from './case-filters-bar';
import { CaseListTable } from './case-list-table';
import { useCasePages } from './use-case-pages';

interface CasesListViewProps {
  filter: CaseListFilter;
  onFilter: (filter: CaseListFilter) => void;
  sort: CaseListSort;
  onSort: (sort: CaseListSort) => void;
  onOpen: (caseId: number) => void;
}

/** 全部工单: every case, searched, filtered and sorted, paged as it scrolls, with bulk actions. */
export function CasesListView({ filter, onFilter, sort, onSort, onOpen }: CasesListViewProps) {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const pages = useCasePages(filter, sort);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [selectionKey, setSelectionKey] = useState(JSON.stringify(filter));
  // A new filter is a new list: the ticks of the old one go.
  if (selectionKey !== JSON.stringify(filter)) {
    setSelectionKey(JSON.stringify(filter));
    setChecked(new Set());
    setAllMatching(false);
  }
  const clear = () => {
    setChecked(new Set());
    setAllMatching(false);
  };
  const toggle = (caseId: number) =>
    setChecked((previous) => {
      const next = new Set(previous);
      if (next.has(caseId)) next.delete(caseId);
      else next.add(caseId);
      return next;
    });
  const loadedAllChecked = pages.items.length > 0 && pages.items.every((item) => checked.has(item.caseId));
  const toggleLoaded = () => {
    if (allMatching || loadedAllChecked) clear();
    else setChecked(new Set(pages.items.map((item) => item.caseId)));
  };
  const selection: CaseSelection | null = allMatching ? { filter } : checked.size > 0 ? { caseIds: [...checked] } : null;
  const count = allMatching ? pages.total : checked.size;
  const filtered = hasFilter(filter);

  let body;
  if (pages.loading && pages.items.length === 0) body = <Loader size="sm" />;
  else if (pages.error && pages.items.length === 0) body = <QueryError error={pages.error} onRetry={pages.reload} />;
  else if (pages.items.length === 0 && filtered)
    body = (
      <EmptyStatePanel
        icon={<IconListSearch size={32} stroke={1.5} />}
        title={t('list.noMatchTitle')}
        description={t('list.noMatchDescription')}
        actions={
          <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => onFilter({})}>
            {t('list.clear')}
          </Button>
        }
      />
    );
  else if (pages.items.length === 0)
    body = (
      <EmptyStatePanel
        icon={<IconListSearch size={32} stroke={1.5} />}
        title={t('list.emptyTitle')}
        description={t('list.emptyDescription')}
        actions={
          <Group gap="xs">
            <Button variant="light" leftSection={<IconUpload size={16} />} onClick={() => void navigate('/inbox')}>
              {t('list.goImport')}
            </Button>
            <LoadDemoButton />
          </Group>
        }
      />
    );
  else
    body = (
      <div style={{ flex: 1, minHeight: 0 }}>
        <CaseListTable
          items={pages.items}
          checked={checked}
          allMatching={allMatching}
          hasMore={pages.hasMore}
          loadingMore={pages.loadingMore}
          onLoadMore={pages.loadMore}
          onToggle={toggle}
          onToggleLoaded={toggleLoaded}
          onOpen={onOpen}
        />
      </div>
    );

  return (
    <Stack gap="sm" h="calc(100dvh - 230px)" mih={360} data-testid="cases-list-view">
      <CaseFiltersBar filter={filter} onChange={onFilter} />
      <Group justify="space-between" gap="xs" mih={32}>
        {selection ? (
          <BulkBar
            count={count}
            selection={selection}
            allMatching={allMatching}
            offerAll={loadedAllChecked && pages.total > checked.size ? { total: pages.total } : null}
            onSelectAll={() => setAllMatching(true)}
            onClear={clear}
            onDone={(done) => {
              clear();
              setResult(done);
              pages.reload();
            }}
          />
        ) : (
          <Text size="sm" c="dimmed" data-testid="case-total">
            {pages.loading ? '' : t('list.total', { count: pages.total })}
          </Text>
        )}
        <CaseSortSelect sort={sort} onSort={onSort} />
      </Group>
      {body}
      <BulkResultModal result={result} onClose={() => setResult(null)} />
    </Stack>
  );
}
