import { Button, Chip, Group, Kbd, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { platformIds } from '../../../../../shared/domain/platforms';
import { SegmentedChoice } from '../../../components/segmented-choice';
import { caseCategories, caseStatuses, flagTypes, reviewLevels } from '../../../../../shared/domain/reviews';
import type { InboxLookups } from '../use-inbox-lookups';
import { FilterMenu } from './filter-menu';
import type { InboxQuery, InboxSort } from './inbox-query';
import { categoryKey, levelKey, platformKey, statusKey } from '../../../i18n/domain/keys';
import { flagKey } from '../i18n/keys';

interface FiltersBarProps {
  query: InboxQuery;
  update: (patch: Partial<InboxQuery>) => void;
  lookups: InboxLookups;
  /** Matching reviews; null while reviews.count is still counting, undefined if it failed. */
  total: number | null | undefined;
  /** The search input, so `/` can focus it. */
  searchRef: RefObject<HTMLInputElement | null>;
  /** Whether any filter is set, to offer clearing them. */
  filtered: boolean;
}

/** Search, sort and every filter of the inbox; all of it is written to the URL. */
export function FiltersBar({ query, update, lookups, total, searchRef, filtered }: FiltersBarProps) {
  const { t, i18n } = useTranslation(['inbox', 'domain']);
  // Bumped by 清除筛选 so the search box forgets what was typed.
  const [resetCount, setResetCount] = useState(0);

  return (
    <Group gap="xs" wrap="wrap" align="center" data-testid="inbox-filters">
      <SearchBox key={resetCount} initial={query.search} onSearch={(search) => update({ search })} inputRef={searchRef} />
      <SegmentedChoice<InboxSort>
        size="sm"
        value={query.sort}
        onChange={(sort) => update({ sort })}
        data={[
          { value: 'newest', label: t('sort.newest') },
          { value: 'sla_due', label: t('sort.slaDue') },
        ]}
        aria-label={t('sort.label')}
      />
      <FilterMenu
        label={t('filters.level')}
        options={reviewLevels.map((value) => ({ value, label: t(levelKey[value]) }))}
        value={query.levels}
        onChange={(levels) => update({ levels })}
        testId="filter-level"
      />
      <FilterMenu
        label={t('filters.category')}
        options={caseCategories.map((value) => ({ value, label: t(categoryKey[value]) }))}
        value={query.categories}
        onChange={(categories) => update({ categories })}
        testId="filter-category"
      />
      <FilterMenu
        label={t('filters.status')}
        options={caseStatuses.map((value) => ({ value, label: t(statusKey[value]) }))}
        value={query.statuses}
        onChange={(statuses) => update({ statuses })}
        testId="filter-status"
      />
      <FilterMenu
        label={t('filters.flags')}
        options={flagTypes.map((value) => ({ value, label: t(flagKey[value]) }))}
        value={query.flags}
        onChange={(flags) => update({ flags })}
        testId="filter-flags"
      />
      <Chip size="sm" checked={query.needsReview} onChange={(needsReview) => update({ needsReview })} color="yellow" data-testid="filter-needs-review">
        {t('filters.needsReview')}
      </Chip>
      <Select
        size="sm"
        w={130}
        aria-label={t('filters.assignee')}
        placeholder={t('filters.assignee')}
        value={query.assignee === 'all' ? null : String(query.assignee)}
        onChange={(value) => update({ assignee: value === null ? 'all' : value === 'none' ? 'none' : Number(value) })}
        data={[
          { value: 'none', label: t('unassigned') },
          ...lookups.assignable.map((member) => ({ value: String(member.id), label: member.name })),
        ]}
        clearable
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        size="sm"
        w={110}
        aria-label={t('filters.platform')}
        placeholder={t('filters.platform')}
        value={query.platform}
        onChange={(value) => update({ platform: value as InboxQuery['platform'] })}
        data={platformIds.map((value) => ({ value, label: t(platformKey[value]) }))}
        clearable
      />
      <Select
        size="sm"
        w={150}
        aria-label={t('filters.shop')}
        placeholder={t('filters.shop')}
        value={query.shopId ? String(query.shopId) : null}
        onChange={(value) => update({ shopId: value ? Number(value) : null })}
        data={lookups.shops.map((shop) => ({ value: String(shop.id), label: shop.name }))}
        clearable
        searchable
      />
      <Group gap={4} wrap="nowrap">
        <TextInput
          type="date"
          size="sm"
          w={140}
          aria-label={t('filters.from')}
          value={query.from}
          onChange={(event) => update({ from: event.currentTarget.value })}
        />
        <Text size="sm" c="dimmed">
          –
        </Text>
        <TextInput
          type="date"
          size="sm"
          w={140}
          aria-label={t('filters.to')}
          value={query.to}
          onChange={(event) => update({ to: event.currentTarget.value })}
        />
      </Group>
      {filtered ? (
        <Button
          size="sm"
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            setResetCount((n) => n + 1);
            update({ platform: null, shopId: null, levels: [], categories: [], statuses: [], assignee: 'all', flags: [], needsReview: false, from: '', to: '', search: '' });
          }}
        >
          {t('filters.clear')}
        </Button>
      ) : null}
      {total === undefined ? null : (
        <Text size="sm" c="dimmed" ml="auto" data-testid="review-count" aria-live="polite">
          {total === null ? t('counting') : t('total', { total: total.toLocaleString(i18n.language) })}
        </Text>
      )}
    </Group>
  );
}

interface SearchBoxProps {
  /** The search in the URL when the box was created. */
  initial: string;
  /** Called once typing pauses, so each keystroke is not a query over a million rows. */
  onSearch: (search: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

function SearchBox({ initial, onSearch, inputRef }: SearchBoxProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const [value, setValue] = useState(initial);
  const debounced = useDebouncedCallback(onSearch, 300);
  return (
    <TextInput
      ref={inputRef}
      size="sm"
      w={280}
      type="search"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      leftSection={<IconSearch size={16} />}
      rightSection={<Kbd size="xs">/</Kbd>}
      value={value}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        // Enter searches at once; Esc hands the keyboard back to the list.
        if (event.key === 'Enter') onSearch(event.currentTarget.value);
        if (event.key === 'Escape') event.currentTarget.blur();
      }}
    />
  );
}
