import { Button, CloseButton, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssigneeKey, CaseListFilter } from '../../../../../shared/contract';
import { caseListSorts, slaFilterStates, type CaseListSort, type SlaFilterState } from '../../../../../shared/domain/case-order';
import { platformIds, type PlatformId } from '../../../../../shared/domain/platforms';
import { caseCategories, caseStatuses, type CaseCategory, type CaseStatus } from '../../../../../shared/domain/reviews';
import { staffRoles } from '../../../../../shared/domain/roles';
import { useApiQuery } from '../../../api/use-api-query';
import { categoryKey, platformKey, roleKey, statusKey } from '../../../i18n/domain/keys';
import { FilterMenu } from '../../../components/filter-menu';

interface CaseFiltersBarProps {
  filter: CaseListFilter;
  onChange: (filter: CaseListFilter) => void;
}

export function hasFilter(filter: CaseListFilter): boolean {
  return Object.values(filter).some((value) => (Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== ''));
}

/** Search, the filters and the order of the cases list (the board shares search and filters). */
export function CaseFiltersBar({ filter, onChange }: CaseFiltersBarProps) {
  const { t } = useTranslation(['cases', 'domain']);
  const staff = useApiQuery('staff.list', { includeInactive: true }, ['staff']);
  const shops = useApiQuery('shops.list', {}, ['shops']);
  // The box shows what is typed at once; the list follows a moment after typing stops.
  const [text, setText] = useState(filter.search ?? '');
  const [shownSearch, setShownSearch] = useState(filter.search ?? '');
  if ((filter.search ?? '') !== shownSearch) {
    // Cleared or set from outside (清除筛选): the box follows.
    setShownSearch(filter.search ?? '');
    setText(filter.search ?? '');
  }
  const pushSearch = useDebouncedCallback((value: string) => {
    setShownSearch(value);
    onChange({ ...filter, search: value });
  }, 250);
  const set = <K extends keyof CaseListFilter>(key: K, value: CaseListFilter[K]) => onChange({ ...filter, [key]: value });
  const assigneeOptions: { value: AssigneeKey; label: string }[] = [
    { value: 'unassigned', label: t('list.unassignedAny') },
    ...staffRoles.map((role) => ({ value: `pool:${role}` as AssigneeKey, label: t('list.poolOf', { role: t(roleKey[role]) }) })),
    ...(staff.data?.items ?? []).map((person) => ({ value: `staff:${person.id}` as AssigneeKey, label: person.active ? person.name : `${person.name}（${t('boardView.inactive')}）` })),
  ];
  return (
    <Group gap="xs" wrap="wrap" data-testid="case-filters">
      <TextInput
        size="sm"
        flex="1 1 260px"
        miw={260}
        maw={420}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          pushSearch(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            pushSearch.flush();
          }
        }}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchLabel')}
        leftSection={<IconSearch size={16} />}
        rightSection={
          text ? (
            <CloseButton
              size="sm"
              aria-label={t('list.clear')}
              onClick={() => {
                setText('');
                setShownSearch('');
                onChange({ ...filter, search: '' });
              }}
            />
          ) : null
        }
        data-testid="case-search"
      />
      <FilterMenu<CaseStatus> label={t('list.status')} options={caseStatuses.map((value) => ({ value, label: t(statusKey[value]) }))} value={filter.statuses ?? []} onChange={(value) => set('statuses', value)} testId="filter-status" />
      <FilterMenu<CaseCategory> label={t('list.category')} options={caseCategories.map((value) => ({ value, label: t(categoryKey[value]) }))} value={filter.categories ?? []} onChange={(value) => set('categories', value)} testId="filter-category" />
      <FilterMenu<AssigneeKey> label={t('list.assignee')} options={assigneeOptions} value={filter.assignees ?? []} onChange={(value) => set('assignees', value)} testId="filter-assignee" />
      <FilterMenu<string>
        label={t('list.shop')}
        options={(shops.data?.items ?? []).map((shop) => ({ value: String(shop.id), label: `${shop.name} · ${t(platformKey[shop.platform])}` }))}
        value={(filter.shopIds ?? []).map(String)}
        onChange={(value) => set('shopIds', value.map(Number))}
        testId="filter-shop"
      />
      <FilterMenu<PlatformId> label={t('list.platform')} options={platformIds.map((value) => ({ value, label: t(platformKey[value]) }))} value={filter.platforms ?? []} onChange={(value) => set('platforms', value)} testId="filter-platform" />
      <FilterMenu<SlaFilterState> label={t('list.sla')} options={slaFilterStates.map((value) => ({ value, label: t(`list.slaStates.${value}`) }))} value={filter.sla ?? []} onChange={(value) => set('sla', value)} testId="filter-sla" />
      {hasFilter(filter) ? (
        <Button size="sm" variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => onChange({})} data-testid="clear-filters">
          {t('list.clear')}
        </Button>
      ) : null}
    </Group>
  );
}

/** The list's order (the board's columns keep their own). */
export function CaseSortSelect({ sort, onSort }: { sort: CaseListSort; onSort: (sort: CaseListSort) => void }) {
  const { t } = useTranslation('cases');
  return (
    <Tooltip label={t('list.sortHint')} withinPortal>
      <Select
        size="xs"
        w={160}
        aria-label={t('list.sort')}
        value={sort}
        allowDeselect={false}
        data={caseListSorts.map((value) => ({ value, label: t(`list.sorts.${value}`) }))}
        onChange={(value) => value && onSort(value as CaseListSort)}
        data-testid="case-sort"
      />
    </Tooltip>
  );
}
