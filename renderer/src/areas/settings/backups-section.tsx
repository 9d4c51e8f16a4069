import { Badge, Button, Code, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupPreview } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/query-error';
import { backupKindKey, RestoreBackupModal } from '../../components/restore-backup-modal';
import { SectionCard } from '../../components/section-card';
import { useRunAction } from '../../errors/use-run-action';
import { formatBytes, formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { OwnerOnlyNotice, useIsOwner } from './owner-only-notice';

type Busy = 'backup' | 'keep' | 'preview' | 'restore' | null;

/** 备份: the daily backups and how many are kept, back up now, and restore one after a preview. */
export function BackupsSection() {
  const { t } = useTranslation(['settings', 'common']);
  const { timeZone, language } = usePreferences();
  const api = useApi();
  const run = useRunAction();
  const isOwner = useIsOwner();
  const backups = useApiQuery('maintenance.listBackups', {}, ['settings']);
  const settings = useApiQuery('maintenance.getBackupSettings', {}, ['settings']);
  // What the owner typed; until then the stored setting shows.
  const [draft, setDraft] = useState<number | string | null>(null);
  const keep = draft ?? settings.data?.keepDaily ?? '';
  const [busy, setBusy] = useState<Busy>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [preview, setPreview] = useState<BackupPreview | null>(null);

  async function act<T>(which: Busy, action: () => Promise<T>): Promise<T | undefined> {
    setBusy(which);
    const result = await run(action);
    setBusy(null);
    return result;
  }

  async function backupNow() {
    const result = await act('backup', () => api.call('maintenance.backup', {}));
    if (!result) return;
    backups.reload();
    notifySuccess(t('backups.backupDone'), t('backups.backupMessage', { path: result.path, size: formatBytes(result.bytes) }));
  }

  async function saveKeep() {
    const keepDaily = Number(keep);
    const result = await act('keep', () => api.call('maintenance.updateBackupSettings', { keepDaily }));
    if (!result) return;
    setDraft(null);
    settings.reload();
    backups.reload();
    notifySuccess(t('backups.title'), t('backups.keepSaved', { count: result.keepDaily }));
  }

  async function openPreview(entry: BackupEntry) {
    setPreviewing(entry.name);
    const result = await act('preview', () => api.call('maintenance.previewBackup', { name: entry.name }));
    setPreviewing(null);
    if (result) setPreview(result);
  }

  async function restore() {
    if (!preview) return;
    const result = await act('restore', () => api.call('maintenance.restore', { name: preview.backup.name }));
    if (!result) return;
    setPreview(null);
    // Every view's data changed at once: start the window over on the restored database.
    window.location.reload();
  }

  const items = backups.data?.items ?? [];
  return (
    <SectionCard title={t('backups.title')} description={t('backups.description')}>
      <OwnerOnlyNotice />
      <Group align="flex-end" gap="sm">
        <Button leftSection={<IconDatabaseExport size={18} />} loading={busy === 'backup'} onClick={() => void backupNow()}>
          {t('backups.backupNow')}
        </Button>
        <NumberInput
          label={t('backups.keep')}
          description={t('backups.keepHint')}
          min={1}
          max={365}
          allowDecimal={false}
          value={keep}
          onChange={setDraft}
          disabled={!isOwner}
          w={360}
        />
        <Button variant="light" loading={busy === 'keep'} disabled={!isOwner || settings.data?.keepDaily === Number(keep)} onClick={() => void saveKeep()}>
          {t('backups.save')}
        </Button>
      </Group>
      {backups.data ? (
        <Text size="sm" c="dimmed">
          {t('backups.folder')}: <Code style={{ wordBreak: 'break-all' }}>{backups.data.dir}</Code>
        </Text>
      ) : null}
      {backups.error ? <QueryError error={backups.error} onRetry={backups.reload} /> : null}
      {backups.data && items.length === 0 ? <Text size="sm">{t('backups.empty')}</Text> : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover data-testid="backups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.takenAt')}</Table.Th>
                <Table.Th>{t('backups.kind')}</Table.Th>
                <Table.Th>{t('backups.size')}</Table.Th>
                <Table.Th>{t('backups.vault')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.name}>
                  <Table.Td>{formatDateTime(entry.takenAt, timeZone, language)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={entry.kind === 'daily' ? 'blue' : 'gray'}>
                      {t(backupKindKey[entry.kind], { ns: 'common' })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatBytes(entry.bytes)}</Table.Td>
                  <Table.Td>{entry.vaultObjects === null ? t('backups.noManifest') : t('backups.vaultCount', { count: entry.vaultObjects })}</Table.Td>
                  <Table.Td>
                    <Stack align="flex-end">
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconRestore size={16} />}
                        disabled={!isOwner || (busy !== null && previewing !== entry.name)}
                        loading={previewing === entry.name}
                        onClick={() => void openPreview(entry)}
                      >
                        {t('backups.restore')}
                      </Button>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <RestoreBackupModal preview={preview} busy={busy === 'restore'} onConfirm={() => void restore()} onClose={() => setPreview(null)} />
    </SectionCard>
  );
}
