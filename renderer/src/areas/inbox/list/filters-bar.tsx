import { Group, NativeSelect, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconArrowsSort } from '@tabler/icons-react';
import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { caseCategories, caseStatuses, reviewLevels } from '../../../../../shared/domain/reviews';
import { categoryKey, levelKey, statusKey } from '../../../i18n/domain/keys';
import type { InboxLookups } from '../use-inbox-lookups';
import { activeFilterChips, FilterChips } from './filter-chips';
import { FilterMenu } from '../../../components/filter-menu';
import { clearedFilters, type InboxQuery, type InboxSort } from './inbox-query';
import { MoreFilters } from './more-filters';
import { SearchBox, type SearchBoxHandle } from './search-box';

interface FiltersBarProps {
  query: InboxQuery;
  update: (patch: Partial<InboxQuery>) => void;
  lookups: InboxLookups;
  /** Matching reviews; null while reviews.count is still counting, undefined if it failed. */
  total: number | null | undefined;
  /** The search input, so `/` can focus it. */
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * The width the bar needs to show 等级, 分类 and 状态 as their own buttons on one line with the
 * search, sort, 更多筛选 and the count; narrower, they move into 更多筛选.
 */
const primaryInlineWidth = { 'zh-CN': 800, en: 960 } as const;

/**
 * One line: search, sort, the main filters (when they fit), 更多筛选 with a count of what it holds
 * set, and the number of matches. Below it, only when something is set, each filter as a
 * removable chip and 清除筛选. All of it lives in the URL.
 */
export function FiltersBar({ query, update, lookups, total, searchRef }: FiltersBarProps) {
  const { t, i18n } = useTranslation(['inbox', 'domain']);
  const search = useRef<SearchBoxHandle>(null);
  const { ref, width } = useElementSize();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  // Unmeasured (the first frame, or a test without layout) counts as wide: the common case.
  const inline = width === 0 || width >= primaryInlineWidth[language];
  const chips = activeFilterChips(query, lookups, t);

  const clear = () => {
    search.current?.reset();
    update(clearedFilters);
  };

  return (
    <div data-testid="inbox-filters">
      <Group ref={ref} gap="xs" wrap="nowrap" align="center">
        <SearchBox value={query.search} onSearch={(text) => update({ search: text })} inputRef={searchRef} handleRef={search} />
        <NativeSelect
          size="sm"
          w={language === 'en' ? 160 : 136}
          style={{ flexShrink: 0 }}
          leftSection={<IconArrowsSort size={16} />}
          aria-label={t('sort.label')}
          value={query.sort}
          onChange={(event) => update({ sort: event.currentTarget.value as InboxSort })}
          data={[
            { value: 'priority', label: t('sort.priority') },
            { value: 'newest', label: t('sort.newest') },
            { value: 'sla_due', label: t('sort.slaDue') },
          ]}
          data-testid="inbox-sort"
        />
        {inline ? (
          <>
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
          </>
        ) : null}
        <MoreFilters query={query} update={update} lookups={lookups} withPrimary={!inline} />
        {total === undefined ? null : (
          <Text size="sm" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap' }} data-testid="review-count" aria-live="polite">
            {total === null ? t('counting') : t('total', { total: total.toLocaleString(i18n.language) })}
          </Text>
        )}
      </Group>
      <FilterChips chips={chips} onRemove={update} onClear={clear} />
    </div>
  );
}
