import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconAlarm } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { HeaderListPopover } from '../components/header-list-popover';
import { useRunAction } from '../errors/use-run-action';
import { formatDateTime } from '../format/date-time';
import { usePreferences } from '../preferences/preferences-context';
import classes from '../components/header-list-item.module.css';
import { notificationWords } from './notification-words';
import { playAlertTone } from './tone';

const listed = 50;

/** SLA notifications (warnings, breaches, escalations); review alerts stay in the alerts bell next to it. */
function isSlaNotification(item: AppNotification): boolean {
  return item.kind !== 'review_alert';
}

/**
 * 通知中心: SLA warnings, breaches, escalations and away summaries, read/unread, each opening its
 * case. New ones pop up as toasts; urgent ones with sound play a tone while the window has focus.
 */
export function NotificationCentre() {
  const { t } = useTranslation(['common', 'domain']);
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
    <HeaderListPopover
      opened={opened}
      onOpenedChange={setOpened}
      icon={<IconAlarm size={18} />}
      title={t('notifications.title')}
      ariaLabel={`${t('notifications.title')}${unread > 0 ? ` · ${t('notifications.unread')} ${unread}` : ''}`}
      unread={unread}
      markAllLabel={t('notifications.markAll')}
      onMarkAll={() => void markAll()}
      emptyText={list.error ? t('errors.loadFailed') : t('notifications.empty')}
      testIdPrefix="notifications"
      hasItems={items.length > 0}
      renderItems={() =>
        items.map((item) => {
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
        })
      }
    />
  );
}
