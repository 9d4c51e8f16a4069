import { Avatar, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { useApiQuery } from '../../api/use-api-query';
import { QueryError } from '../../components/query-error';
import { SectionCard } from '../../components/section-card';
import { formatDateTime } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { actorKey } from '../../i18n/domain/keys';
import { auditActionKey } from './i18n/keys';

const limit = 15;

/** 最近活动: who did what and when, from the audit log. */
export function ActivitySection() {
  const { t } = useTranslation(['settings', 'domain']);
  const { timeZone, language } = usePreferences();
  const audit = useApiQuery('audit.list', { limit }, 'all');
  const items = audit.data?.items ?? [];
  // Built-in actors and known actions have words; staff names and newer actions show as they are.
  const actorName = (actor: string) => {
    const key = actorKey(actor);
    return key ? t(key) : actor;
  };
  const actionName = (action: string) => {
    const key = auditActionKey(action);
    return key ? t(key) : action;
  };
  return (
    <SectionCard title={t('activity.title')} description={t('activity.description', { count: limit })}>
      {audit.error && !audit.data ? (
        <QueryError error={audit.error} onRetry={audit.reload} />
      ) : audit.loading ? (
        <Skeleton height={120} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('activity.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} data-testid="activity-list">
          {items.map((entry) => (
            <Timeline.Item key={entry.id} bullet={<Avatar name={actorName(entry.actor)} color="initials" size={24} aria-hidden />}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {actorName(entry.actor)}
                </Text>
                <Text size="sm">{actionName(entry.action)}</Text>
                {subjectOf(entry) ? (
                  <Text size="sm" fw={500} c="indigo">
                    {subjectOf(entry)}
                  </Text>
                ) : null}
              </Group>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at, timeZone, language)}
                </Text>
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}

/** The name of the shop or person an entry is about, when the snapshot has one. */
function subjectOf(entry: AuditEntry): string | null {
  for (const snapshot of [entry.after, entry.before]) {
    if (snapshot && typeof snapshot === 'object' && 'name' in snapshot && typeof snapshot.name === 'string') {
      return snapshot.name;
    }
  }
  return null;
}
