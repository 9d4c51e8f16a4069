import { Alert, Button, Code, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseX, IconFolderOpen, IconInfoCircle } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { notifySuccess } from '../components/notify';
import { useRunAction } from '../errors/use-run-action';
import { FullPage } from './full-page';

interface StartupErrorScreenProps {
  /** The failed app.status answer. */
  status: Extract<AppStatus, { state: 'error' }>;
}

type StartupFailure = StartupErrorScreenProps['status']['reason'];

const reasonKey: Record<StartupFailure, ParseKeys<'common'>> = {
  corrupt: 'startup.reasons.corrupt',
  'migration-failed': 'startup.reasons.migration-failed',
  'newer-schema': 'startup.reasons.newer-schema',
  unreadable: 'startup.reasons.unreadable',
};

/** Shown instead of the app when the database cannot be opened; says why and how to recover. */
export function StartupErrorScreen({ status }: StartupErrorScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRunAction();
  const [opening, setOpening] = useState(false);

  async function openBackups() {
    setOpening(true);
    const result = await run(() => api.call('app.openFolder', { folder: 'backups' }));
    setOpening(false);
    if (result) {
      notifySuccess(
        t('startup.openBackups'),
        result.opened ? t('folderOpened', { path: result.path }) : t('folderNotOpened', { path: result.path }),
      );
    }
  }

  return (
    <FullPage testId="startup-error">
      <Stack gap="lg">
        <Stack gap="sm" align="flex-start">
          <ThemeIcon size={56} radius="xl" color="red" variant="light">
            <IconDatabaseX size={30} />
          </ThemeIcon>
          <Title order={1}>{t('startup.errorTitle')}</Title>
          <Text size="lg">{t(reasonKey[status.reason])}</Text>
          <Text c="dimmed">{t('startup.errorIntro')}</Text>
        </Stack>

        <Paper withBorder radius="lg" p="lg">
          <Stack gap="md">
            <PathRow label={t('startup.dbPath')} value={status.dbPath} />
            <PathRow label={t('startup.backupsDir')} value={status.backupsDir} />
            <Button
              leftSection={<IconFolderOpen size={18} />}
              onClick={() => void openBackups()}
              loading={opening}
              w="fit-content"
            >
              {t('startup.openBackups')}
            </Button>
          </Stack>
        </Paper>

        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('startup.nextTitle')}
          </Title>
          <List type="ordered" spacing="xs">
            <List.Item>{t('startup.next.close')}</List.Item>
            <List.Item>{t('startup.next.find')}</List.Item>
            <List.Item>{t('startup.next.restore')}</List.Item>
            <List.Item>{t('startup.next.support')}</List.Item>
          </List>
        </Stack>

        <Alert variant="light" color="gray" icon={<IconInfoCircle />} title={t('startup.technical')}>
          <Code block>{`${status.message}\n(${status.reason}, v${status.version})`}</Code>
        </Alert>
      </Stack>
    </FullPage>
  );
}

interface PathRowProps {
  /** What the path is. */
  label: string;
  /** The absolute path, shown selectable in a monospace font. */
  value: string;
}

function PathRow({ label, value }: PathRowProps) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
    </Stack>
  );
}
