import { Alert, Button, Group, Paper, Skeleton, Text } from '@mantine/core';
import { IconArrowBackUp, IconTrash, IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyStatePanel } from '../../components/empty-state-panel';
import { notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/query-error';
import { useRunAction } from '../../errors/use-run-action';
import { formatBytes } from '../../format/date-time';
import { EvidenceTable } from './evidence-table';

interface EvidenceTrashProps {
  onOpen: (item: EvidenceItem) => void;
}

/** 回收站: trashed evidence, restorable until someone empties the trash after confirming. */
export function EvidenceTrash({ onOpen }: EvidenceTrashProps) {
  const { t } = useTranslation('evidence');
  const api = useApi();
  const run = useRunAction();
  const trashed = useApiQuery('evidence.list', { trashed: true, limit: 1000 }, ['evidence']);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const items = trashed.data?.items ?? [];
  const bytes = items.reduce((sum, item) => sum + item.size, 0);

  async function restore(item: EvidenceItem) {
    const done = await run(() => api.call('evidence.restore', { id: item.id }));
    if (done) notifySuccess(t('trash.restored', { name: item.originalName }));
  }

  async function empty() {
    setBusy(true);
    const result = await run(() => api.call('evidence.emptyTrash', { confirm: true }));
    setBusy(false);
    setConfirming(false);
    if (!result) return;
    notifySuccess(t('trash.emptied', { count: result.removedEvidence, size: formatBytes(result.freedBytes) }));
  }

  if (trashed.error && !trashed.data) return <QueryError error={trashed.error} onRetry={trashed.reload} />;
  if (trashed.loading) return <Skeleton height={160} />;
  if (items.length === 0) {
    return <EmptyStatePanel icon={<IconTrash size={32} stroke={1.5} />} title={t('trash.emptyTitle')} description={t('trash.emptyDescription')} />;
  }
  return (
    <>
      <Paper withBorder radius="lg" p="xs" data-testid="evidence-trash">
        <Group justify="space-between" px="md" pt="xs" pb={4} wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('trash.count', { count: items.length, size: formatBytes(bytes) })}
          </Text>
          <Button color="red" variant="light" size="xs" leftSection={<IconTrashX size={16} />} onClick={() => setConfirming(true)}>
            {t('trash.empty')}
          </Button>
        </Group>
        <Alert variant="transparent" color="gray" py={4} px="md">
          <Text size="xs" c="dimmed">
            {t('trash.ownerNote')}
          </Text>
        </Alert>
        <EvidenceTable
          items={items}
          onOpen={onOpen}
          trashed
          action={(item) => (
            <Button size="compact-xs" variant="light" leftSection={<IconArrowBackUp size={14} />} onClick={() => void restore(item)}>
              {t('trash.restore')}
            </Button>
          )}
        />
      </Paper>
      <ConfirmModal
        opened={confirming}
        title={t('trash.confirmTitle')}
        body={t('trash.confirmBody', { count: items.length, size: formatBytes(bytes) })}
        confirmLabel={t('trash.confirmButton', { count: items.length })}
        busy={busy}
        onConfirm={() => void empty()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
