import { ActionIcon, Anchor, Badge, Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format/date-time';
import { refusalMessage } from './evidence-format';
import { EvidenceName } from './evidence-name';
import type { AddRow, AddRowStatus } from './use-evidence-adder';
import { addStatusKey } from './i18n/keys';

interface AddResultsListProps {
  /** Newest first, as useEvidenceAdder keeps them. */
  rows: readonly AddRow[];
  /** Opens the evidence a row became; without it names are plain text. */
  onOpen?: (evidenceId: number) => void;
  /** Hides the finished rows. */
  onClear?: () => void;
}

const progressOf: Record<AddRowStatus, number> = { queued: 5, uploading: 40, adding: 75, added: 100, duplicate: 100, refused: 100 };
const colorOf: Record<AddRowStatus, string> = {
  queued: 'gray',
  uploading: 'indigo',
  adding: 'indigo',
  added: 'teal',
  duplicate: 'blue',
  refused: 'red',
};

/** One line per dropped, picked or pasted file: its progress, then added, already there, or why it was refused. */
export function AddResultsList({ rows, onOpen, onClear }: AddResultsListProps) {
  const { t, i18n } = useTranslation('evidence');
  if (rows.length === 0) return null;
  const finished = rows.filter((row) => row.status === 'added' || row.status === 'duplicate' || row.status === 'refused').length;
  const refused = rows.filter((row) => row.status === 'refused').length;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="evidence-add-results" aria-label={t('add.resultsTitle')} component="section">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          {t('add.summary', { done: finished, total: rows.length })}
          {refused > 0 ? ` · ${t('add.refusedCount', { count: refused })}` : ''}
        </Text>
        {onClear && finished > 0 ? (
          <Tooltip label={t('add.clear')}>
            <ActionIcon variant="subtle" color="gray" onClick={onClear} aria-label={t('add.clear')}>
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        ) : null}
      </Group>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => {
          const done = row.status === 'added' || row.status === 'duplicate' || row.status === 'refused';
          return (
            <li key={row.key} data-testid="evidence-add-result" data-status={row.status}>
              <Group gap="sm" wrap="nowrap" justify="space-between">
                <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
                  {onOpen && row.evidenceId !== undefined ? (
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(row.evidenceId!)} style={{ minWidth: 0 }}>
                      <EvidenceName name={row.name} size="sm" />
                    </Anchor>
                  ) : (
                    <EvidenceName name={row.name} size="sm" />
                  )}
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {formatBytes(row.size)}
                  </Text>
                </Group>
                <Badge color={colorOf[row.status]} variant="light" style={{ flexShrink: 0 }}>
                  {t(addStatusKey[row.status])}
                </Badge>
              </Group>
              {done ? null : (
                <Progress value={progressOf[row.status]} size="xs" mt={4} animated striped aria-label={t('add.progress', { name: row.name })} />
              )}
              {row.status === 'refused' && row.refusal ? (
                <Text size="xs" c="red" mt={2}>
                  {refusalMessage(row.refusal, i18n, formatBytes)}
                </Text>
              ) : null}
              {row.status === 'duplicate' ? (
                <Text size="xs" c="dimmed" mt={2}>
                  {t('add.duplicateHint')}
                </Text>
              ) : null}
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
