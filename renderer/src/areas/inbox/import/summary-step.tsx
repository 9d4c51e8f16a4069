import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { useRunAction } from '../../../errors/use-run-action';
import { importFinishedKey, importNoticeKey } from '../i18n/keys';
import { downloadText } from './download';
import { RejectsTable } from './rejects-table';
import { Stat } from './stat';

interface SummaryStepProps {
  run: ImportRun;
  onDone: () => void;
}

/** Step 4: what the import did, the rows it refused and why, and the report as CSV. */
export function SummaryStep({ run, onDone }: SummaryStepProps) {
  const { t } = useTranslation('inbox');
  const api = useApi();
  const runAction = useRunAction();
  const [exporting, setExporting] = useState(false);

  async function exportReport() {
    setExporting(true);
    const report = await runAction(() => api.call('imports.exportReport', { importId: run.id }));
    setExporting(false);
    if (report) downloadText(report.fileName, report.csv);
  }

  // Only finished runs reach this step; anything not done or cancelled reads as failed, as the color does.
  const finishedStatus = run.status === 'done' || run.status === 'cancelled' ? run.status : 'failed';
  // Done with a notice about undecodable bytes is done, but not to be read as all well.
  const withNotice = run.status === 'done' && run.notice?.code === 'undecodable_rows';
  const color = run.status === 'done' ? (withNotice ? 'yellow' : 'teal') : run.status === 'cancelled' ? 'orange' : 'red';
  const Icon = run.status === 'done' ? IconCircleCheck : run.status === 'cancelled' ? IconPlayerStop : IconAlertTriangle;

  return (
    <Stack gap="md" data-testid="import-summary" data-notice={run.notice?.code ?? ''}>
      <Alert color={color} variant="light" icon={<Icon />} title={t(importFinishedKey[finishedStatus], { file: run.fileName })}>
        {run.notice ? t(importNoticeKey[run.notice.code], run.notice.params) : t('import.finishedHint')}
        {run.notice?.code === 'failed' && run.message ? (
          <Text size="xs" c="dimmed" mt={4}>
            {run.message}
          </Text>
        ) : null}
      </Alert>
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing="sm">
        <Stat label={t('import.counts.read')} value={run.counts.read} />
        <Stat label={t('import.counts.inserted')} value={run.counts.inserted} color="teal" />
        <Stat label={t('import.counts.duplicates')} value={run.counts.duplicates} />
        <Stat label={t('import.counts.rejected')} value={run.counts.rejected} color={run.counts.rejected > 0 ? 'red' : undefined} />
        <Stat label={t('import.counts.casesOpened')} value={run.counts.casesOpened} />
        <Stat label={t('import.counts.alerts')} value={run.counts.alerts} color={run.counts.alerts > 0 ? 'orange' : undefined} />
      </SimpleGrid>
      {run.counts.rejected > 0 ? (
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t('import.rejectsTitle', { count: run.counts.rejected })}
          </Title>
          <RejectsTable importId={run.id} />
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('import.noRejects')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportReport()}>
          {t('import.exportReport')}
        </Button>
        <Button onClick={onDone}>{t('import.viewInbox')}</Button>
      </Group>
    </Stack>
  );
}
