import { Alert, Badge, Button, Group, NativeSelect, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFolderSearch, IconPlayerStop } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import type { PickedFolder } from '../../api/transport';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/query-error';
import { SectionCard } from '../../components/section-card';
import { useFieldErrors } from '../../errors/use-field-errors';
import { useRunAction } from '../../errors/use-run-action';
import { formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { platformKey } from '../../i18n/domain/keys';

const fields = ['folder', 'platform', 'shopId'];

/** 监控文件夹: a folder whose new platform exports are imported on their own. */
export function WatchedFolderSection() {
  const { t } = useTranslation(['settings', 'common', 'domain']);
  const watch = useApiQuery('watch.get', {}, ['imports', 'settings']);
  const shops = useApiQuery('shops.list', {}, ['shops', 'demo']);
  return (
    <SectionCard title={t('watch.title')} description={t('watch.description')}>
      {watch.error && !watch.data ? (
        <QueryError error={watch.error} onRetry={watch.reload} />
      ) : !watch.data || !shops.data ? (
        <Skeleton height={90} />
      ) : (
        // Keyed by the saved values so a change from elsewhere (another window, the CLI) refills the form.
        <WatchedFolderForm
          key={`${watch.data.folder}|${watch.data.shopId}`}
          folder={watch.data.folder}
          shopId={watch.data.shopId}
          shops={shops.data.items}
          status={watch.data}
        />
      )}
    </SectionCard>
  );
}

interface WatchedFolderFormProps {
  folder: string | null;
  shopId: number | null;
  shops: Shop[];
  status: { lastScanAt: number | null; filesImported: number; problem: string | null };
}

function WatchedFolderForm({ folder, shopId, shops, status }: WatchedFolderFormProps) {
  const { t } = useTranslation(['settings', 'common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const { timeZone, language } = usePreferences();
  const { fieldErrors, handleError, clearField } = useFieldErrors(fields);
  // The backend opens only folders the desktop's own dialog chose: a new choice is a token, and
  // saving without one keeps the folder already watched.
  const [picked, setPicked] = useState<PickedFolder | null>(null);
  const [shop, setShop] = useState(shopId ? String(shopId) : '');
  const [busy, setBusy] = useState(false);
  const watching = folder !== null;
  const shown = picked?.path ?? folder ?? '';

  async function choose() {
    if (!api.pickFolder) return;
    const chosen = await run(() => api.pickFolder!());
    if (!chosen) return;
    setPicked(chosen);
    clearField('folder');
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const chosen = shops.find((candidate) => String(candidate.id) === shop);
    setBusy(true);
    try {
      await api.call('watch.set', {
        folder: picked ? picked.folder : folder !== null ? { kind: 'unchanged' } : null,
        platform: chosen?.platform ?? null,
        shopId: chosen?.id ?? null,
      });
      notifySuccess(shown ? t('watch.saved', { folder: shown }) : t('watch.stopped'));
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  }

  async function stop() {
    const result = await run(() => api.call('watch.set', { folder: null, platform: null, shopId: null }));
    if (result) notifySuccess(t('watch.stopped'));
  }

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            label={t('watch.folder')}
            placeholder={t('watch.folderPlaceholder')}
            description={api.pickFolder ? t('watch.folderHint') : t('watch.folderHintBrowser')}
            value={shown}
            readOnly
            error={fieldErrors.folder}
            style={{ flex: '1 1 320px' }}
            leftSection={<IconFolderSearch size={16} />}
            rightSectionWidth={api.pickFolder ? 110 : undefined}
            rightSection={
              api.pickFolder ? (
                <Button size="compact-sm" variant="light" onClick={() => void choose()} data-testid="watch-choose-folder">
                  {t('watch.choose')}
                </Button>
              ) : null
            }
          />
          <NativeSelect
            label={t('watch.shop')}
            description={t('watch.shopHint')}
            value={shop}
            onChange={(event) => {
              setShop(event.currentTarget.value);
              clearField('shopId');
            }}
            data={[
              { value: '', label: t('common:chooseShop'), disabled: true },
              ...shops.map((candidate) => ({ value: String(candidate.id), label: t('common:shopOption', { shop: candidate.name, platform: t(platformKey[candidate.platform]) }) })),
            ]}
            error={fieldErrors.shopId ?? fieldErrors.platform}
            miw={220}
          />
        </Group>
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {t('watch.save')}
          </Button>
          {watching ? (
            <Button variant="default" leftSection={<IconPlayerStop size={16} />} onClick={() => void stop()}>
              {t('watch.stop')}
            </Button>
          ) : null}
        </Group>
        <Group gap="md" data-testid="watch-status">
          <Badge variant="dot" color={watching ? (status.problem ? 'red' : 'teal') : 'gray'} tt="none">
            {watching ? t('watch.watching') : t('watch.off')}
          </Badge>
          <Text size="sm" c="dimmed">
            {status.lastScanAt ? t('watch.lastScan', { time: formatDateTime(status.lastScanAt, timeZone, language) }) : t('watch.neverScanned')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('watch.filesImported', { count: status.filesImported })}
          </Text>
        </Group>
        {status.problem ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('watch.problemTitle')}>
            {status.problem}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
