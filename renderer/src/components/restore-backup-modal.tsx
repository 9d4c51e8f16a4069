import { Alert, Button, Code, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupKindName, BackupPreview } from '../../../shared/contract';
import { formatBytes, formatDateTime } from '../format/date-time';
import { usePreferences } from '../preferences/preferences-context';

export const backupKindKey: Record<BackupKindName, ParseKeys<'common'>> = {
  daily: 'backupRestore.kinds.daily',
  manual: 'backupRestore.kinds.manual',
  'before-migration': 'backupRestore.kinds.before-migration',
  'before-restore': 'backupRestore.kinds.before-restore',
};

interface RestoreBackupModalProps {
  /** The backup to restore, as `maintenance.previewBackup` describes it; null keeps the dialog closed. */
  preview: BackupPreview | null;
  /** True while the restore runs; the dialog cannot be closed meanwhile. */
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Shows what a backup holds (read from the backup itself) and what restoring does, then asks.
 * Used from Settings and from the start-up error screen.
 */
export function RestoreBackupModal({ preview, busy, onConfirm, onClose }: RestoreBackupModalProps) {
  const { t } = useTranslation();
  const { timeZone, language } = usePreferences();
  const contents = preview?.contents ?? null;
  const counts: [ParseKeys<'common'>, number][] = contents
    ? [
        ['backupRestore.reviews', contents.reviews],
        ['backupRestore.cases', contents.cases],
        ['backupRestore.evidence', contents.evidence],
        ['backupRestore.imports', contents.imports],
        ['backupRestore.staff', contents.staff],
      ]
    : [];
  return (
    <Modal opened={preview !== null} onClose={busy ? () => undefined : onClose} title={t('backupRestore.title')} centered radius="lg" size="lg">
      {preview ? (
        <Stack gap="md" data-testid="restore-preview">
          <SimpleGrid cols={3} spacing="sm">
            <Fact label={t('backupRestore.takenAt')} value={formatDateTime(preview.backup.takenAt, timeZone, language)} />
            <Fact label={t('backupRestore.kind')} value={t(backupKindKey[preview.backup.kind])} />
            <Fact label={t('backupRestore.size')} value={formatBytes(preview.backup.bytes)} />
          </SimpleGrid>
          <Code style={{ wordBreak: 'break-all' }}>{preview.backup.name}</Code>
          {preview.ok ? (
            <>
              <Text size="sm" fw={600}>
                {t('backupRestore.holds')}
              </Text>
              {contents ? (
                <SimpleGrid cols={3} spacing="sm" data-testid="restore-counts">
                  {counts.map(([key, count]) => (
                    <Fact key={key} label={t(key)} value={count.toLocaleString(language)} />
                  ))}
                  <Fact
                    label={t('backupRestore.newestReview')}
                    value={contents.newestReviewAt === null ? t('backupRestore.noReviews') : formatDateTime(contents.newestReviewAt, timeZone, language)}
                  />
                </SimpleGrid>
              ) : (
                <Text size="sm">{t('backupRestore.contentsUnknown')}</Text>
              )}
              {preview.missingVaultObjects > 0 ? (
                <Alert color="yellow" variant="light" icon={<IconAlertTriangle />}>
                  {t('backupRestore.missingVault', { count: preview.missingVaultObjects })}
                </Alert>
              ) : null}
              <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
                {t('backupRestore.aside')}
              </Alert>
            </>
          ) : (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('backupRestore.damaged')}>
              <Code block>{preview.problem}</Code>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
              {t('cancel')}
            </Button>
            <Button color="orange" onClick={onConfirm} loading={busy} disabled={!preview.ok}>
              {t('backupRestore.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

interface FactProps {
  label: string;
  value: string;
}

function Fact({ label, value }: FactProps) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}
