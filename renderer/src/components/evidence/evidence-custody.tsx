import { Avatar, Code, Group, Skeleton, Text, Timeline, Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { useApiQuery } from '../../api/use-api-query';
import { QueryError } from '../query-error';
import { formatDateTime } from '../../format/date-time';
import { actorKey } from '../../i18n/domain/keys';
import { keyFor } from '../../i18n/translation';
import { usePreferences } from '../../preferences/preferences-context';
import { targetKey } from './i18n/keys';

interface EvidenceCustodyProps {
  /** The evidence whose audit entries to list. */
  evidenceId: number;
}

/** Reads a string field from an audit snapshot. */
function field(snapshot: unknown, key: string): string | null {
  if (snapshot && typeof snapshot === 'object' && key in snapshot) {
    const value = (snapshot as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}

/** Chain of custody: every add, link, unlink, change, trash and restore of one item, with who, when and the hash. */
export function EvidenceCustody({ evidenceId }: EvidenceCustodyProps) {
  const { t } = useTranslation(['evidence', 'domain']);
  const { timeZone, language } = usePreferences();
  const audit = useApiQuery('audit.list', { entity: 'evidence', entityId: String(evidenceId), limit: 200 }, ['evidence', 'audit']);
  const actorName = (actor: string) => {
    const key = actorKey(actor);
    return key ? t(key) : actor;
  };
  if (audit.error && !audit.data) return <QueryError error={audit.error} onRetry={audit.reload} />;
  if (audit.loading) return <Skeleton height={80} />;
  const items = audit.data?.items ?? [];
  if (items.length === 0) return <Text size="sm" c="dimmed">{t('custody.empty')}</Text>;
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="evidence-custody">
      {items.map((entry) => (
        <Timeline.Item
          key={entry.id}
          bullet={<Avatar name={actorName(entry.actor)} color="initials" size={20} aria-hidden />}
          data-testid="evidence-custody-entry"
          data-action={entry.action}
        >
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {actorName(entry.actor)}
            </Text>
            <Text size="sm">{describe(entry, t)}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.at, timeZone, language)}
          </Text>
          {field(entry.after, 'sha256') ? (
            <Tooltip label={field(entry.after, 'sha256')} maw={560} multiline>
              <Code fz={11} data-testid="evidence-custody-hash">
                SHA-256 {field(entry.after, 'sha256')!.slice(0, 16)}…
              </Code>
            </Tooltip>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function describe(entry: AuditEntry, t: TFunction<'evidence'>): string {
  const target = field(entry.after, 'targetType');
  const key = target ? keyFor(targetKey, target) : undefined;
  const targetText = key ? t(key, { id: field(entry.after, 'targetId') ?? '' }) : (target ?? '');
  const name = field(entry.after, 'originalName') ?? '';
  switch (entry.action) {
    case 'evidence.add':
      return field(entry.after, 'duplicateOf') ? t('custody.addedAgain', { name }) : t('custody.added', { name });
    case 'evidence.link':
      return t('custody.linked', { target: targetText });
    case 'evidence.unlink':
      return t('custody.unlinked', { target: targetText });
    case 'evidence.update':
      return t('custody.updated');
    case 'evidence.trash':
      return t('custody.trashed');
    case 'evidence.restore':
      return t('custody.restored');
    case 'evidence.purge':
      return t('custody.purged');
    default:
      return entry.action;
  }
}
