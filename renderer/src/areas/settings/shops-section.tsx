import { Divider, Skeleton } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shop } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyStatePanel } from '../../components/empty-state-panel';
import { LoadDemoButton } from '../../components/load-demo-button';
import { notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/query-error';
import { SectionCard } from '../../components/section-card';
import { useRunAction } from '../../errors/use-run-action';
import { ShopForm } from './shop-form';
import { ShopRenameModal } from './shop-rename-modal';
import { ShopsTable } from './shops-table';

/** 店铺: the shops this install manages. */
export function ShopsSection() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const run = useRunAction();
  const shops = useApiQuery('shops.list', {}, ['shops', 'demo']);
  const [renaming, setRenaming] = useState<Shop | null>(null);
  const [removing, setRemoving] = useState<Shop | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (!removing) return;
    setBusy(true);
    const result = await run(() => api.call('shops.remove', { id: removing.id }));
    setBusy(false);
    setConfirmOpen(false);
    if (result) notifySuccess(t('shops.removed', { name: removing.name }));
  }

  const items = shops.data?.items ?? [];

  return (
    <SectionCard title={t('shops.title')} description={t('shops.description')}>
      <ShopForm />
      <Divider />
      {shops.error && !shops.data ? (
        <QueryError error={shops.error} onRetry={shops.reload} />
      ) : shops.loading ? (
        <Skeleton height={80} />
      ) : items.length === 0 ? (
        <EmptyStatePanel
          compact
          icon={<IconBuildingStore size={28} stroke={1.5} />}
          title={t('shops.emptyTitle')}
          description={t('shops.emptyDescription')}
          actions={<LoadDemoButton variant="light" />}
        />
      ) : (
        <ShopsTable
          shops={items}
          onRename={setRenaming}
          onRemove={(shop) => {
            setRemoving(shop);
            setConfirmOpen(true);
          }}
        />
      )}
      <ShopRenameModal shop={renaming} onClose={() => setRenaming(null)} />
      <ConfirmModal
        opened={confirmOpen}
        title={t('shops.removeTitle', { name: removing?.name ?? '' })}
        body={t('shops.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('shops.removeConfirm')}
        busy={busy}
        onConfirm={() => void remove()}
        onClose={() => setConfirmOpen(false)}
      />
    </SectionCard>
  );
}
