import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { FormModal } from '../../components/form-modal';
import { notifySuccess } from '../../components/notify';
import { useRunAction } from '../../errors/use-run-action';

/** Short enough to type at every sign-in, long enough not to be guessed at a glance. */
const pinPattern = /^\d{4,8}$/;

interface StaffPinModalProps {
  /** The member whose PIN is set; the modal is closed when null. */
  member: StaffMember | null;
  onClose: () => void;
}

/** 设置 PIN: sets or clears a member's sign-in PIN (staff.setPin; yourself, or anyone as the owner). */
export function StaffPinModal({ member, onClose }: StaffPinModalProps) {
  const { t } = useTranslation(['team', 'common']);
  return (
    <FormModal opened={member !== null} onClose={onClose} title={t('pin.title', { name: member?.name ?? '' })}>
      {/* Keyed so each opening starts empty. */}
      {member ? <StaffPinForm key={member.id} member={member} onDone={onClose} /> : null}
    </FormModal>
  );
}

function StaffPinForm({ member, onDone }: { member: StaffMember; onDone: () => void }) {
  const { t } = useTranslation(['team', 'common']);
  const api = useApi();
  const run = useRunAction();
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const pinError = checked && !pinPattern.test(pin) ? t('pin.badPin') : null;
  const confirmError = checked && !pinError && confirm !== pin ? t('pin.mismatch') : null;

  async function save(next: string | null) {
    setBusy(true);
    const saved = await run(() => api.call('staff.setPin', { id: member.id, pin: next }));
    setBusy(false);
    if (!saved) return;
    notifySuccess(t(next === null ? 'pin.cleared' : 'pin.saved', { name: member.name }));
    onDone();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (pinPattern.test(pin) && confirm === pin) void save(pin);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('pin.description')}
        </Text>
        <PasswordInput
          label={t('pin.pin')}
          placeholder={t('pin.placeholder')}
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={pin}
          onChange={(event) => setPin(event.currentTarget.value)}
          error={pinError}
          data-autofocus
        />
        <PasswordInput
          label={t('pin.confirm')}
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={8}
          value={confirm}
          onChange={(event) => setConfirm(event.currentTarget.value)}
          error={confirmError}
        />
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" color="red" onClick={() => void save(null)} disabled={busy}>
            {t('pin.clear')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onDone} disabled={busy}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common:save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
