import { Alert, Button, Code, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFolderOpen, IconInfoCircle, IconStethoscope, IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/section-card';
import { useRunAction } from '../../errors/use-run-action';
import { useReadyStatus } from '../../startup/status-context';

type Busy = 'verify' | 'open' | null;

/** 数据: where the data lives, and verify / open-folder actions (backups have their own section). */
export function DataSection() {
  const { t } = useTranslation(['settings', 'common']);
  const api = useApi();
  const run = useRunAction();
  const startupStatus = useReadyStatus();
  // Fresh status (the schema version can change after an upgrade); startup's answer until then.
  const fresh = useApiQuery('app.status', {}, []);
  const status = fresh.data?.state === 'ready' ? fresh.data : startupStatus;
  const [busy, setBusy] = useState<Busy>(null);
  const [report, setReport] = useState<MethodOutput<'maintenance.verify'> | null>(null);

  async function act<T>(which: Busy, action: () => Promise<T>): Promise<T | undefined> {
    setBusy(which);
    const result = await run(action);
    setBusy(null);
    return result;
  }

  async function verify() {
    const result = await act('verify', () => api.call('maintenance.verify', {}));
    if (result) setReport(result);
  }

  async function openFolder() {
    const result = await act('open', () => api.call('app.openFolder', { folder: 'data' }));
    if (!result) return;
    notifySuccess(
      t('data.openFolder'),
      result.opened ? t('common:folderOpened', { path: result.path }) : t('common:folderNotOpened', { path: result.path }),
    );
  }

  return (
    <SectionCard title={t('data.title')} description={t('data.description')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Fact label={t('data.dataDir')}>
          <Code style={{ wordBreak: 'break-all' }}>{status.dataDir}</Code>
        </Fact>
        <Fact label={t('data.dbPath')}>
          <Code style={{ wordBreak: 'break-all' }}>{status.dbPath}</Code>
        </Fact>
        <Fact label={t('data.schemaVersion')}>
          <Code data-testid="schema-version">{status.schemaVersion}</Code>
        </Fact>
        <Fact label={t('data.appVersion')}>
          <Code>{status.version}</Code>
        </Fact>
      </SimpleGrid>
      {status.migratedFromBackup ? (
        <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
          {t('data.migratedFrom', { path: status.migratedFromBackup })}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button variant="light" leftSection={<IconStethoscope size={18} />} loading={busy === 'verify'} onClick={() => void verify()}>
          {t('data.verify')}
        </Button>
        <Button variant="default" leftSection={<IconFolderOpen size={18} />} loading={busy === 'open'} onClick={() => void openFolder()}>
          {t('data.openFolder')}
        </Button>
      </Group>
      {report ? <VerifyResult report={report} /> : null}
    </SectionCard>
  );
}

interface FactProps {
  /** What the value is. */
  label: string;
  children: ReactNode;
}

function Fact({ label, children }: FactProps) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

interface VerifyResultProps {
  /** The maintenance.verify answer. */
  report: MethodOutput<'maintenance.verify'>;
}

function VerifyResult({ report }: VerifyResultProps) {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Alert
      data-testid="verify-result"
      variant="light"
      color={report.ok ? 'teal' : 'red'}
      icon={report.ok ? <IconCircleCheck /> : <IconAlertTriangle />}
      title={report.ok ? t('data.verifyOk') : t('data.verifyFailed')}
    >
      <Stack gap={6}>
        <Text size="sm">{report.message}</Text>
        <List size="sm" spacing={2}>
          <List.Item>
            {t('data.integrity')}: <Code>{report.integrity.join(', ') || t('common:none')}</Code>
          </List.Item>
          <List.Item>
            {t('data.schemaVersion')}: <Code>{report.schemaVersion ?? t('common:none')}</Code>
          </List.Item>
          <List.Item>
            {t('data.expectedSchema')}: <Code>{report.expectedSchemaVersion}</Code>
          </List.Item>
          <List.Item>
            {t('data.pendingMigrations')}: <Code>{report.pendingMigrations.join(', ') || t('common:none')}</Code>
          </List.Item>
        </List>
      </Stack>
    </Alert>
  );
}
