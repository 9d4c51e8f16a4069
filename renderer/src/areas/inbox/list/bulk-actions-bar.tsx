import { Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { IconCategory, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review, StaffMember } from '../../../../../shared/contract';
import { caseCategories, type CaseCategory } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { ConfirmModal } from '../../../components/confirm-modal';
import { notifySuccess } from '../../../components/notify';
import { useRunAction } from '../../../errors/use-run-action';
import { categoryKey } from '../../../i18n/domain/keys';

/** Above this many cases a bulk change asks first; a slip of the mouse should not reassign a day's work. */
export const bulkConfirmThreshold = 20;

type BulkAction = { kind: 'assign'; assigneeId: number | null; label: string } | { kind: 'recategorize'; category: CaseCategory };

interface BulkActionsBarProps {
  /** The ticked reviews (only those with a case can be changed; good reviews have none). */
  selected: Review[];
  /** Active staff who can take cases. */
  assignable: StaffMember[];
  /** Clears the ticks, after a change or on request. */
  onClear: () => void;
}

/** Bulk assign and bulk re-categorise for the ticked rows. */
export function BulkActionsBar({ selected, assignable, onClear }: BulkActionsBarProps) {
  const { t } = useTranslation(['inbox', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const [assignee, setAssignee] = useState('');
  const [category, setCategory] = useState('');
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [busy, setBusy] = useState(false);
  const caseIds = selected.flatMap((review) => (review.case ? [review.case.id] : []));

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
    if (caseIds.length > bulkConfirmThreshold) setPending(action);
    else void apply(action);
  }

  const assigneeLabel = (value: string) =>
    value === 'none' ? t('unassigned') : (assignable.find((member) => String(member.id) === value)?.name ?? value);

  return (
    <Paper withBorder radius="md" px="md" py={8} bg="var(--mantine-primary-color-light)" data-testid="bulk-actions">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('bulk.selected', { count: selected.length, cases: caseIds.length })}
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
            disabled={!assignee || caseIds.length === 0}
            loading={busy && pending?.kind !== 'recategorize'}
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
            disabled={!category || caseIds.length === 0}
            onClick={() => request({ kind: 'recategorize', category: category as CaseCategory })}
          >
            {t('bulk.recategorize')}
          </Button>
        </Group>
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear} ml="auto">
          {t('bulk.clear')}
        </Button>
      </Group>
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
