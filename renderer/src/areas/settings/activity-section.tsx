import { Anchor, Avatar, Button, Group, NativeSelect, Pagination, Skeleton, Text, TextInput, Timeline } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { QueryError } from '../../components/query-error';
import { SectionCard } from '../../components/section-card';
import { formatDateTime, zonedInputToEpoch } from '../../format/date-time';
import { usePreferences } from '../../preferences/preferences-context';
import { actorLabel, auditSentence } from './audit-words';
import { settingsZhCN } from './i18n/zh-CN';

export const activityPageSize = 25;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The day after a `YYYY-MM-DD` date, the same way (the "to" day is included). */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/** 操作日志: every audited action as a sentence, filtered by person, kind and day, a page at a time; the filters live in the address. */
export function ActivitySection() {
  const { t } = useTranslation(['settings', 'domain']);
  const { timeZone, language } = usePreferences();
  const [params, setParams] = useSearchParams();
  // What the address holds is checked before it is asked for: a hand-edited link never becomes an error.
  const actor = (params.get('person') ?? '').slice(0, 100);
  const kind = /^[A-Za-z]{1,40}$/.test(params.get('kind') ?? '') ? params.get('kind')! : '';
  const from = datePattern.test(params.get('from') ?? '') ? params.get('from')! : '';
  const to = datePattern.test(params.get('to') ?? '') ? params.get('to')! : '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const fromMs = from ? zonedInputToEpoch(from, timeZone) : null;
  const toMs = to ? zonedInputToEpoch(nextDay(to), timeZone) : null;
  const audit = useApiQuery(
    'audit.list',
    {
      ...(actor ? { actor } : {}),
      ...(kind ? { kind } : {}),
      ...(fromMs !== null ? { from: fromMs } : {}),
      ...(toMs !== null ? { to: toMs } : {}),
      offset: (page - 1) * activityPageSize,
      limit: activityPageSize,
    },
    'all',
  );
  const facets = useApiQuery('audit.listFacets', {}, 'all');
  const items = audit.data?.items ?? [];
  const total = audit.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / activityPageSize));
  const filtered = actor !== '' || kind !== '' || from !== '' || to !== '';
  // A page past the end (fewer entries than when the link was made) shows the last one instead.
  const pastEnd = audit.data !== undefined && page > pages;
  useEffect(() => {
    if (!pastEnd) return;
    const next = new URLSearchParams(params);
    if (pages === 1) next.delete('page');
    else next.set('page', String(pages));
    setParams(next, { replace: true });
  }, [pastEnd, pages, params, setParams]);

  const actorName = (name: string) => actorLabel(name, t);
  const kindName = (value: string) =>
    Object.hasOwn(settingsZhCN.activity.kinds, value) ? t(`activity.kinds.${value as keyof typeof settingsZhCN.activity.kinds}`) : value;

  /** Changes one filter (and goes back to page one), as a new history entry so Back undoes it. */
  function setFilter(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    if (name !== 'page') next.delete('page');
    setParams(next);
  }

  return (
    <SectionCard title={t('activity.title')} description={t('activity.description')}>
      <Group gap="sm" align="flex-end" wrap="wrap" data-testid="activity-filters">
        <NativeSelect
          size="xs"
          label={t('activity.person')}
          value={actor}
          onChange={(event) => setFilter('person', event.currentTarget.value)}
          data={[{ value: '', label: t('activity.personAll') }, ...(facets.data?.actors ?? []).map((name) => ({ value: name, label: actorName(name) }))]}
          w={160}
        />
        <NativeSelect
          size="xs"
          label={t('activity.kind')}
          value={kind}
          onChange={(event) => setFilter('kind', event.currentTarget.value)}
          data={[{ value: '', label: t('activity.kindAll') }, ...(facets.data?.kinds ?? []).map((value) => ({ value, label: kindName(value) }))]}
          w={170}
        />
        <TextInput size="xs" type="date" label={t('activity.from')} value={from} max={to || undefined} onChange={(event) => setFilter('from', event.currentTarget.value)} w={150} />
        <TextInput size="xs" type="date" label={t('activity.to')} value={to} min={from || undefined} onChange={(event) => setFilter('to', event.currentTarget.value)} w={150} />
        {filtered ? (
          <Button size="xs" variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('activity.clearFilters')}
          </Button>
        ) : null}
        <Text size="xs" c="dimmed" ml="auto" data-testid="activity-total">
          {audit.data ? t('activity.total', { count: total }) : null}
        </Text>
      </Group>
      {audit.error && !audit.data ? (
        <QueryError error={audit.error} onRetry={audit.reload} />
      ) : audit.loading ? (
        <Skeleton height={120} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="activity-empty">
          {filtered ? t('activity.emptyFiltered') : t('activity.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} data-testid="activity-list">
          {items.map((entry) => (
            <Timeline.Item key={entry.id} bullet={<Avatar name={actorName(entry.actor)} color="initials" size={24} aria-hidden />} data-testid="activity-entry" data-action={entry.action}>
              <Text size="sm">{auditSentence(entry, t, language)}</Text>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at, timeZone, language)}
                </Text>
                {entry.entity === 'case' && entry.entityId ? (
                  <Anchor component={Link} to={`/cases/${entry.entityId}`} size="xs">
                    {t('activity.openCase')}
                  </Anchor>
                ) : null}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {pages > 1 ? (
        <Group justify="center">
          <Pagination size="sm" total={pages} value={Math.min(page, pages)} onChange={(value) => setFilter('page', value === 1 ? '' : String(value))} data-testid="activity-pages" />
        </Group>
      ) : null}
    </SectionCard>
  );
}
