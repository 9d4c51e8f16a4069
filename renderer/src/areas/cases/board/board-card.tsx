import { ActionIcon, Group, Menu, Paper, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsMove } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BoardViewColumn, CaseListItem } from '../../../../../shared/contract';
import { CategoryBadge } from '../../../components/badges/category-badge';
import { SlaCountdown } from '../../../components/case-sla/sla-countdown';
import { boardMove } from './board-moves';

interface BoardCardProps {
  item: CaseListItem;
  columns: BoardViewColumn[];
  columnLabel: (column: BoardViewColumn) => string;
  onOpen: (caseId: number) => void;
  onMove: (item: CaseListItem, column: BoardViewColumn) => void;
  onDragStart: (item: CaseListItem) => void;
  onDragEnd: () => void;
}

/** A case on the board: category, countdown, buyer; dragged to move, or moved from its menu by keyboard. */
export function BoardCard({ item, columns, columnLabel, onOpen, onMove, onDragStart, onDragEnd }: BoardCardProps) {
  const { t } = useTranslation('cases');
  const target = item.next ? (item.paused ? { ...item.next, state: 'paused' as const } : item.next) : null;
  return (
    <Paper
      withBorder
      radius="sm"
      p={8}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.setData('text/plain', String(item.caseId));
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(item);
      }}
      onDragEnd={onDragEnd}
      style={{ cursor: 'grab' }}
      data-testid="board-card"
      data-case-id={item.caseId}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} mb={4}>
        <UnstyledButton onClick={() => onOpen(item.caseId)} aria-label={t('open', { id: item.caseId })} style={{ minWidth: 0 }}>
          <Text size="xs" fw={600} truncate="end">
            {t('caseNo', { id: item.caseId })} · {item.buyerNick ?? item.shopName}
          </Text>
        </UnstyledButton>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {target ? <SlaCountdown compact target={target} /> : null}
          <Menu shadow="md" position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('boardView.moveMenu', { id: item.caseId })} data-testid={`move-menu-${item.caseId}`}>
                <IconArrowsMove size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
              <Menu.Label>{t('boardView.moveTo')}</Menu.Label>
              {columns.map((column) => {
                const move = boardMove(item, column);
                const disabled = move.kind === 'none' || move.kind === 'refused';
                return (
                  <Menu.Item key={column.key} disabled={disabled} onClick={() => onMove(item, column)} data-testid={`move-to-${column.key}`}>
                    {columnLabel(column)}
                  </Menu.Item>
                );
              })}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <UnstyledButton onClick={() => onOpen(item.caseId)} tabIndex={-1} w="100%">
        <Text size="sm" lineClamp={2}>
          {item.excerpt}
        </Text>
      </UnstyledButton>
      <Group gap={4} mt={4} justify="space-between" wrap="nowrap">
        <CategoryBadge category={item.category} />
        <Text size="xs" c="dimmed" truncate="end">
          {item.assigneeName ?? t('unassigned')}
        </Text>
      </Group>
    </Paper>
  );
}
