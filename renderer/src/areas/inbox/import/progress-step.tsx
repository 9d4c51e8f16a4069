import { Button, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, ImportRun } from '../../../../../shared/contract';
import { formatBytes } from '../../../format/date-time';
import { Stat } from './stat';
import { importPhaseKey } from '../i18n/keys';

interface ProgressStepProps {
  fileName: string;
  /** The latest progress event, if one arrived. */
  progress: EventPayload<'import.progress'> | null;
  /** The run as last polled. */
  run: ImportRun | null;
  cancelling: boolean;
  onCancel: () => void;
}

/** Step 3: the import streams in the background; rows are counted as they are read and written. */
export function ProgressStep({ fileName, progress, run, cancelling, onCancel }: ProgressStepProps) {
  const { t } = useTranslation('inbox');
  const counts = {
    read: progress?.rowsRead ?? run?.counts.read ?? 0,
    inserted: progress?.inserted ?? run?.counts.inserted ?? 0,
    duplicates: progress?.duplicates ?? run?.counts.duplicates ?? 0,
    rejected: progress?.rejected ?? run?.counts.rejected ?? 0,
  };
  const percent = progress?.totalBytes ? Math.min(100, Math.round((progress.bytesRead / progress.totalBytes) * 100)) : null;

  return (
    <Stack gap="lg" data-testid="import-progress">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{t('import.importing', { file: fileName })}</Text>
          <Text size="sm" c="dimmed">
            {progress
              ? t(importPhaseKey[progress.phase])
              : t('import.phases.starting')}
            {percent !== null && progress?.totalBytes
              ? ` · ${percent}% (${formatBytes(progress.bytesRead)} / ${formatBytes(progress.totalBytes)})`
              : ''}
          </Text>
        </Group>
        {/* Without a known size (pasted text, some XLSX) the bar only shows that work goes on. */}
        <Progress value={percent ?? 100} striped animated={percent === null || percent < 100} size="lg" radius="xl" aria-label={t('import.progressLabel')} />
      </Stack>
      <SimpleGrid cols={4}>
        <Stat label={t('import.counts.read')} value={counts.read} />
        <Stat label={t('import.counts.inserted')} value={counts.inserted} color="teal" />
        <Stat label={t('import.counts.duplicates')} value={counts.duplicates} />
        <Stat label={t('import.counts.rejected')} value={counts.rejected} color={counts.rejected > 0 ? 'red' : undefined} />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('import.backgroundHint')}
      </Text>
      <Group justify="flex-end">
        <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} loading={cancelling} onClick={onCancel}>
          {t('import.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
