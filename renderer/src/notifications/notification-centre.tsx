import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconAlarm, IconChecks } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { useRunAction } from '../errors/use-run-action';
import { formatDateTime } from '../format/date-time';
import { usePreferences } from '../preferences/preferences-context';
import classes from '../areas/inbox/alerts/alerts-bell.module.css';
import { notificationWords } from './notification-words';
import { playAlertTone } from './tone';

const listed = 50;

/** Notifications of the SLA issue; review alerts stay in the alerts bell next to it. */
function isSlaNotification(item: AppNotification): boolean {
  return item.kind !== 'review_alert';
}

/**
 * 通知中心: SLA warnings, breaches, escalations and away summaries, read/unread, each opening its
 * case. New ones pop up as toasts; urgent ones with sound play a tone while the window has focus.
 */
export function NotificationCentre() {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRunAction();
  const navigate = useNavigate();
  const { timeZone, language } = usePreferences();
  const [opened, setOpened] = useState(false);
  const list = useApiQuery('notifications.list', { limit: listed }, ['notifications', 'sla']);
  const { reload } = list;

  useEffect(() => {
    const stopCreated = api.subscribe('notification.created', (note) => {
      reload();
      if (note.kind === 'review_alert') return;
      if (note.sound && note.urgent && document.hasFocus()) playAlertTone();
      const id = `notification-${note.id}`;
      const words = notificationWords(t, note);
      toasts.show({
        id,
        color: note.kind === 'sla_warning' ? 'orange' : 'red',
        icon: <IconAlarm size={18} />,
        title: words.title,
        message: (
          <Stack gap={4}>
            <Text size="sm" lineClamp={2}>
              {words.body}
            </Text>
            {note.route ? (
              <Button
                size="compact-xs"
                variant="light"
                w="fit-content"
                onClick={() => {
                  toasts.hide(id);
                  void navigate(note.route!);
                  void api.call('notifications.markRead', { ids: [note.id] }).catch(() => undefined);
                }}
              >
                {t('notifications.open')}
              </Button>
            ) : null}
          </Stack>
        ),
        autoClose: note.urgent ? false : 10000,
      });
    });
    // A desktop notification was clicked in the main process: show its case.
    const stopNavigate = api.subscribe('app.navigate', ({ route }) => void navigate(route));
    return () => {
      stopCreated();
      stopNavigate();
    };
  }, [api, reload, navigate, t]);

  const items = (list.data?.items ?? []).filter(isSlaNotification);
  const unread = items.filter((item) => item.readAt === null).length;

  async function openItem(item: AppNotification) {
    setOpened(false);
    if (item.route) void navigate(item.route);
    if (item.readAt === null) await run(() => api.call('notifications.markRead', { ids: [item.id] }));
  }

  async function markAll() {
    const ids = items.filter((item) => item.readAt === null).map((item) => item.id);
    if (ids.length > 0) await run(() => api.call('notifications.markRead', { ids }));
  }

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="lg" width={400} withArrow>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" offset={4} disabled={unread === 0} data-testid="notifications-unread">
          <Tooltip label={t('notifications.title')} disabled={opened}>
            <ActionIcon
              variant="default"
              size="lg"
              radius="md"
              onClick={() => setOpened((value) => !value)}
              aria-label={`${t('notifications.title')}${unread > 0 ? ` · ${t('notifications.unread')} ${unread}` : ''}`}
              data-testid="notifications-bell"
            >
              <IconAlarm size={18} />
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} disabled={unread === 0} onClick={() => void markAll()}>
            {t('notifications.markAll')}
          </Button>
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" px="md" pb="md">
            {list.error ? t('errors.loadFailed') : t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={0} pb={4} data-testid="notifications-list">
              {items.map((item) => {
                const words = notificationWords(t, item);
                return (
                  <UnstyledButton
                    key={item.id}
                    className={classes.item}
                    data-unread={item.readAt === null || undefined}
                    data-kind={item.kind}
                    onClick={() => void openItem(item)}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" fw={item.readAt === null ? 700 : 500} c={item.kind === 'sla_warning' ? 'orange' : item.kind === 'away_summary' ? undefined : 'red'} truncate="end">
                        {words.title}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(item.createdAt, timeZone, language)}
                      </Text>
                    </Group>
                    <Text size="sm" lineClamp={2} mt={2}>
                      {words.body}
                      {item.deliveredAt === null ? t('notifications.held') : ''}
                    </Text>
                  </UnstyledButton>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
