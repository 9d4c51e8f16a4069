import { Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { IconCategory, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review, ReviewFilters, StaffMember } from '../../../../../shared/contract';
import { caseCategories, type CaseCategory } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { ConfirmModal } from '../../../components/confirm-modal';
import { notifySuccess } from '../../../components/notify';
import { useRunAction } from '../../../errors/use-run-action';
import { categoryKey } from '../../../i18n/domain/keys';
import { BulkMatchingModal } from './bulk-matching-modal';
import { useBulkMatching, type BulkAction } from './use-bulk-matching';

/** Above this many cases a bulk change asks first; a slip of the mouse should not reassign a day's work. */
export const bulkConfirmThreshold = 20;

interface BulkActionsBarProps {
  /** The ticked reviews (only those with a case can be changed; good reviews have none). */
  selected: Review[];
  /** Active staff who can take cases. */
  assignable: StaffMember[];
  /** Clears the ticks, after a change or on request. */
  onClear: () => void;
  /** Set when "select all N matching" is on: the change goes to everything the filter matches, on the server. */
  matching: { filters: ReviewFilters; total: number } | null;
  /** After a change over the filter: the list reloads to show it. */
  onChanged: () => void;
}

/** Bulk assign and bulk re-categorise for the ticked rows. */
export function BulkActionsBar({ selected, assignable, onClear, matching, onChanged }: BulkActionsBarProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const [assignee, setAssignee] = useState('');
  const [category, setCategory] = useState('');
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [busy, setBusy] = useState(false);
  const caseIds = selected.flatMap((review) => (review.case ? [review.case.id] : []));
  const overFilter = useBulkMatching(matching?.filters ?? {}, () => {
    onClear();
    onChanged();
  });
  const countingKind = overFilter.state.phase === 'counting' ? overFilter.state.action.kind : null;

  async function apply(action: BulkAction) {
    setBusy(true);
    const result = await run(() =>
      action.kind === 'assign'
        ? api.call('cases.assign', { caseIds, assigneeId: action.assigneeId })
        : api.call('cases.recategorize', { caseIds, category: action.category }),
    );
    setBusy(false);
    setPending(null);
    if (!result) return;
    notifySuccess(
      action.kind === 'assign'
        ? t('bulk.assigned', { count: result.updated, name: action.label })
        : t('bulk.recategorized', { count: result.updated, category: t(categoryKey[action.category]) }),
    );
    onClear();
  }

  function request(action: BulkAction) {
    if (matching) void overFilter.request(action);
    else if (caseIds.length > bulkConfirmThreshold) setPending(action);
    else void apply(action);
  }

  const assigneeLabel = (value: string) =>
    value === 'none' ? t('unassigned') : (assignable.find((member) => String(member.id) === value)?.name ?? value);

  return (
    <Paper withBorder radius="md" px="md" py={8} bg="var(--mantine-primary-color-light)" data-testid="bulk-actions">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600} data-testid="bulk-selected">
          {matching ? t('bulk.matchingSelected', { total: matching.total.toLocaleString() }) : t('bulk.selected', { count: selected.length, cases: caseIds.length })}
        </Text>
        <Group gap={6} wrap="nowrap">
          <NativeSelect
            size="xs"
            aria-label={t('bulk.assignTo')}
            value={assignee}
            onChange={(event) => setAssignee(event.currentTarget.value)}
            data={[
              { value: '', label: t('bulk.assignTo') },
              { value: 'none', label: t('unassigned') },
              ...assignable.map((member) => ({ value: String(member.id), label: member.name })),
            ]}
          />
          <Button
            size="xs"
            leftSection={<IconUserShare size={14} />}
            disabled={!assignee || (!matching && caseIds.length === 0)}
            loading={(busy && pending?.kind !== 'recategorize') || countingKind === 'assign'}
            onClick={() => request({ kind: 'assign', assigneeId: assignee === 'none' ? null : Number(assignee), label: assigneeLabel(assignee) })}
          >
            {t('bulk.assign')}
          </Button>
        </Group>
        <Group gap={6} wrap="nowrap">
          <NativeSelect
            size="xs"
            aria-label={t('bulk.categoryTo')}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value)}
            data={[
              { value: '', label: t('bulk.categoryTo') },
              ...caseCategories.map((value) => ({ value, label: t(categoryKey[value]) })),
            ]}
          />
          <Button
            size="xs"
            leftSection={<IconCategory size={14} />}
            disabled={!category || (!matching && caseIds.length === 0)}
            loading={countingKind === 'recategorize'}
            onClick={() => request({ kind: 'recategorize', category: category as CaseCategory })}
          >
            {t('bulk.recategorize')}
          </Button>
        </Group>
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear} ml="auto">
          {t('bulk.clear')}
        </Button>
      </Group>
      <BulkMatchingModal matching={overFilter} />
      <ConfirmModal
        opened={pending !== null}
        title={
          pending?.kind === 'recategorize'
            ? t('bulk.confirmRecategorizeTitle', { count: caseIds.length, category: t(categoryKey[pending.category]) })
            : t('bulk.confirmAssignTitle', { count: caseIds.length, name: pending?.kind === 'assign' ? pending.label : '' })
        }
        body={pending?.kind === 'recategorize' ? t('bulk.confirmRecategorizeBody') : t('bulk.confirmAssignBody')}
        confirmLabel={pending?.kind === 'recategorize' ? t('bulk.recategorize') : t('bulk.assign')}
        color="indigo"
        busy={busy}
        onConfirm={() => pending && void apply(pending)}
        onClose={() => setPending(null)}
      />
    </Paper>
  );
}
