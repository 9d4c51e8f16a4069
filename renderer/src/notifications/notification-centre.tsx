import { Button, Stack, Text } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification, EventPayload, NotificationGroup } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { HeaderListPopover } from '../components/header-list-popover';
import { useRunAction } from '../errors/use-run-action';
import { NotificationGroupLine } from './notification-group-line';
import { groupWords, notificationWords } from './notification-words';
import { playAlertTone } from './tone';
import { toastStack } from './toast-stack';

/** Centre lines per page. */
const linesPage = 30;

type Created = EventPayload<'notification.created'>;

/** What a toast is about: the case (so its breach replaces its warning), else its group, else itself. */
export function toastKey(note: Pick<Created, 'id' | 'caseId' | 'groupKey' | 'groupCount'>): string {
  if (note.groupCount > 1 && note.groupKey) return `notification-group-${note.groupKey}`;
  if (note.caseId !== null) return `notification-case-${note.caseId}`;
  return `notification-${note.id}`;
}

/**
 * 通知中心: SLA warnings, breaches, escalations and away summaries, grouped per kind and point
 * (each group opens into its cases, each case line opens its case), paged, with the real unread
 * count. New ones pop up as toasts through the window's one toast stack; urgent ones with sound
 * play a tone while the window has focus.
 */
export function NotificationCentre() {
  const { t } = useTranslation(['common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useApiQuery('notifications.listGroups', { limit: linesPage }, ['notifications', 'sla']);
  const { reload } = list;
  // Pages after the first count only against the first page they were loaded after: a reload may have shifted them.
  const [later, setLater] = useState<{ basis: unknown; groups: NotificationGroup[] }>({ basis: undefined, groups: [] });

  useEffect(() => {
    const stopCreated = api.subscribe('notification.created', (note) => {
      reload();
      if (note.kind === 'review_alert') return;
      if (note.sound && note.urgent && document.hasFocus()) playAlertTone();
      const key = toastKey(note);
      const words = notificationWords(t, note);
      const title = note.groupCount > 1 ? groupWords(t, note, note.groupCount) : words.title;
      const route = note.groupCount > 1 ? null : note.route;
      toastStack.show({
        key,
        urgent: note.urgent,
        color: note.kind === 'sla_warning' ? 'orange' : 'red',
        icon: <IconAlarm size={18} />,
        title,
        message: (
          <Stack gap={4}>
            {note.groupCount > 1 ? null : (
              <Text size="sm" lineClamp={2}>
                {words.body}
              </Text>
            )}
            <Button
              size="compact-xs"
              variant="light"
              w="fit-content"
              onClick={() => {
                toastStack.hide(key);
                if (route) {
                  void navigate(route);
                  void api.call('notifications.markRead', { ids: [note.id] }).catch(() => undefined);
                } else {
                  setOpened(true);
                }
              }}
            >
              {route ? t('notifications.open') : t('notifications.title')}
            </Button>
          </Stack>
        ),
      });
    });
    // A desktop notification was clicked in the main process: show its case (or the centre).
    const stopNavigate = api.subscribe('app.navigate', ({ route }) => {
      if (route === '/notifications') setOpened(true);
      else void navigate(route);
    });
    return () => {
      stopCreated();
      stopNavigate();
    };
  }, [api, reload, navigate, t]);

  const groups = [...(list.data?.groups ?? []), ...(later.basis === list.data ? later.groups : [])];
  const total = list.data?.total ?? 0;
  const unread = list.data?.unread ?? 0;

  async function openItem(item: AppNotification) {
    setOpened(false);
    if (item.route && item.route !== '/notifications') void navigate(item.route);
    if (item.readAt === null) await run(() => api.call('notifications.markRead', { ids: [item.id] }));
  }

  async function loadMore() {
    const page = await run(() => api.call('notifications.listGroups', { offset: groups.length, limit: linesPage }));
    const basis = list.data;
    if (page) setLater((shown) => ({ basis, groups: [...(shown.basis === basis ? shown.groups : []), ...page.groups] }));
  }

  return (
    <HeaderListPopover
      opened={opened}
      onOpenedChange={setOpened}
      icon={<IconAlarm size={18} />}
      title={t('notifications.title')}
      ariaLabel={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.title')}
      unread={unread}
      markAllLabel={t('notifications.markAll')}
      onMarkAll={() => void run(() => api.call('notifications.markRead', { all: true }))}
      emptyText={list.error ? t('errors.loadFailed') : t('notifications.empty')}
      testIdPrefix="notifications"
      hasItems={groups.length > 0}
      renderItems={() => (
        <>
          {groups.map((group) => (
            <NotificationGroupLine key={group.key} group={group} onOpen={(item) => void openItem(item)} />
          ))}
          {groups.length < total ? (
            <Button variant="subtle" size="compact-sm" m="xs" onClick={() => void loadMore()} data-testid="notifications-more">
              {t('notifications.more')}
            </Button>
          ) : null}
        </>
      )}
    />
  );
}
