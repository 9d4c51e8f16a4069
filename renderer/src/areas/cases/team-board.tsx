import { Badge, Group, Paper, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { RoleBadge } from '../../components/badges/role-badge';
import { CategoryBadge } from '../../components/badges/category-badge';
import { sortByUrgency } from '../../components/case-sla/countdown-logic';
import { SlaCountdown } from '../../components/case-sla/sla-countdown';
import { useServerNow } from '../../components/case-sla/server-clock';

type Column = MethodOutput<'cases.board'>['columns'][number];

interface TeamBoardProps {
  columns: Column[];
  onOpen: (caseId: number) => void;
}

/** 团队看板: one column per assignee (and one for unassigned) with counts and cases by urgency. */
export function TeamBoard({ columns, onOpen }: TeamBoardProps) {
  const { t } = useTranslation('cases');
  const now = useServerNow(5000);
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group align="flex-start" wrap="nowrap" gap="md" data-testid="team-board">
        {columns.map((column) => (
          <Paper key={column.assigneeId ?? 'none'} withBorder radius="md" p="sm" w={300} miw={300} data-testid="board-column">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} truncate="end">
                  {column.name ?? t('board.unassigned')}
                </Text>
                {column.role ? <RoleBadge role={column.role} /> : null}
              </Group>
              <Group gap={4}>
                <Badge size="sm" variant="light" color="blue" tt="none">
                  {t('board.open', { count: column.counts.open })}
                </Badge>
                {column.counts.warning > 0 ? (
                  <Badge size="sm" variant="light" color="orange" tt="none">
                    {t('board.warning', { count: column.counts.warning })}
                  </Badge>
                ) : null}
                {column.counts.breached > 0 ? (
                  <Badge size="sm" variant="filled" color="red" tt="none">
                    {t('board.breached', { count: column.counts.breached })}
                  </Badge>
                ) : null}
                {column.counts.paused > 0 ? (
                  <Badge size="sm" variant="light" color="gray" tt="none">
                    {t('board.paused', { count: column.counts.paused })}
                  </Badge>
                ) : null}
              </Group>
              {column.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('board.empty')}
                </Text>
              ) : (
                sortByUrgency(column.items, now).map((item) => (
                  <UnstyledButton
                    key={item.caseId}
                    onClick={() => onOpen(item.caseId)}
                    aria-label={t('open', { id: item.caseId })}
                    p={8}
                    style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}
                  >
                    <Group justify="space-between" wrap="nowrap" mb={4}>
                      <Text size="xs" fw={600}>
                        {t('caseNo', { id: item.caseId })}
                      </Text>
                      {item.next ? <SlaCountdown compact target={item.paused ? { ...item.next, state: 'paused' } : item.next} /> : null}
                    </Group>
                    <Text size="sm" lineClamp={2}>
                      {item.excerpt}
                    </Text>
                    <Group gap={4} mt={4}>
                      <CategoryBadge category={item.category} />
                    </Group>
                  </UnstyledButton>
                ))
              )}
            </Stack>
          </Paper>
        ))}
      </Group>
    </ScrollArea>
  );
}
