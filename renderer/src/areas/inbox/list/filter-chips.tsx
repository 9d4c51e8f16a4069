import { Button, Group, Pill } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { categoryKey, levelKey, platformKey, statusKey } from '../../../i18n/domain/keys';
import { flagKey } from '../i18n/keys';
import type { InboxLookups } from '../use-inbox-lookups';
import type { InboxQuery } from './inbox-query';

export interface FilterChip {
  id: string;
  /** What the filter is, e.g. 等级, also in the remove button's name. */
  label: string;
  /** What it is set to, e.g. 差评、中评. */
  value: string;
  /** The patch that removes it. */
  remove: Partial<InboxQuery>;
}

/** Every filter that narrows the list, as a removable chip, in the bar's order. */
export function activeFilterChips(query: InboxQuery, lookups: Pick<InboxLookups, 'staffNames' | 'shops'>, t: TFunction<['inbox', 'domain']>): FilterChip[] {
  const join = (values: string[]) => values.join(t('filters.listSeparator'));
  const chips: FilterChip[] = [];
  if (query.search.trim()) chips.push({ id: 'search', label: t('filters.search'), value: query.search.trim(), remove: { search: '' } });
  if (query.levels.length) chips.push({ id: 'level', label: t('filters.level'), value: join(query.levels.map((v) => t(levelKey[v]))), remove: { levels: [] } });
  if (query.categories.length)
    chips.push({ id: 'category', label: t('filters.category'), value: join(query.categories.map((v) => t(categoryKey[v]))), remove: { categories: [] } });
  if (query.statuses.length) chips.push({ id: 'status', label: t('filters.status'), value: join(query.statuses.map((v) => t(statusKey[v]))), remove: { statuses: [] } });
  if (query.needsReview) chips.push({ id: 'needsReview', label: t('filters.category'), value: t('filters.needsReview'), remove: { needsReview: false } });
  if (query.flags.length) chips.push({ id: 'flags', label: t('filters.flags'), value: join(query.flags.map((v) => t(flagKey[v]))), remove: { flags: [] } });
  if (query.assignee !== 'all') {
    const name = query.assignee === 'none' ? t('unassigned') : (lookups.staffNames.get(query.assignee) ?? `#${query.assignee}`);
    chips.push({ id: 'assignee', label: t('filters.assignee'), value: name, remove: { assignee: 'all' } });
  }
  if (query.platform) chips.push({ id: 'platform', label: t('filters.platform'), value: t(platformKey[query.platform]), remove: { platform: null } });
  if (query.shopId) {
    const shop = lookups.shops.find((candidate) => candidate.id === query.shopId);
    chips.push({ id: 'shop', label: t('filters.shop'), value: shop?.name ?? `#${query.shopId}`, remove: { shopId: null } });
  }
  if (query.from || query.to) {
    const value =
      query.from && query.to ? t('filters.between', { from: query.from, to: query.to }) : query.from ? t('filters.since', { from: query.from }) : t('filters.until', { to: query.to });
    chips.push({ id: 'date', label: t('filters.date'), value, remove: { from: '', to: '' } });
  }
  return chips;
}

interface FilterChipsProps {
  chips: FilterChip[];
  onRemove: (patch: Partial<InboxQuery>) => void;
  onClear: () => void;
}

/** The set filters under the bar, each removable, and 清除筛选 for all of them; only when any is set. */
export function FilterChips({ chips, onRemove, onClear }: FilterChipsProps) {
  const { t } = useTranslation('inbox');
  if (chips.length === 0) return null;
  return (
    <Group gap={6} mt={6} wrap="wrap" data-testid="filter-chips">
      {chips.map((chip) => (
        <Pill
          key={chip.id}
          size="md"
          withRemoveButton
          onRemove={() => onRemove(chip.remove)}
          removeButtonProps={{ 'aria-label': t('filters.removeChip', { label: chip.label }) }}
          data-testid={`filter-chip-${chip.id}`}
        >
          {t('filters.chip', { label: chip.label, value: chip.value })}
        </Pill>
      ))}
      <Button size="compact-sm" variant="subtle" leftSection={<IconFilterOff size={14} />} onClick={onClear} data-testid="filters-clear">
        {t('filters.clear')}
      </Button>
    </Group>
  );
}
