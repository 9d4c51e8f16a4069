import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconBellRinging } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ReviewAlert } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { HeaderListPopover } from '../components/header-list-popover';
import { useRunAction } from '../errors/use-run-action';
import { formatDateTime } from '../format/date-time';
import { usePreferences } from '../preferences/preferences-context';
import { LevelBadge } from '../components/badges/level-badge';
import classes from '../components/header-list-item.module.css';
import { toastStack } from './toast-stack';

/** Recent alerts listed in the bell; older ones stay in the inbox. */
const listed = 30;
/** Alerts closer together than this join one running tally instead of a toast each. */
const burstWindowMs = 5000;

/** The header bell: unread monitoring alerts, live, each a way into the review that raised it. */
export function AlertsBell() {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRunAction();
  const navigate = useNavigate();
  const { timeZone, language } = usePreferences();
  const [opened, setOpened] = useState(false);
  const alerts = useApiQuery('alerts.list', { limit: listed }, ['alerts', 'demo']);
  const { reload } = alerts;

  // An import can raise hundreds of alerts at once: one toast per alert, then a single running tally.
  const burst = useRef({ last: 0, count: 0, reloadTimer: null as ReturnType<typeof setTimeout> | null });
  useEffect(() => {
    const state = burst.current;
    const stop = api.subscribe('review.alert', (alert) => {
      if (!state.reloadTimer) {
        state.reloadTimer = setTimeout(() => {
          state.reloadTimer = null;
          reload();
        }, 500);
      }
      const now = Date.now();
      if (now - state.last < burstWindowMs) {
        state.count += 1;
        // The same key: the tally is updated in place, never a second toast.
        toastStack.show({
          key: 'review-alert-burst',
          urgent: false,
          color: 'orange',
          icon: <IconBellRinging size={18} />,
          title: t('alerts.burstTitle', { count: state.count }),
          message: t('alerts.burstMessage'),
        });
        return;
      }
      state.last = now;
      state.count = 0;
      const id = `review-alert-${alert.alertId}`;
      toastStack.show({
        key: id,
        urgent: false,
        color: alert.level === 'bad' ? 'red' : 'orange',
        icon: <IconBellRinging size={18} />,
        title: t('alerts.notifyTitle', { rule: alert.ruleName, shop: alert.shopName }),
        message: (
          <Stack gap={4}>
            <Text size="sm" lineClamp={2}>
              {alert.excerpt}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              w="fit-content"
              onClick={() => {
                toastStack.hide(id);
                void navigate(`/inbox?review=${alert.reviewId}`);
              }}
            >
              {t('alerts.view')}
            </Button>
          </Stack>
        ),
      });
    });
    return () => {
      stop();
      if (state.reloadTimer) clearTimeout(state.reloadTimer);
      state.reloadTimer = null;
    };
  }, [api, reload, t, navigate]);

  async function openAlert(alert: ReviewAlert) {
    setOpened(false);
    void navigate(`/inbox?review=${alert.reviewId}`);
    if (!alert.read) await run(() => api.call('alerts.markRead', { ids: [alert.id] }));
  }

  async function markAll() {
    await run(() => api.call('alerts.markRead', { all: true }));
  }

  const unread = alerts.data?.unread ?? 0;
  const items = alerts.data?.items ?? [];

  return (
    <HeaderListPopover
      opened={opened}
      onOpenedChange={setOpened}
      icon={<IconBell size={18} />}
      title={t('alerts.title')}
      ariaLabel={unread > 0 ? t('alerts.bellUnread', { count: unread }) : t('alerts.bell')}
      unread={unread}
      markAllLabel={t('alerts.markAll')}
      onMarkAll={() => void markAll()}
      emptyText={alerts.error ? t('errors.loadFailed') : t('alerts.empty')}
      testIdPrefix="alerts"
      hasItems={items.length > 0}
      renderItems={() =>
        items.map((alert) => (
          <UnstyledButton key={alert.id} className={classes.item} data-unread={!alert.read || undefined} onClick={() => void openAlert(alert)}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <LevelBadge level={alert.level} />
                <Text size="sm" fw={alert.read ? 500 : 700} truncate="end">
                  {alert.ruleName}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(alert.at, timeZone, language)}
              </Text>
            </Group>
            {alert.matchedWords.length > 0 ? (
              <Text size="xs" c="dimmed" mt={2}>
                {t('alerts.matched', { words: alert.matchedWords.join(t('wordSeparator')), shop: alert.shopName })}
              </Text>
            ) : (
              <Text size="xs" c="dimmed" mt={2}>
                {alert.shopName}
              </Text>
            )}
            <Text size="sm" lineClamp={2} mt={2}>
              {alert.excerpt}
            </Text>
          </UnstyledButton>
        ))
      }
    />
  );
}
