import { Badge, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/query-error';
import { useRunAction } from '../../errors/use-run-action';
import { roleKey } from '../../i18n/domain/keys';
import { QueueTable } from './queue-table';
import { useSlaEvents } from './use-live-reload';

const domains = ['sla', 'cases', 'reviews', 'demo', 'staff', 'auth'] as const;

/**
 * 待认领: open cases routed to the signed-in person's role that nobody holds yet (nobody of the
 * role was active when they opened or escalated). Claiming one moves it to the person's own queue.
 */
export function PoolSection({ onOpen, onClaimed }: { onOpen: (caseId: number) => void; onClaimed: () => void }) {
  const { t } = useTranslation(['cases', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const pool = useApiQuery('cases.listPool', { limit: 500 }, domains);
  useSlaEvents(pool.reload);

  async function claim(caseId: number) {
    const taken = await run(() => api.call('cases.take', { caseId, fromPool: true }));
    pool.reload();
    if (!taken) return;
    notifySuccess(t('pool.claimed', { id: caseId }));
    onClaimed();
  }

  if (pool.loading && !pool.data) return <Loader size="sm" />;
  if (!pool.data) return <QueryError error={pool.error} onRetry={pool.reload} />;
  const { items, role } = pool.data;
  return (
    <Stack gap="xs" data-testid="pool-section">
      <Group gap="xs">
        <Title order={4}>{t('pool.title')}</Title>
        <Badge variant="light" color={items.length > 0 ? 'orange' : 'gray'} data-testid="pool-count">
          {items.length}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {role ? t('pool.forRole', { role: t(roleKey[role]) }) : t('pool.everyRole')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="pool-empty">
          {t('pool.empty')}
        </Text>
      ) : (
        <QueueTable items={items} onOpen={onOpen} onClaim={(caseId) => void claim(caseId)} testId="pool-table" />
      )}
    </Stack>
  );
}
