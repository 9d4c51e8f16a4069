import { Loader, Stack, Tabs, Text } from '@mantine/core';
import { IconLayoutKanban, IconListCheck } from '@tabler/icons-react';
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
import { TeamBoard } from './team-board';
import { useSlaEvents } from './use-live-reload';

const domains = ['sla', 'cases', 'reviews', 'demo', 'staff', 'auth'] as const;

function MyQueue({ onOpen }: { onOpen: (caseId: number) => void }) {
  const { t } = useTranslation('cases');
  const session = useSession();
  // The operator's id is part of the query: whoever signs in next gets their own rows.
  const queue = useApiQuery('cases.myQueue', { limit: 500, staffId: session.operator?.id }, domains);
  useSlaEvents(queue.reload);
  useEffect(() => {
    if (queue.data) noteServerNow(queue.data.now);
  }, [queue.data]);
  if (queue.loading && !queue.data) return <Loader size="sm" />;
  if (!queue.data) return <QueryError error={queue.error} onRetry={queue.reload} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" data-testid="queue-owner">
        {session.operator ? t('mineFor', { name: session.operator.name }) : t('everyone')}
      </Text>
      {queue.data.items.length === 0 ? (
        <EmptyStatePanel icon={<IconListCheck size={32} stroke={1.5} />} title={t('empty')} description={t('emptyDescription')} />
      ) : (
        <QueueTable items={queue.data.items} onOpen={onOpen} />
      )}
      {session.operator ? <PoolSection onOpen={onOpen} onClaimed={queue.reload} /> : null}
    </Stack>
  );
}

function Board({ onOpen }: { onOpen: (caseId: number) => void }) {
  const board = useApiQuery('cases.board', { perColumn: 100 }, domains);
  useSlaEvents(board.reload);
  useEffect(() => {
    if (board.data) noteServerNow(board.data.now);
  }, [board.data]);
  if (board.loading && !board.data) return <Loader size="sm" />;
  if (!board.data) return <QueryError error={board.error} onRetry={board.reload} />;
  return <TeamBoard columns={board.data.columns} onOpen={onOpen} />;
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

/** 工单: my queue (most urgent first) and the team board; a case opens in its workspace, /cases/<id>. */
export function CasesScreen() {
  const { t } = useTranslation('cases');
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('view') === 'board' ? 'board' : 'mine';
  // Old links and notifications may still say /cases?case=<id>: the case's workspace is /cases/<id>.
  const caseParam = params.get('case');
  const openCase = (caseId: number) => void navigate(`/cases/${caseId}`, { state: { from: `${location.pathname}${location.search}` } });

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
      <Tabs value={tab} onChange={(value) => update({ view: value === 'board' ? 'board' : null })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="mine" leftSection={<IconListCheck size={16} />} data-testid="tab-mine">
            {t('tabs.mine')}
          </Tabs.Tab>
          <Tabs.Tab value="board" leftSection={<IconLayoutKanban size={16} />} data-testid="tab-board">
            {t('tabs.board')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine">
          {/* Keyed by the operator: after a switch on the shared PC nothing of the previous person stays on screen. */}
          <MyQueue key={session.operator?.id ?? 'nobody'} onOpen={openCase} />
        </Tabs.Panel>
        <Tabs.Panel value="board">
          <Board onOpen={openCase} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
