import { ActionIcon, Button, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppNotification, NotificationGroup } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useRunAction } from '../errors/use-run-action';
import { formatDateTime } from '../format/date-time';
import { usePreferences } from '../preferences/preferences-context';
import classes from '../components/header-list-item.module.css';
import { groupWords, notificationWords } from './notification-words';

/** Cases (or reviews) listed per page when a group is opened. */
const membersPage = 50;

const colour = (kind: AppNotification['kind']) => {
  if (kind === 'sla_warning' || kind === 'review_alert') return 'orange';
  return kind === 'away_summary' || kind === 'watch_failed' ? undefined : 'red';
};

interface GroupLineProps {
  group: NotificationGroup;
  /** Opens a notification's route (its case or review) and marks it read. */
  onOpen: (item: AppNotification) => void;
}

/**
 * One centre line: a group ("12 个工单首次响应即将到期", "5 条评价触发监控“敏感词”") that opens
 * into its members, or one notification on its own; an unread line has a "mark read" button.
 */
export function NotificationGroupLine({ group, onOpen }: GroupLineProps) {
  const { t } = useTranslation(['common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const { timeZone, language } = usePreferences();
  const [items, setItems] = useState<AppNotification[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const { head } = group;
  const when = formatDateTime(group.latestAt, timeZone, language);
  const unread = group.unread > 0;
  const markRead = () => void run(() => api.call('notifications.markRead', group.count === 1 ? { ids: [head.id] } : { groupKey: group.key }));
  const markButton = unread ? (
    <Tooltip label={t('notifications.markRead')} withinPortal={false}>
      <ActionIcon variant="subtle" size="sm" color="gray" onClick={markRead} aria-label={t('notifications.markRead')} data-testid="notification-mark-read">
        <IconCheck size={14} />
      </ActionIcon>
    </Tooltip>
  ) : null;

  if (group.count === 1) {
    const words = notificationWords(t, head);
    const matched = head.kind === 'review_alert' && head.params.words ? t('notifications.text.alertMatched', { words: head.params.words }) : null;
    return (
      <div className={classes.item} data-unread={unread || undefined}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <UnstyledButton style={{ flex: 1, minWidth: 0 }} data-kind={head.kind} data-testid="notification-line" onClick={() => onOpen(head)}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" fw={unread ? 700 : 500} c={colour(head.kind)} truncate="end">
                {words.title}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {when}
              </Text>
            </Group>
            {matched ? (
              <Text size="xs" c="dimmed" mt={2} truncate="end">
                {matched}
              </Text>
            ) : null}
            <Text size="sm" lineClamp={2} mt={2}>
              {words.body}
              {head.deliveredAt === null ? t('notifications.held') : ''}
            </Text>
          </UnstyledButton>
          {markButton}
        </Group>
      </div>
    );
  }

  async function load(before?: number) {
    const page = await run(() => api.call('notifications.list', { groupKey: group.key, limit: membersPage, ...(before ? { beforeId: before } : {}) }));
    if (!page) return;
    setItems((shown) => [...(before ? (shown ?? []) : []), ...page.items]);
    setHasMore(page.hasMore);
  }

  const percent = head.params.percent;
  return (
    <div className={classes.item} data-unread={unread || undefined} data-kind={head.kind} data-testid="notification-group" data-count={group.count}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <UnstyledButton style={{ flex: 1, minWidth: 0 }} onClick={() => (items ? setItems(null) : void load())} aria-expanded={items !== null} aria-label={items ? t('notifications.collapse') : head.kind === 'review_alert' ? t('notifications.expandReviews', { count: group.count }) : t('notifications.expand', { count: group.count })}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
              {items ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
              <Text size="sm" fw={unread ? 700 : 500} c={colour(head.kind)} truncate="end">
                {groupWords(t, head, group.count)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {when}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {head.kind === 'sla_warning' && typeof percent === 'number' ? t('notifications.groupWarningDetail', { percent, unread: group.unread }) : t('notifications.groupDetail', { unread: group.unread })}
          </Text>
        </UnstyledButton>
        {markButton}
      </Group>
      {items ? (
        <Stack gap={0} mt={4} data-testid="notification-group-cases">
          {items.map((item) => {
            const words = notificationWords(t, item);
            return (
              <UnstyledButton key={item.id} px="xs" py={4} onClick={() => onOpen(item)} data-unread={item.readAt === null || undefined} aria-label={words.title}>
                <Text size="sm" fw={item.readAt === null ? 600 : 400} truncate="end">
                  {words.title}
                </Text>
                {item.kind === 'review_alert' ? (
                  <Text size="xs" c="dimmed" truncate="end">
                    {words.body}
                  </Text>
                ) : null}
              </UnstyledButton>
            );
          })}
          <Group gap="xs" mt={4}>
            {hasMore ? (
              <Button size="compact-xs" variant="subtle" onClick={() => void load(items.at(-1)?.id)}>
                {t('notifications.more')}
              </Button>
            ) : null}
            {unread ? (
              <Button size="compact-xs" variant="subtle" onClick={markRead}>
                {t('notifications.markGroup')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}
    </div>
  );
}
