import { Button, Group, List, Menu, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowsExchange, IconChevronDown, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignTarget, BulkResult, CaseSelection } from '../../../../../shared/contract';
import { bulkTransitionTargets, type BulkTransitionTarget } from '../../../../../shared/domain/case-order';
import { staffRoles } from '../../../../../shared/domain/roles';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { useRunAction } from '../../../errors/use-run-action';
import { roleKey, statusKey } from '../../../i18n/domain/keys';

interface BulkBarProps {
  /** How many cases the selection holds (the filter's total when all matching are selected). */
  count: number;
  selection: CaseSelection;
  /** Offer "select all N matching" (every loaded row is ticked and more match). */
  offerAll: { total: number } | null;
  allMatching: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  /** After an action, with its result: the list reloads, the selection clears, the result is shown. */
  onDone: (result: BulkResult) => void;
}

type Pending = { kind: 'assign'; to: AssignTarget; name: string } | { kind: 'transition'; to: BulkTransitionTarget };

/** Bulk assign and bulk status change for the selected cases, each confirmed with the count first. */
export function BulkBar({ count, selection, offerAll, allMatching, onSelectAll, onClear, onDone }: BulkBarProps) {
  const { t } = useTranslation(['cases', 'domain', 'common']);
  const api = useApi();
  const run = useRunAction();
  const staff = useApiQuery('staff.list', {}, ['staff']);
  const [pending, setPending] = useState<Pending | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    const answer = await run(() =>
      pending.kind === 'assign'
        ? api.call('cases.bulkAssign', { selection, to: pending.to })
        : api.call('cases.bulkTransition', { selection, to: pending.to, ...(note.trim() ? { note: note.trim() } : {}) }),
    );
    setBusy(false);
    setPending(null);
    setNote('');
    if (answer) onDone(answer);
  }

  const title = !pending
    ? ''
    : pending.kind === 'transition'
      ? t('bulk.confirmTransitionTitle', { count, status: t(statusKey[pending.to]) })
      : 'pool' in pending.to
        ? t('bulk.confirmPoolTitle', { count, name: pending.name })
        : t('bulk.confirmAssignTitle', { count, name: pending.name });
  return (
    <>
      <Paper withBorder radius="md" px="sm" py={6} data-testid="bulk-bar">
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600} data-testid="bulk-count">
            {allMatching ? t('bulk.allMatching', { count }) : t('bulk.selected', { count })}
          </Text>
          {offerAll && !allMatching ? (
            <Button size="compact-sm" variant="subtle" onClick={onSelectAll} data-testid="select-matching">
              {t('bulk.selectMatching', { count: offerAll.total })}
            </Button>
          ) : null}
          <Menu shadow="md" position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="light" leftSection={<IconUserShare size={14} />} rightSection={<IconChevronDown size={14} />} data-testid="bulk-assign">
                {t('bulk.assign')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
              {(staff.data?.items ?? []).map((person) => (
                <Menu.Item key={person.id} onClick={() => setPending({ kind: 'assign', to: { staffId: person.id }, name: person.name })} data-testid={`bulk-assign-staff-${person.id}`}>
                  {person.name} · {t(roleKey[person.role])}
                </Menu.Item>
              ))}
              <Menu.Divider />
              {staffRoles.map((role) => {
                const name = t('bulk.toPool', { role: t(roleKey[role]) });
                return (
                  <Menu.Item key={role} onClick={() => setPending({ kind: 'assign', to: { pool: role }, name: t('boardView.pool', { role: t(roleKey[role]) }) })} data-testid={`bulk-assign-pool-${role}`}>
                    {name}
                  </Menu.Item>
                );
              })}
            </Menu.Dropdown>
          </Menu>
          <Menu shadow="md" position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="compact-sm" variant="light" leftSection={<IconArrowsExchange size={14} />} rightSection={<IconChevronDown size={14} />} data-testid="bulk-transition">
                {t('bulk.transition')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {bulkTransitionTargets.map((to) => (
                <Menu.Item key={to} onClick={() => setPending({ kind: 'transition', to })} data-testid={`bulk-transition-${to}`}>
                  {t(statusKey[to])}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear} data-testid="bulk-clear">
            {t('bulk.clear')}
          </Button>
        </Group>
      </Paper>
      <Modal opened={pending !== null} onClose={busy ? () => undefined : () => setPending(null)} title={title} centered radius="lg" data-testid="bulk-confirm">
        <Stack gap="md">
          <Text size="sm">
            {pending?.kind === 'transition' ? t('bulk.confirmTransitionBody', { status: t(statusKey[pending.to]) }) : t('bulk.confirmAssignBody', { name: pending?.name ?? '' })}
          </Text>
          {pending?.kind === 'transition' ? <Textarea label={t('bulk.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={1000} autosize minRows={2} /> : null}
          {busy ? (
            <Text size="sm" c="dimmed">
              {t('bulk.working', { count })}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)} disabled={busy} data-autofocus>
              {t('common:cancel')}
            </Button>
            <Button onClick={() => void confirm()} loading={busy} data-testid="bulk-confirm-button">
              {t('bulk.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** What a bulk action did: counts, and each case left as it was with the reason. */
export function BulkResultModal({ result, onClose }: { result: BulkResult | null; onClose: () => void }) {
  const { t } = useTranslation(['cases', 'domain', 'common']);
  return (
      <Modal opened={result !== null} onClose={onClose} title={t('bulk.resultTitle')} centered radius="lg" data-testid="bulk-result">
      {result ? (
        <Stack gap="sm">
          <Text size="sm" data-testid="bulk-result-text">
            {t('bulk.result', { updated: result.updated, unchanged: result.unchanged, failed: result.failedCount })}
          </Text>
          {result.failures.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {t('bulk.failuresHeading')}
              </Text>
              <List size="sm" spacing={4} mah={240} style={{ overflowY: 'auto' }} data-testid="bulk-failures">
                {result.failures.map((failure) => (
                  <List.Item key={failure.caseId}>
                    {t('caseNo', { id: failure.caseId })}：{t(`bulk.reasons.${failure.reason}`, { from: failure.from ? t(statusKey[failure.from]) : '' })}
                  </List.Item>
                ))}
              </List>
              {result.failedCount > result.failures.length ? (
                <Text size="xs" c="dimmed">
                  {t('bulk.failureMore', { count: result.failedCount - result.failures.length })}
                </Text>
              ) : null}
            </>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('common:close')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
