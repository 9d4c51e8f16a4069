import { ActionIcon, Badge, Button, getDefaultZIndex, Group, Indicator, Modal, Popover, ScrollArea, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { IconBell, IconChecks, IconSettings } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification, LinesCursor, NotificationGroup } from '../../../shared/contract';
import { badgeText, notificationTabs, type NotificationTab } from '../../../shared/domain/sla';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { useRunAction } from '../errors/use-run-action';
import { headerHeight } from '../shell/header-height';
import { NotificationGroupLine } from './notification-group-line';
import { NotificationPreferencesForm } from './notification-preferences-form';
import { useNotificationToasts } from './use-notification-toasts';

export { toastKey } from './use-notification-toasts';

/** The header button's size in px (Mantine's ActionIcon size lg). */
const bellSize = 34;

/** Centre lines per page. */
const linesPage = 30;

/**
 * 通知中心, the header's one entry for SLA notifications and monitor alerts: one badge with the
 * real unread count (999+), tabs 全部 / SLA / 监控提醒 each with its own count, lines grouped per
 * kind and point (a group opens into its cases or reviews, each opening its case or review),
 * paged, read per line, per group or per tab. Its list opens below the header and never over it;
 * 通知设置 opens each person's choices of what reaches the desktop.
 */
export function NotificationCentre() {
  const { t } = useTranslation(['common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [settingsOpened, setSettingsOpened] = useState(false);
  const [tab, setTab] = useState<NotificationTab>('all');
  const list = useApiQuery('notifications.listGroups', { tab, limit: linesPage }, ['notifications', 'sla', 'alerts']);
  const { reload } = list;
  // Pages after the first count only against the first page they were loaded after: a reload may have shifted them.
  const [later, setLater] = useState<{ basis: unknown; groups: NotificationGroup[]; hasMore: boolean; next: LinesCursor | null }>({ basis: undefined, groups: [], hasMore: false, next: null });

  const openCentre = useCallback((at: NotificationTab) => {
    setTab(at);
    setOpened(true);
  }, []);
  useNotificationToasts(openCentre, reload);

  const current = later.basis === list.data && later.groups.length > 0;
  const groups = [...(list.data?.groups ?? []), ...(current ? later.groups : [])];
  const hasMore = current ? later.hasMore : (list.data?.hasMore ?? false);
  const unread = list.data?.unread ?? 0;
  const tabUnread: Record<NotificationTab, number> = { all: unread, sla: list.data?.tabUnread.sla ?? 0, alerts: list.data?.tabUnread.alerts ?? 0 };

  async function openItem(item: AppNotification) {
    setOpened(false);
    if (item.route && item.route !== '/notifications') void navigate(item.route);
    if (item.readAt === null) await run(() => api.call('notifications.markRead', { ids: [item.id] }));
  }

  async function loadMore() {
    const basis = list.data;
    const next = current ? later.next : list.data?.next;
    if (!next) return;
    const page = await run(() => api.call('notifications.listGroups', { tab, before: next, limit: linesPage }));
    if (page) setLater((shown) => ({ basis, groups: [...(shown.basis === basis ? shown.groups : []), ...page.groups], hasMore: page.hasMore, next: page.next }));
  }

  const markAll = () => void run(() => api.call('notifications.markRead', tab === 'all' ? { all: true } : { all: true, tab }));
  const ariaLabel = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.title');

  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        shadow="lg"
        width={460}
        // The bell (34 px) sits in the middle of the header: the list starts just under the header's edge.
        offset={(headerHeight - bellSize) / 2 + 2}
        // Above the toasts (which say the same): the list the person opened is never half hidden.
        zIndex={getDefaultZIndex('overlay') + 1}
        trapFocus
        returnFocus
        // Always below the header: never flipped up over it, only shifted sideways to fit.
        middlewares={{ flip: false, shift: { padding: 8 } }}
      >
        <Popover.Target>
          <Indicator label={badgeText(unread)} size={18} color="red" offset={4} disabled={unread === 0} data-testid="notifications-unread">
            <Tooltip label={t('notifications.title')} disabled={opened}>
              <ActionIcon variant="default" size="lg" radius="md" onClick={() => setOpened((open) => !open)} aria-label={ariaLabel} aria-haspopup="dialog" aria-expanded={opened} data-testid="notifications-bell">
                <IconBell size={18} />
              </ActionIcon>
            </Tooltip>
          </Indicator>
        </Popover.Target>
        <Popover.Dropdown p={0} data-testid="notifications-popover" aria-label={t('notifications.title')} role="dialog">
          <Group justify="space-between" px="md" pt="sm" pb={6} wrap="nowrap">
            <Text fw={600}>{t('notifications.title')}</Text>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} disabled={tabUnread[tab] === 0} onClick={markAll} data-testid="notifications-mark-all">
                {tab === 'all' ? t('notifications.markAll') : t('notifications.markTab')}
              </Button>
              <Tooltip label={t('notifications.openSettings')} withinPortal={false}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('notifications.openSettings')}
                  onClick={() => {
                    setOpened(false);
                    setSettingsOpened(true);
                  }}
                  data-testid="notifications-settings"
                >
                  <IconSettings size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
          <Tabs value={tab} onChange={(value) => value && setTab(value as NotificationTab)} keepMounted={false}>
            <Tabs.List grow aria-label={t('notifications.tabsLabel')}>
              {notificationTabs.map((each) => (
                <Tabs.Tab
                  key={each}
                  value={each}
                  data-testid={`notifications-tab-${each}`}
                  rightSection={
                    tabUnread[each] > 0 ? (
                      <Badge size="xs" variant="light" color="red" circle={tabUnread[each] < 10}>
                        {badgeText(tabUnread[each])}
                      </Badge>
                    ) : null
                  }
                >
                  {t(`notifications.tabs.${each}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {notificationTabs.map((each) => (
              <Tabs.Panel key={each} value={each}>
                {groups.length > 0 ? (
                  // The list fits in the window below the header, whatever its height.
                  <ScrollArea.Autosize
                    mah={`min(440px, calc(100vh - ${headerHeight + 150}px))`}
                    type="auto"
                    scrollbars="y"
                    // Lines keep the popover's width (long words truncate) instead of the content growing sideways.
                    styles={{ content: { display: 'block', minWidth: 0 } }}
                  >
                    <Stack gap={0} pb={4} data-testid="notifications-list">
                      {groups.map((group) => (
                        <NotificationGroupLine key={group.key} group={group} onOpen={(item) => void openItem(item)} />
                      ))}
                      {hasMore ? (
                        <Button variant="subtle" size="compact-sm" m="xs" onClick={() => void loadMore()} data-testid="notifications-more">
                          {t('notifications.more')}
                        </Button>
                      ) : null}
                    </Stack>
                  </ScrollArea.Autosize>
                ) : (
                  <Text size="sm" c="dimmed" px="md" py="md" data-testid="notifications-empty">
                    {list.error ? t('errors.loadFailed') : list.loading ? '' : t(`notifications.emptyTab.${each}`)}
                  </Text>
                )}
              </Tabs.Panel>
            ))}
          </Tabs>
        </Popover.Dropdown>
      </Popover>
      <Modal opened={settingsOpened} onClose={() => setSettingsOpened(false)} title={t('notifications.preferences.title')} size="lg" data-testid="notifications-settings-modal">
        {settingsOpened ? <NotificationPreferencesForm /> : null}
      </Modal>
    </>
  );
}
