import { Button, Group, Text } from '@mantine/core';
import { IconTrashX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { ConfirmModal } from '../../components/confirm-modal';
import { notifySuccess } from '../../components/notify';
import { useRunAction } from '../../errors/use-run-action';
import { formatBytes } from '../../format/date-time';

interface VerifyOrphansProps {
  count: number;
  bytes: number;
  /** After they were deleted: the report no longer has them. */
  onCleaned: () => void;
}

/**
 * Files in the vault no evidence names (an add stopped between storing a file and recording it),
 * with the owner's action to delete them after a confirmation that shows how many and how much.
 */
export function VerifyOrphans({ count, bytes, onCleaned }: VerifyOrphansProps) {
  const { t } = useTranslation('evidence');
  const api = useApi();
  const run = useRunAction();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const size = formatBytes(bytes);

  async function clean() {
    setBusy(true);
    const result = await run(() => api.call('evidence.cleanOrphans', { confirm: true }));
    setBusy(false);
    setConfirming(false);
    if (!result) return;
    notifySuccess(t('verify.cleaned', { count: result.removed, size: formatBytes(result.freedBytes) }));
    onCleaned();
  }

  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" data-testid="evidence-verify-orphans">
      <Text size="sm" c="dimmed">
        {t('verify.orphans', { count, size })}
      </Text>
      <Button color="red" variant="light" size="xs" leftSection={<IconTrashX size={16} />} onClick={() => setConfirming(true)} style={{ flexShrink: 0 }}>
        {t('verify.cleanOrphans')}
      </Button>
      <ConfirmModal
        opened={confirming}
        title={t('verify.cleanConfirmTitle')}
        body={t('verify.cleanConfirmBody', { count, size })}
        confirmLabel={t('verify.cleanConfirmButton', { count })}
        busy={busy}
        onConfirm={() => void clean()}
        onClose={() => setConfirming(false)}
      />
    </Group>
  );
}
