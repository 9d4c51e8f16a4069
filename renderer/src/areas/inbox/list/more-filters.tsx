import { Badge, Button, Checkbox, Group, NativeSelect, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { platformIds } from '../../../../../shared/domain/platforms';
import { caseCategories, caseStatuses, flagTypes, reviewLevels } from '../../../../../shared/domain/reviews';
import { categoryKey, levelKey, platformKey, statusKey } from '../../../i18n/domain/keys';
import { flagKey } from '../i18n/keys';
import type { InboxLookups } from '../use-inbox-lookups';
import type { InboxQuery } from './inbox-query';

interface MoreFiltersProps {
  query: InboxQuery;
  update: (patch: Partial<InboxQuery>) => void;
  lookups: InboxLookups;
  /** Level, category and status too, when the bar is too narrow to show them as buttons. */
  withPrimary: boolean;
}

/** How many filters the 更多筛选 menu holds are set, for its badge. */
export function moreFiltersCount(query: InboxQuery, withPrimary: boolean): number {
  const secondary = [query.needsReview, query.flags.length > 0, query.assignee !== 'all', query.platform !== null, query.shopId !== null, query.from !== '' || query.to !== ''];
  const primary = withPrimary ? [query.levels.length > 0, query.categories.length > 0, query.statuses.length > 0] : [];
  return [...primary, ...secondary].filter(Boolean).length;
}

function Ticks<T extends string>({ label, options, value, onChange }: { label: string; options: { value: T; label: string }[]; value: T[]; onChange: (next: T[]) => void }) {
  return (
    <Checkbox.Group label={label} value={value} onChange={(next) => onChange(next as T[])}>
      <Group gap="xs" mt={6}>
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} label={option.label} size="xs" />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

/** 更多筛选: the filters used less often, in one menu, so the bar stays one line at 1024 px. */
export function MoreFilters({ query, update, lookups, withPrimary }: MoreFiltersProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const count = moreFiltersCount(query, withPrimary);
  const any = { value: '', label: t('filters.any') };
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button
          size="sm"
          variant={count > 0 ? 'light' : 'default'}
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          aria-label={count > 0 ? t('filters.moreActive', { count }) : t('filters.more')}
          data-testid="filters-more"
        >
          {t('filters.more')}
          {count > 0 ? (
            <Badge size="xs" circle ml={6} variant="filled">
              {count}
            </Badge>
          ) : null}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={420} mah="calc(100dvh - 290px)" style={{ overflowY: 'auto' }} data-testid="filters-more-menu">
        <Stack gap="sm">
          {withPrimary ? (
            <>
              <Ticks label={t('filters.level')} options={reviewLevels.map((value) => ({ value, label: t(levelKey[value]) }))} value={query.levels} onChange={(levels) => update({ levels })} />
              <Ticks
                label={t('filters.category')}
                options={caseCategories.map((value) => ({ value, label: t(categoryKey[value]) }))}
                value={query.categories}
                onChange={(categories) => update({ categories })}
              />
              <Ticks label={t('filters.status')} options={caseStatuses.map((value) => ({ value, label: t(statusKey[value]) }))} value={query.statuses} onChange={(statuses) => update({ statuses })} />
            </>
          ) : null}
          <Checkbox
            label={t('filters.needsReview')}
            checked={query.needsReview}
            onChange={(event) => update({ needsReview: event.currentTarget.checked })}
            data-testid="filter-needs-review"
          />
          <Ticks label={t('filters.flags')} options={flagTypes.map((value) => ({ value, label: t(flagKey[value]) }))} value={query.flags} onChange={(flags) => update({ flags })} />
          <Group gap="sm" grow align="flex-start">
            <NativeSelect
              size="xs"
              label={t('filters.assignee')}
              value={query.assignee === 'all' ? '' : String(query.assignee)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                update({ assignee: value === '' ? 'all' : value === 'none' ? 'none' : Number(value) });
              }}
              data={[any, { value: 'none', label: t('unassigned') }, ...lookups.assignable.map((member) => ({ value: String(member.id), label: member.name }))]}
            />
            <NativeSelect
              size="xs"
              label={t('filters.platform')}
              value={query.platform ?? ''}
              onChange={(event) => update({ platform: (event.currentTarget.value || null) as InboxQuery['platform'] })}
              data={[any, ...platformIds.map((value) => ({ value, label: t(platformKey[value]) }))]}
            />
          </Group>
          <NativeSelect
            size="xs"
            label={t('filters.shop')}
            value={query.shopId ? String(query.shopId) : ''}
            onChange={(event) => update({ shopId: event.currentTarget.value ? Number(event.currentTarget.value) : null })}
            data={[any, ...lookups.shops.map((shop) => ({ value: String(shop.id), label: shop.name }))]}
          />
          <div>
            <Text size="sm" fw={500}>
              {t('filters.date')}
            </Text>
            <Group gap={4} wrap="nowrap" mt={4}>
              <TextInput type="date" size="xs" aria-label={t('filters.from')} value={query.from} onChange={(event) => update({ from: event.currentTarget.value })} />
              <Text size="sm" c="dimmed">
                –
              </Text>
              <TextInput type="date" size="xs" aria-label={t('filters.to')} value={query.to} onChange={(event) => update({ to: event.currentTarget.value })} />
            </Group>
          </div>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
