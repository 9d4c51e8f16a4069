import { Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopCalendar, SlaCalendar, WorkPeriod } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { notifySuccess } from '../../components/notify';
import { SectionCard } from '../../components/section-card';
import { useRunAction } from '../../errors/use-run-action';
import { OwnerOnlyNotice, useIsOwner } from './owner-only-notice';
import { weekdayKey } from './i18n/keys';

const weekdayIndexes = [0, 1, 2, 3, 4, 5, 6] as const;
const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** "09:00-12:00, 13:30-18:00" → periods; null when malformed. */
export function parsePeriods(text: string): WorkPeriod[] | null {
  const parts = text.split(/[,，;；]/).map((part) => part.trim()).filter((part) => part !== '');
  const periods: WorkPeriod[] = [];
  for (const part of parts) {
    const [start, end] = part.split(/\s*[-–~]\s*/);
    if (!start || !end || !timePattern.test(start) || !timePattern.test(end) || start >= end) return null;
    periods.push({ start, end });
  }
  return periods;
}

function formatPeriods(periods: readonly WorkPeriod[]): string {
  return periods.map((period) => `${period.start}-${period.end}`).join(', ');
}

/** One date per line (or comma); null when one is not YYYY-MM-DD. */
function parseDates(text: string): string[] | null {
  const dates = text.split(/[\s,，]+/).filter((part) => part !== '');
  return dates.every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)) ? dates : null;
}

function CalendarEditor({ shopId }: { shopId: number }) {
  const calendar = useApiQuery('sla.getCalendar', { shopId }, ['sla', 'settings', 'shops']);
  if (!calendar.data) return null;
  return <CalendarForm key={calendar.data.updatedAt ?? 0} shopId={shopId} data={calendar.data} />;
}

function CalendarForm({ shopId, data }: { shopId: number; data: ShopCalendar }) {
  const { t } = useTranslation(['settings', 'common']);
  const api = useApi();
  const run = useRunAction();
  const owner = useIsOwner();
  const calendar = { data };
  const [week, setWeek] = useState<string[]>(() => data.calendar.week.map(formatPeriods));
  const [holidays, setHolidays] = useState(() => data.calendar.holidays.join('\n'));
  const [extra, setExtra] = useState(() => data.calendar.extraWorkdays.join('\n'));

  const parsedWeek = week.map(parsePeriods);
  const parsedHolidays = parseDates(holidays);
  const parsedExtra = parseDates(extra);
  const valid = parsedWeek.every((day) => day !== null) && parsedHolidays !== null && parsedExtra !== null;

  async function save() {
    if (!valid) return;
    const next: SlaCalendar = {
      timeZone: calendar.data.calendar.timeZone,
      week: parsedWeek as WorkPeriod[][],
      holidays: parsedHolidays!,
      extraWorkdays: parsedExtra!,
    };
    const result = await run(() => api.call('sla.saveCalendar', { shopId, calendar: next }));
    if (result) notifySuccess(t('calendar.saved'));
  }

  async function clear() {
    const result = await run(() => api.call('sla.saveCalendar', { shopId, calendar: null }));
    if (result) notifySuccess(t('calendar.cleared'));
  }

  return (
    <Stack gap="sm" data-testid="working-hours">
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {t('calendar.timeZone')}: {calendar.data.calendar.timeZone}
        </Text>
        {!calendar.data.configured ? (
          <Badge color="gray" variant="light" tt="none">
            {t('calendar.notConfigured')}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {weekdayIndexes.map((day) => (
          <TextInput
            key={day}
            size="xs"
            label={`${t(weekdayKey[day])} · ${t('calendar.periods')}`}
            placeholder={t('calendar.periodsHint')}
            value={week[day] ?? ''}
            disabled={!owner}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setWeek((current) => current.map((text, index) => (index === day ? value : text)));
            }}
            error={parsedWeek[day] === null ? t('calendar.badPeriods') : null}
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        <Textarea
          size="xs"
          label={t('calendar.holidays')}
          description={t('calendar.holidaysHint')}
          autosize
          minRows={2}
          maxRows={6}
          value={holidays}
          disabled={!owner}
          onChange={(event) => setHolidays(event.currentTarget.value)}
          error={parsedHolidays === null ? t('calendar.badDates') : null}
        />
        <Textarea
          size="xs"
          label={t('calendar.extraWorkdays')}
          description={t('calendar.holidaysHint')}
          autosize
          minRows={2}
          maxRows={6}
          value={extra}
          disabled={!owner}
          onChange={(event) => setExtra(event.currentTarget.value)}
          error={parsedExtra === null ? t('calendar.badDates') : null}
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" disabled={!owner || !calendar.data.configured} onClick={() => void clear()}>
          {t('calendar.clear')}
        </Button>
        <Button disabled={!owner || !valid} onClick={() => void save()}>
          {t('common:save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** 工作时间: each shop's working-hours calendar (owner-only). */
export function WorkingHoursSection() {
  const { t } = useTranslation(['settings', 'common']);
  const shops = useApiQuery('shops.list', {}, ['shops', 'demo']);
  const [shopId, setShopId] = useState<number | null>(null);
  const items = shops.data?.items ?? [];
  const current = shopId ?? items[0]?.id ?? null;
  return (
    <SectionCard title={t('calendar.title')} description={t('calendar.description')}>
      <OwnerOnlyNotice />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calendar.noShops')}
        </Text>
      ) : (
        <>
          <NativeSelect
            label={t('calendar.shop')}
            maw={320}
            value={current === null ? '' : String(current)}
            onChange={(event) => setShopId(Number(event.currentTarget.value))}
            data={items.map((shop) => ({ value: String(shop.id), label: shop.name }))}
          />
          {current !== null ? <CalendarEditor key={current} shopId={current} /> : null}
        </>
      )}
    </SectionCard>
  );
}
