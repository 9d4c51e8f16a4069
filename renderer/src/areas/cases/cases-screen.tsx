import { Button, Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconLayoutKanban, IconListCheck, IconListDetails } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyStatePanel } from '../../components/empty-state-panel';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useSession } from '../../session/session-context';
import { QueueTable } from './queue-table';
import { noteServerNow } from '../../components/case-sla/server-clock';
import { PoolSection } from './pool-section';
import { BoardView, type BoardGrouping } from './board/board-view';
import { CasesListView } from './list/cases-list-view';
import { caseListFilter, type CaseListFilter } from '../../../../shared/contract';
import { caseListSorts, type CaseListSort } from '../../../../shared/domain/case-order';
import { useSlaEvents } from './use-live-reload';

const domains = ['sla', 'cases', 'reviews', 'demo', 'staff', 'auth'] as const;

function MyQueue({ onOpen }: { onOpen: (caseId: number) => void }) {
  const { t } = useTranslation('cases');
  const session = useSession();
  // The operator's id is part of the query: whoever signs in next gets their own rows.
  const queue = useApiQuery('cases.myQueue', { limit: 500, staffId: session.operator?.id }, domains);
  const pool = useApiQuery('cases.listPool', { limit: 500 }, domains);
  useSlaEvents(queue.reload);
  useSlaEvents(pool.reload);
  useEffect(() => {
    if (queue.data) noteServerNow(queue.data.now);
  }, [queue.data]);
  if (queue.loading && !queue.data) return <Loader size="sm" />;
  if (!queue.data) return <QueryError error={queue.error} onRetry={queue.reload} />;
  const waiting = session.operator ? (pool.data?.items.length ?? 0) : 0;
  const reloadBoth = () => {
    queue.reload();
    pool.reload();
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" data-testid="queue-owner">
        {session.operator ? t('mineFor', { name: session.operator.name }) : t('everyone')}
      </Text>
      {queue.data.items.length === 0 ? (
        waiting > 0 ? (
          <EmptyStatePanel
            icon={<IconListCheck size={32} stroke={1.5} />}
            title={t('emptyWithPool', { count: waiting })}
            description={t('emptyDescription')}
            actions={
              <Button variant="light" onClick={() => document.getElementById('pool-section')?.scrollIntoView({ behavior: 'smooth', block: 'start' })} data-testid="go-to-pool">
                {t('showPool')}
              </Button>
            }
          />
        ) : (
          <EmptyStatePanel icon={<IconListCheck size={32} stroke={1.5} />} title={t('empty')} description={t('emptyDescription')} />
        )
      ) : (
        <QueueTable items={queue.data.items} onOpen={onOpen} />
      )}
      {session.operator && pool.data ? <PoolSection pool={pool.data} onOpen={onOpen} onClaimed={reloadBoth} /> : null}
      {session.operator && !pool.data && pool.error ? <QueryError error={pool.error} onRetry={pool.reload} /> : null}
    </Stack>
  );
}

/** The list's and the board's filter, kept in the address (?q=) so opening a case and coming back keeps it. */
function readFilter(params: URLSearchParams): CaseListFilter {
  const text = params.get('q');
  if (!text) return {};
  try {
    const parsed = caseListFilter.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function SummaryLine() {
  const { t } = useTranslation('cases');
  const summary = useApiQuery('sla.summary', {}, domains);
  useSlaEvents(summary.reload);
  if (!summary.data) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="sla-summary">
      {t('summary', summary.data)}
    </Text>
  );
}

/** 工单: my queue (most urgent first), every case (search, filters, bulk actions) and the board; a case opens in its workspace, /cases/<id>. */
export function CasesScreen() {
  const { t } = useTranslation('cases');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const view = params.get('view');
  const tab = view === 'board' || view === 'list' ? view : 'mine';
  const filter = readFilter(params);
  const sortParam = params.get('sort') as CaseListSort | null;
  const sort: CaseListSort = sortParam && caseListSorts.includes(sortParam) ? sortParam : 'deadline';
  const groupBy: BoardGrouping = params.get('group') === 'assignee' ? 'assignee' : 'status';
  const setFilter = (next: CaseListFilter) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, value]) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '')));
    update({ q: Object.keys(clean).length > 0 ? JSON.stringify(clean) : null });
  };
  // Old links and notifications may still say /cases?case=<id>: the case's workspace is /cases/<id>.
  const caseParam = params.get('case');
  // Opening a case goes to its page; its back link returns to this address (tab, filter).
  const open = (caseId: number) => void navigate(`/cases/${caseId}`, { state: { from: `${location.pathname}${location.search}` } });

  function update(next: Record<string, string | null>) {
    const copy = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null) copy.delete(key);
      else copy.set(key, value);
    }
    setParams(copy);
  }

  if (caseParam !== null && /^\d+$/.test(caseParam)) return <Navigate to={`/cases/${caseParam}`} replace />;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={<SummaryLine />} />
      <Tabs value={tab} onChange={(value) => update({ view: value === 'board' || value === 'list' ? value : null })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="mine" leftSection={<IconListCheck size={16} />} data-testid="tab-mine">
            {t('tabs.mine')}
          </Tabs.Tab>
          <Tabs.Tab value="list" leftSection={<IconListDetails size={16} />} data-testid="tab-list">
            {t('tabs.list')}
          </Tabs.Tab>
          <Tabs.Tab value="board" leftSection={<IconLayoutKanban size={16} />} data-testid="tab-board">
            {t('tabs.board')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine">
          {/* Keyed by the operator: after a switch on the shared PC nothing of the previous person stays on screen. */}
          <MyQueue key={session.operator?.id ?? 'nobody'} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="list">
          <CasesListView filter={filter} onFilter={setFilter} sort={sort} onSort={(next) => update({ sort: next === 'deadline' ? null : next })} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="board">
          <BoardView
            groupBy={groupBy}
            onGroupBy={(next) => update({ group: next === 'status' ? null : next })}
            filter={filter}
            onFilter={setFilter}
            onOpen={open}
            onShowInList={(next) => {
              const clean = Object.fromEntries(Object.entries(next).filter(([, value]) => (Array.isArray(value) ? value.length > 0 : Boolean(value))));
              update({ view: 'list', q: Object.keys(clean).length > 0 ? JSON.stringify(clean) : null });
            }}
          />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
