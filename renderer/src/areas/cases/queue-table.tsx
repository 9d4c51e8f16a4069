import { Button, Table, Text, UnstyledButton } from '@mantine/core';
import { IconHandGrab } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../../shared/contract';
import { CategoryBadge } from '../../components/badges/category-badge';
import { StatusBadge } from '../../components/badges/status-badge';
import { sortByUrgency } from '../../components/case-sla/countdown-logic';
import { SlaCountdown } from '../../components/case-sla/sla-countdown';
import { useServerNow } from '../../components/case-sla/server-clock';

interface QueueTableProps {
  items: QueueItem[];
  /** Opens a case's drawer. */
  onOpen: (caseId: number) => void;
  /** The pool's 认领 button per row (absent: no action column). */
  onClaim?: (caseId: number) => void;
  testId?: string;
}

/** My queue: most urgent first, each row with its live countdown. */
export function QueueTable({ items, onOpen, onClaim, testId = 'queue-table' }: QueueTableProps) {
  const { t } = useTranslation('cases');
  // Re-sort every few seconds as running cases cross into warning and breach.
  const now = useServerNow(5000);
  const sorted = sortByUrgency(items, now);
  return (
    <Table highlightOnHover verticalSpacing="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('colDue')}</Table.Th>
          <Table.Th>{t('colCase')}</Table.Th>
          <Table.Th>{t('colCategory')}</Table.Th>
          <Table.Th>{t('colStatus')}</Table.Th>
          <Table.Th>{t('colAssignee')}</Table.Th>
          {onClaim ? <Table.Th w={100} /> : null}
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
              <UnstyledButton onClick={() => onOpen(item.caseId)} aria-label={t('open', { id: item.caseId })}>
                <Text size="sm" fw={600}>
                  {t('caseNo', { id: item.caseId })} · {item.shopName}
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
                {item.assigneeName ?? t('unassigned')}
              </Text>
            </Table.Td>
            {onClaim ? (
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconHandGrab size={14} />}
                  onClick={(event) => {
                    // The row opens the case; the button only claims it.
                    event.stopPropagation();
                    onClaim(item.caseId);
                  }}
                  data-testid={`claim-${item.caseId}`}
                >
                  {t('pool.claim')}
                </Button>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
