import { Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../../shared/contract';
import { CategoryBadge } from '../inbox/badges/category-badge';
import { StatusBadge } from '../inbox/badges/status-badge';
import { sortByUrgency } from './sla/countdown-logic';
import { SlaCountdown } from './sla/sla-countdown';
import { useServerNow } from './sla/server-clock';

interface QueueTableProps {
  items: QueueItem[];
  /** Opens a case's drawer. */
  onOpen: (caseId: number) => void;
}

/** My queue: most urgent first, each row with its live countdown. */
export function QueueTable({ items, onOpen }: QueueTableProps) {
  const { t } = useTranslation();
  // Re-sort every few seconds as running cases cross into warning and breach.
  const now = useServerNow(5000);
  const sorted = sortByUrgency(items, now);
  return (
    <Table highlightOnHover verticalSpacing="sm" data-testid="queue-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('queue.colDue')}</Table.Th>
          <Table.Th>{t('queue.colCase')}</Table.Th>
          <Table.Th>{t('queue.colCategory')}</Table.Th>
          <Table.Th>{t('queue.colStatus')}</Table.Th>
          <Table.Th>{t('queue.colAssignee')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((item) => (
          <Table.Tr key={item.caseId} data-testid="queue-row" data-case-id={item.caseId} style={{ cursor: 'pointer' }} onClick={() => onOpen(item.caseId)}>
            <Table.Td w={190}>
              {item.next ? (
                <SlaCountdown target={item.paused ? { ...item.next, state: 'paused' } : item.next} />
              ) : (
                <SlaCountdown target={{ state: 'met', dueAt: null, remainingMs: 0 }} />
              )}
            </Table.Td>
            <Table.Td>
              <UnstyledButton onClick={() => onOpen(item.caseId)} aria-label={t('queue.open', { id: item.caseId })}>
                <Text size="sm" fw={600}>
                  {t('queue.caseNo', { id: item.caseId })} · {item.shopName}
                </Text>
                <Text size="sm" c="dimmed" lineClamp={1} maw={460}>
                  {item.excerpt}
                </Text>
              </UnstyledButton>
            </Table.Td>
            <Table.Td>
              <CategoryBadge category={item.category} />
            </Table.Td>
            <Table.Td>
              <StatusBadge status={item.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={item.assigneeName ? undefined : 'dimmed'}>
                {item.assigneeName ?? t('queue.unassigned')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
