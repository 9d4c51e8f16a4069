import { Badge, Button, Group, Modal, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { useRunAction } from '../errors/use-run-action';
import { formatDateTime } from '../format/date-time';
import { slaTargetKey } from '../i18n/domain/keys';
import { usePreferences } from '../preferences/preferences-context';

/**
 * 你不在的时候: after a restart or sleep, the warnings and breaches that fired while nobody was
 * looking, until acknowledged. Reloads when the backend reports an `away_summary` notification.
 */
export function AwaySummaryModal() {
  const { t } = useTranslation(['common', 'domain']);
  const api = useApi();
  const run = useRunAction();
  const navigate = useNavigate();
  const { timeZone, language } = usePreferences();
  const summary = useApiQuery('sla.awaySummary', {}, []);
  const { reload } = summary;
  const [dismissed, setDismissed] = useState(false);

  useEffect(
    () =>
      api.subscribe('notification.created', (note) => {
        if (note.kind === 'away_summary') {
          setDismissed(false);
          reload();
        }
      }),
    [api, reload],
  );

  const data = summary.data;
  const opened = !dismissed && !!data && data.items.length > 0;

  async function acknowledge() {
    setDismissed(true);
    await run(() => api.call('sla.ackAway', {}));
  }

  if (!data) return null;
  return (
    <Modal opened={opened} onClose={() => void acknowledge()} title={t('away.title')} centered size="lg">
      <Stack gap="sm" data-testid="away-summary">
        <Text size="sm">
          {data.since !== null
            ? t('away.intro', { since: formatDateTime(data.since, timeZone, language), warnings: data.counts.warnings, breaches: data.counts.breaches })
            : t('away.introNever')}
        </Text>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4}>
            {data.items.map((item) => (
              <UnstyledButton
                key={`${item.caseId}-${item.target}-${item.point}-${item.percent ?? 0}`}
                onClick={() => {
                  void acknowledge();
                  void navigate(`/cases?case=${item.caseId}`);
                }}
                p={6}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                aria-label={t('away.open', { id: item.caseId })}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Group gap={8} wrap="nowrap">
                    <Badge color={item.point === 'breach' ? 'red' : 'orange'} variant="light" tt="none" radius="sm">
                      {item.point === 'breach' ? t('away.breachPoint') : t('away.warningPoint', { percent: item.percent ?? 0 })}
                    </Badge>
                    <Text size="sm">
                      #{item.caseId} · {t(slaTargetKey[item.target])}
                    </Text>
                    {item.late ? (
                      <Badge color="gray" variant="outline" size="xs" tt="none">
                        {t('away.late')}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(item.dueAt, timeZone, language)}
                  </Text>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button onClick={() => void acknowledge()} data-testid="away-ack">
            {t('away.ack')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
