import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { notifySuccess } from '../../components/notify';
import { useRunAction } from '../../errors/use-run-action';
import { roleKey } from '../../i18n/domain/keys';
import { QueueTable } from './queue-table';

interface PoolSectionProps {
  pool: MethodOutput<'cases.listPool'>;
  onOpen: (caseId: number) => void;
  /** After a claim (or a lost race): the queue and the pool reload. */
  onClaimed: () => void;
}

/**
 * 待认领: open cases routed to the signed-in person's role that nobody holds yet (nobody of the
 * role was active when they opened or escalated). Claiming one moves it to the person's own queue.
 */
export function PoolSection({ pool, onOpen, onClaimed }: PoolSectionProps) {
  const { t } = useTranslation(['cases', 'domain']);
  const api = useApi();
  const run = useRunAction();

  async function claim(caseId: number) {
    const taken = await run(() => api.call('cases.take', { caseId, fromPool: true }));
    onClaimed();
    if (taken) notifySuccess(t('pool.claimed', { id: caseId }));
  }

  const { items, role } = pool;
  return (
    <Stack gap="xs" data-testid="pool-section" id="pool-section">
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
