import { Alert, Button, Group, Modal, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { RoleBadge } from '../components/badges/role-badge';
import { notifySuccess } from '../components/notify';
import { errorMessage } from '../errors/error-messages';

interface SignInModalProps {
  opened: boolean;
  onClose: () => void;
  /** Called after a successful sign-in. */
  onSignedIn: () => void;
}

/** Profile picker: the active staff with their roles; a PIN field when the picked profile has one. */
export function SignInModal({ opened, onClose, onSignedIn }: SignInModalProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const profiles = useApiQuery('auth.profiles', {}, ['staff', 'auth']);
  const [picked, setPicked] = useState<string>('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = profiles.data?.items ?? [];
  const chosen = items.find((item) => String(item.id) === picked);

  function close() {
    setPin('');
    setError(null);
    onClose();
  }

  async function submit() {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.call('auth.signIn', { staffId: chosen.id, pin: chosen.hasPin ? pin : undefined });
      notifySuccess(t('signIn.signedIn', { name: session.operator?.name ?? chosen.name }));
      onSignedIn();
      close();
    } catch (cause) {
      setError(isApiError(cause) && cause.code === 'FORBIDDEN' ? t('signIn.wrongPin') : errorMessage(cause, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={t('signIn.title')} centered>
      <Stack gap="md" data-testid="sign-in">
        <Text size="sm" c="dimmed">
          {t('signIn.description')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm">{t('signIn.noProfiles')}</Text>
        ) : (
          <Radio.Group value={picked} onChange={setPicked}>
            <Stack gap={6}>
              {items.map((item) => (
                <Radio.Card key={item.id} value={String(item.id)} radius="md" p="sm" data-testid={`profile-${item.id}`}>
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="sm" wrap="nowrap">
                      <Radio.Indicator />
                      <Text fw={500}>{item.name}</Text>
                    </Group>
                    <Group gap={6}>
                      {item.hasPin ? <IconLock size={14} aria-label={t('signIn.hasPin')} /> : null}
                      <RoleBadge role={item.role} />
                    </Group>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        )}
        {chosen?.hasPin ? (
          <PasswordInput
            label={t('signIn.pin')}
            placeholder={t('signIn.pinPlaceholder')}
            value={pin}
            inputMode="numeric"
            onChange={(event) => setPin(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void submit();
            }}
          />
        ) : null}
        {error ? (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('cancel')}
          </Button>
          <Button onClick={() => void submit()} disabled={!chosen || (chosen.hasPin && pin.length < 4)} loading={busy} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
