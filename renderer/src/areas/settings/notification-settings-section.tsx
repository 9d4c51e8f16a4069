import { Button, Group, Switch, Stack, TextInput } from '@mantine/core';
import { IconVolume } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NotificationSettings } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/section-card';
import { useRunAction } from '../../errors/use-run-action';
import { playAlertTone } from '../../notifications/tone';

const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** 通知与免打扰: desktop notifications, quiet hours and the malicious-review sound. */
export function NotificationSettingsSection() {
  const { t } = useTranslation('settings');
  const api = useApi();
  const run = useRunAction();
  const settings = useApiQuery('notifications.getSettings', {}, ['notifications', 'settings']);
  const data = settings.data;

  async function update(patch: Partial<NotificationSettings>) {
    const result = await run(() => api.call('notifications.updateSettings', patch));
    if (!result) return;
    notifySuccess(t('notifications.saved'));
    settings.reload();
  }

  if (!data) return null;
  return (
    <SectionCard title={t('notifications.title')} description={t('notifications.description')}>
      <Stack gap="sm" data-testid="notification-settings">
        <Switch label={t('notifications.desktop')} checked={data.desktop} onChange={(event) => void update({ desktop: event.currentTarget.checked })} />
        <Group align="flex-end" gap="sm">
          <Switch
            label={t('notifications.quiet')}
            checked={data.quietHours.enabled}
            onChange={(event) => void update({ quietHours: { ...data.quietHours, enabled: event.currentTarget.checked } })}
          />
          <TextInput
            key={`s-${data.quietHours.start}`}
            size="xs"
            type="time"
            w={110}
            label={t('notifications.quietStart')}
            defaultValue={data.quietHours.start}
            onBlur={(event) => {
              const value = event.currentTarget.value;
              if (timePattern.test(value) && value !== data.quietHours.start) void update({ quietHours: { ...data.quietHours, start: value } });
            }}
          />
          <TextInput
            key={`e-${data.quietHours.end}`}
            size="xs"
            type="time"
            w={110}
            label={t('notifications.quietEnd')}
            defaultValue={data.quietHours.end}
            onBlur={(event) => {
              const value = event.currentTarget.value;
              if (timePattern.test(value) && value !== data.quietHours.end) void update({ quietHours: { ...data.quietHours, end: value } });
            }}
          />
        </Group>
        <Group gap="sm">
          <Switch
            label={t('notifications.sound')}
            checked={data.soundForMalicious}
            onChange={(event) => void update({ soundForMalicious: event.currentTarget.checked })}
          />
          <Button size="compact-sm" variant="subtle" leftSection={<IconVolume size={14} />} onClick={playAlertTone}>
            {t('notifications.test')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}
