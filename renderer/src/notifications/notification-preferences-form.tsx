import { Alert, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationChannels, notificationEvents, type NotificationChannel, type NotificationEvent } from '../../../shared/domain/sla';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { useRunAction } from '../errors/use-run-action';
import { useSession } from '../session/session-context';

/** The person whose choices are shown: a staff id, or the desk when nobody is signed in. */
type Whom = number | null;
const nobodyValue = 'nobody';

/**
 * 通知设置: per person (and for the desk with nobody signed in), each event's way of telling —
 * desktop notification and window notice, window notice only, or only a line in the centre.
 * Everyone edits their own; the owner (or the desk acting as owner) picks anyone's. Each change
 * is saved at once.
 */
export function NotificationPreferencesForm() {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRunAction();
  const session = useSession();
  const self: Whom = session.operator?.id ?? null;
  const [chosen, setChosen] = useState<{ basis: Whom; whom: Whom } | null>(null);
  // A switch of operator shows the new person's own choices.
  const whom = chosen && chosen.basis === self ? chosen.whom : self;
  const isOwner = session.can('owner');
  const staff = useApiQuery('staff.list', {}, ['staff']);
  const preferences = useApiQuery('notifications.getPreferences', { staffId: whom }, ['notifications', 'auth', 'staff']);
  const [saved, setSaved] = useState(false);
  const editable = whom === self || isOwner;

  const people = [
    { value: nobodyValue, label: t('notifications.preferences.nobody') },
    ...(staff.data?.items ?? [])
      .filter((member) => member.active)
      .map((member) => ({ value: String(member.id), label: member.id === self ? t('notifications.preferences.you', { name: member.name }) : member.name })),
  ];

  async function change(event: NotificationEvent, channel: NotificationChannel) {
    setSaved(false);
    const result = await run(() => api.call('notifications.updatePreferences', { staffId: whom, channels: { [event]: channel } }));
    if (result) {
      setSaved(true);
      preferences.reload();
    }
  }

  return (
    <Stack gap="sm" data-testid="notification-preferences">
      <Text size="sm" c="dimmed">
        {t('notifications.preferences.description')}
      </Text>
      {isOwner ? (
        <Select
          label={t('notifications.preferences.person')}
          data={people}
          value={whom === null ? nobodyValue : String(whom)}
          onChange={(value) => value && setChosen({ basis: self, whom: value === nobodyValue ? null : Number(value) })}
          allowDeselect={false}
          w={280}
          data-testid="notification-preferences-person"
        />
      ) : null}
      {!editable ? <Alert color="gray">{t('notifications.preferences.readOnly')}</Alert> : null}
      <Table verticalSpacing={6} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.preferences.event')}</Table.Th>
            <Table.Th w="50%">{t('notifications.preferences.channel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {notificationEvents.map((event) => (
            <Table.Tr key={event}>
              <Table.Td>
                <Text size="sm">{t(`notifications.preferences.events.${event}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t(`notifications.preferences.events.${event}`)}
                  data={notificationChannels.map((channel) => ({ value: channel, label: t(`notifications.preferences.channels.${channel}`) }))}
                  value={preferences.data?.channels[event] ?? null}
                  disabled={!editable || !preferences.data}
                  allowDeselect={false}
                  onChange={(value) => value && void change(event, value as NotificationChannel)}
                  data-testid={`notification-preference-${event}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {saved ? (
        <Text size="sm" c="teal" role="status">
          {t('notifications.preferences.saved')}
        </Text>
      ) : null}
    </Stack>
  );
}
