import { Alert, Button, Code, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseX, IconFolderOpen, IconInfoCircle, IconRestore } from '@tabler/icons-react';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, BackupPreview } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { notifySuccess } from '../components/notify';
import { RestoreBackupModal } from '../components/restore-backup-modal';
import { useRunAction } from '../errors/use-run-action';
import { FullPage } from './full-page';

interface StartupErrorScreenProps {
  /** The failed app.status answer. */
  status: Extract<AppStatus, { state: 'error' }>;
  /** Called once a backup was restored, to ask app.status again and open the app. */
  onRecovered: () => void;
}

type StartupFailure = StartupErrorScreenProps['status']['reason'];

const reasonKey: Record<StartupFailure, ParseKeys<'common'>> = {
  corrupt: 'startup.reasons.corrupt',
  'migration-failed': 'startup.reasons.migration-failed',
  'newer-schema': 'startup.reasons.newer-schema',
  unreadable: 'startup.reasons.unreadable',
};

/** Shown instead of the app when the database cannot be opened; says why and how to recover. */
export function StartupErrorScreen({ status, onRecovered }: StartupErrorScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRunAction();
  const [opening, setOpening] = useState(false);
  const [finding, setFinding] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [candidate, setCandidate] = useState<BackupPreview | null>(null);
  const [noGoodBackup, setNoGoodBackup] = useState(false);

  async function findLatestGood() {
    setFinding(true);
    const result = await run(() => api.call('maintenance.getLatestGoodBackup', {}));
    setFinding(false);
    if (result === undefined) return;
    setNoGoodBackup(result === null);
    setCandidate(result);
  }

  async function restore() {
    if (!candidate) return;
    setRestoring(true);
    const result = await run(() => api.call('maintenance.restore', { name: candidate.backup.name }));
    setRestoring(false);
    if (!result) return;
    setCandidate(null);
    if (result.asidePath) notifySuccess(t('backupRestore.done'), t('backupRestore.doneMessage', { path: result.asidePath }));
    onRecovered();
  }

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
            <Group gap="sm">
              <Button leftSection={<IconRestore size={18} />} onClick={() => void findLatestGood()} loading={finding}>
                {t('startup.restoreLatest')}
              </Button>
              <Button variant="default" leftSection={<IconFolderOpen size={18} />} onClick={() => void openBackups()} loading={opening}>
                {t('startup.openBackups')}
              </Button>
            </Group>
            {noGoodBackup ? (
              <Alert color="red" variant="light" data-testid="no-good-backup">
                {t('startup.noGoodBackup')}
              </Alert>
            ) : null}
          </Stack>
        </Paper>

        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('startup.nextTitle')}
          </Title>
          <List type="ordered" spacing="xs">
            <List.Item>{t('startup.next.find')}</List.Item>
            <List.Item>{t('startup.next.restore')}</List.Item>
            <List.Item>{t('startup.next.support')}</List.Item>
          </List>
        </Stack>

        <Alert variant="light" color="gray" icon={<IconInfoCircle />} title={t('startup.technical')}>
          <Code block>{`${status.message}\n(${status.reason}, v${status.version})`}</Code>
        </Alert>
      </Stack>
      <RestoreBackupModal preview={candidate} busy={restoring} onConfirm={() => void restore()} onClose={() => setCandidate(null)} />
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
