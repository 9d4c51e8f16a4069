import { Button, Group, Paper, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { ConfirmModal } from '../../components/confirm-modal';
import { EmptyStatePanel } from '../../components/empty-state-panel';
import { LoadDemoButton } from '../../components/load-demo-button';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useRunAction } from '../../errors/use-run-action';
import { StaffEditModal } from './staff-edit-modal';
import { StaffForm } from './staff-form';
import { StaffPinModal } from './staff-pin-modal';
import { StaffTable } from './staff-table';

/** 团队: who works the reviews, in which role, and who is no longer active. */
export function TeamScreen() {
  const { t } = useTranslation(['team', 'common']);
  const api = useApi();
  const run = useRunAction();
  const [includeInactive, setIncludeInactive] = useState(false);
  const staff = useApiQuery('staff.list', { includeInactive }, ['staff', 'demo']);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [settingPin, setSettingPin] = useState<StaffMember | null>(null);
  // Kept after the dialog closes so its text does not change during the closing animation.
  const [toggling, setToggling] = useState<StaffMember | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function setActive(member: StaffMember, active: boolean): Promise<boolean> {
    const saved = await run(() => api.call('staff.update', { id: member.id, active }));
    return saved !== undefined;
  }

  async function confirmToggle() {
    if (!toggling) return;
    const member = toggling;
    setBusy(true);
    const ok = await setActive(member, !member.active);
    setBusy(false);
    setConfirmOpen(false);
    if (!ok) return;
    if (member.active) {
      // Deactivation is reversible, so offer the reversal right where the person is looking.
      const id = `staff-deactivated-${member.id}`;
      notifySuccess(
        t('deactivated', { name: member.name }),
        <Button
          size="compact-sm"
          variant="light"
          mt={6}
          onClick={() => {
            notifications.hide(id);
            void setActive(member, true).then((undone) => {
              if (undone) notifySuccess(t('reactivated', { name: member.name }));
            });
          }}
        >
          {t('common:undo')}
        </Button>,
        id,
      );
    } else {
      notifySuccess(t('reactivated', { name: member.name }));
    }
  }

  const members = staff.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Switch
            label={t('showInactive')}
            checked={includeInactive}
            onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
          />
        }
      />
      <StaffForm />
      {staff.error && !staff.data ? (
        <QueryError error={staff.error} onRetry={staff.reload} />
      ) : staff.loading ? (
        <Stack gap="xs">
          <Skeleton height={40} />
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      ) : members.length === 0 ? (
        <EmptyStatePanel
          icon={<IconUsersGroup size={32} stroke={1.5} />}
          title={t('emptyTitle')}
          description={t('emptyDescription')}
          actions={<LoadDemoButton />}
        />
      ) : (
        <Paper withBorder radius="lg" p="xs">
          <Group px="md" pt="xs" pb={4}>
            <Text size="sm" c="dimmed">
              {t('count', { count: members.length })}
            </Text>
          </Group>
          <StaffTable members={members} onEdit={setEditing} onSetPin={setSettingPin} onToggleActive={(member) => {
              setToggling(member);
              setConfirmOpen(true);
            }} />
        </Paper>
      )}

      <StaffEditModal member={editing} onClose={() => setEditing(null)} />
      <StaffPinModal member={settingPin} onClose={() => setSettingPin(null)} />
      <ConfirmModal
        opened={confirmOpen}
        title={t(toggling?.active === false ? 'reactivateTitle' : 'deactivateTitle', { name: toggling?.name ?? '' })}
        body={t(toggling?.active === false ? 'reactivateBody' : 'deactivateBody', { name: toggling?.name ?? '' })}
        confirmLabel={toggling?.active === false ? t('reactivate') : t('deactivate')}
        color={toggling?.active === false ? 'teal' : 'red'}
        busy={busy}
        onConfirm={() => void confirmToggle()}
        onClose={() => setConfirmOpen(false)}
      />
    </>
  );
}
