import { Alert, Badge, Button, Group, Loader, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardViewColumn, CaseListFilter, CaseListItem } from '../../../../../shared/contract';
import type { CaseStatus } from '../../../../../shared/domain/reviews';
import { useApi } from '../../../api/api-context';
import { useApiQuery } from '../../../api/use-api-query';
import { RoleBadge } from '../../../components/badges/role-badge';
import { noteServerNow } from '../../../components/case-sla/server-clock';
import { notifyError, notifySuccess } from '../../../components/notify';
import { QueryError } from '../../../components/query-error';
import { SegmentedChoice } from '../../../components/segmented-choice';
import { useRunAction } from '../../../errors/use-run-action';
import { roleKey, statusKey } from '../../../i18n/domain/keys';
import { CaseFiltersBar } from '../list/case-filters-bar';
import { useSlaEvents } from '../use-live-reload';
import { BoardCard } from './board-card';
import { boardMove } from './board-moves';
import { MoveDialog, type MoveAnswers } from './move-dialog';

const perColumn = 30;
const domains = ['sla', 'cases', 'reviews', 'demo', 'staff', 'auth'] as const;
export type BoardGrouping = 'status' | 'assignee';

interface BoardViewProps {
  groupBy: BoardGrouping;
  onGroupBy: (groupBy: BoardGrouping) => void;
  filter: CaseListFilter;
  onFilter: (filter: CaseListFilter) => void;
  onOpen: (caseId: number) => void;
  /** Shows a column's every case in the list (its cards stop at the first few). */
  onShowInList: (filter: CaseListFilter) => void;
}

/** 看板: cases by status or by assignee (with each role's 待认领 pool); drag a card, or use its menu, to move it. */
export function BoardView({ groupBy, onGroupBy, filter, onFilter, onOpen, onShowInList }: BoardViewProps) {
  const { t } = useTranslation(['cases', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const board = useApiQuery('cases.boardView', { groupBy, filter, perColumn }, domains);
  useSlaEvents(board.reload);
  useEffect(() => {
    if (board.data) noteServerNow(board.data.now);
  }, [board.data]);
  const [dragging, setDragging] = useState<CaseListItem | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ caseId: number; from: CaseStatus; to: CaseStatus } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Why the last move was refused, shown above the columns until the next move (a toast alone is easy to miss mid-drag). */
  const [refusal, setRefusal] = useState<string | null>(null);
  const refuse = (message: string) => {
    setRefusal(message);
    notifyError(message, t('boardView.refusedTitle'));
  };

  const label = (column: BoardViewColumn): string => {
    if (column.kind === 'status' && column.status) return t(statusKey[column.status]);
    if (column.kind === 'pool' && column.role) return t('boardView.pool', { role: t(roleKey[column.role]) });
    if (column.kind === 'unrouted') return t('boardView.unrouted');
    return column.name ?? '';
  };

  async function transition(caseId: number, to: CaseStatus, answers: MoveAnswers = {}) {
    setBusy(true);
    const done = await run(() => api.call('cases.transition', { caseId, to, ...answers }));
    setBusy(false);
    if (done) notifySuccess(t('boardView.moved', { id: caseId, to: t(statusKey[to]) }));
    board.reload();
    return done;
  }

  async function move(item: CaseListItem, column: BoardViewColumn) {
    const decided = boardMove(item, column);
    setRefusal(null);
    if (decided.kind === 'none') {
      if (decided.why === 'inactive') refuse(t('boardView.notDropTarget'));
      return;
    }
    if (decided.kind === 'refused') {
      const options = decided.options.map((status) => t(statusKey[status])).join('、') || t('boardView.notAllowedNone');
      refuse(t('boardView.notAllowed', { id: item.caseId, from: t(statusKey[decided.from]), to: t(statusKey[decided.to]), options }));
      return;
    }
    if (decided.kind === 'ask') {
      setAsking({ caseId: item.caseId, from: item.status, to: decided.to });
      return;
    }
    if (decided.kind === 'transition') {
      await transition(item.caseId, decided.to);
      return;
    }
    const to = decided.kind === 'assign' ? { staffId: decided.staffId } : { pool: decided.role };
    const result = await run(() => api.call('cases.bulkAssign', { selection: { caseIds: [item.caseId] }, to }));
    board.reload();
    if (!result) return;
    const failure = result.failures[0];
    if (failure) refuse(`${t('caseNo', { id: item.caseId })}：${t(`bulk.reasons.${failure.reason}`, { from: '' })}`);
    else if (result.updated > 0) notifySuccess(decided.kind === 'assign' ? t('boardView.assigned', { id: item.caseId, name: decided.name }) : t('boardView.pooled', { id: item.caseId, name: label(column) }));
  }

  const columns = board.data?.columns ?? [];
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap" justify="space-between">
        <SegmentedChoice<BoardGrouping>
          size="sm"
          value={groupBy}
          onChange={onGroupBy}
          aria-label={t('boardView.groupBy')}
          data={[
            { value: 'status', label: t('boardView.byStatus') },
            { value: 'assignee', label: t('boardView.byAssignee') },
          ]}
          data-testid="board-grouping"
        />
        <Text size="xs" c="dimmed">
          {t('boardView.dragHint')}
        </Text>
      </Group>
      <CaseFiltersBar filter={filter} onChange={onFilter} />
      {refusal ? (
        <Alert color="orange" variant="light" withCloseButton onClose={() => setRefusal(null)} title={t('boardView.refusedTitle')} data-testid="board-refusal">
          {refusal}
        </Alert>
      ) : null}
      {board.loading && !board.data ? <Loader size="sm" /> : null}
      {!board.data && !board.loading ? <QueryError error={board.error} onRetry={board.reload} /> : null}
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" role="list" aria-label={t('boardView.label')} data-testid="case-board" data-grouping={groupBy}>
          {columns.map((column) => {
            const target = dragging ? boardMove(dragging, column) : null;
            const highlight = over === column.key && target ? (target.kind === 'refused' || (target.kind === 'none' && target.why === 'inactive') ? 'red' : target.kind === 'none' ? undefined : 'blue') : undefined;
            const more = column.counts.total - column.items.length;
            return (
              <Paper
                key={column.key}
                role="listitem"
                withBorder
                radius="md"
                p="sm"
                w={272}
                miw={272}
                bg="var(--mantine-color-default-hover)"
                style={highlight ? { outline: `2px dashed var(--mantine-color-${highlight}-filled)`, outlineOffset: -2 } : undefined}
                onDragOver={(event) => {
                  if (!dragging) return;
                  // Every column takes the drop, so a refused move is explained instead of silently bouncing.
                  event.preventDefault();
                  if (over !== column.key) setOver(column.key);
                }}
                onDragLeave={() => setOver((current) => (current === column.key ? null : current))}
                onDrop={(event) => {
                  event.preventDefault();
                  const item = dragging;
                  setDragging(null);
                  setOver(null);
                  if (item) void move(item, column);
                }}
                data-testid="board-column"
                data-column={column.key}
              >
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap" gap={4}>
                    <Text fw={600} size="sm" truncate="end">
                      {label(column)}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      {column.kind === 'staff' && column.role ? <RoleBadge role={column.role} /> : null}
                      {!column.active ? (
                        <Badge size="sm" color="gray" variant="outline" tt="none">
                          {t('boardView.inactive')}
                        </Badge>
                      ) : null}
                      <Badge size="sm" variant="light" tt="none" data-testid="column-total">
                        {t('boardView.total', { count: column.counts.total })}
                      </Badge>
                    </Group>
                  </Group>
                  {column.counts.breached + column.counts.warning + column.counts.paused > 0 ? (
                    <Group gap={4}>
                      {column.counts.breached > 0 ? (
                        <Badge size="xs" variant="filled" color="red" tt="none">
                          {t('board.breached', { count: column.counts.breached })}
                        </Badge>
                      ) : null}
                      {column.counts.warning > 0 ? (
                        <Badge size="xs" variant="light" color="orange" tt="none">
                          {t('board.warning', { count: column.counts.warning })}
                        </Badge>
                      ) : null}
                      {column.counts.paused > 0 ? (
                        <Badge size="xs" variant="light" color="gray" tt="none">
                          {t('board.paused', { count: column.counts.paused })}
                        </Badge>
                      ) : null}
                    </Group>
                  ) : null}
                  <ScrollArea.Autosize mah="calc(100dvh - 400px)" type="auto" offsetScrollbars>
                    <Stack gap={6} mih={60}>
                      {column.items.length === 0 ? (
                        <Text size="xs" c="dimmed" py="sm" ta="center">
                          {column.kind === 'staff' && column.active
                            ? t('boardView.emptyStaff', { name: column.name ?? '' })
                            : column.kind === 'status'
                              ? t('boardView.emptyStatus')
                              : t('boardView.emptyPool')}
                        </Text>
                      ) : (
                        column.items.map((item) => (
                          <BoardCard
                            key={item.caseId}
                            item={item}
                            columns={columns}
                            columnLabel={label}
                            onOpen={onOpen}
                            onMove={(card, to) => void move(card, to)}
                            onDragStart={setDragging}
                            onDragEnd={() => {
                              setDragging(null);
                              setOver(null);
                            }}
                          />
                        ))
                      )}
                    </Stack>
                  </ScrollArea.Autosize>
                  {more > 0 ? (
                    <Group gap={4} justify="space-between" wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {t('boardView.showing', { shown: column.items.length, total: column.counts.total })}
                      </Text>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() =>
                          onShowInList({
                            ...filter,
                            ...(column.kind === 'status' && column.status ? { statuses: [column.status] } : {}),
                            ...(column.kind === 'staff' ? { assignees: [`staff:${column.staffId}`] } : {}),
                            ...(column.kind === 'pool' && column.role ? { assignees: [`pool:${column.role}`] } : {}),
                          })
                        }
                      >
                        {t('boardView.openInList')}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
              </Paper>
            );
          })}
        </Group>
      </ScrollArea>
      <MoveDialog
        move={asking}
        busy={busy}
        onClose={() => setAsking(null)}
        onConfirm={(answers) => {
          if (!asking) return;
          void transition(asking.caseId, asking.to, answers).then(() => setAsking(null));
        }}
      />
    </Stack>
  );
}
