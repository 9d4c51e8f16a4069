import { Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSla, SlaHistoryEntry } from '../../../../shared/contract';
import { staffRoles, type StaffRole } from '../../../../shared/domain/roles';
import { formatDateTime } from '../../format/date-time';
import { categoryKey, pauseReasonKey, roleKey, slaTargetKey } from '../../i18n/domain/keys';
import { usePreferences } from '../../preferences/preferences-context';
import { stateColors } from './countdown-logic';
import { historyKey } from './sla-keys';
import { SlaCountdown } from './sla-countdown';

const isStaffRole = (value: string): value is StaffRole => (staffRoles as readonly string[]).includes(value);

interface SlaPanelProps {
  /** The case's SLA as sla.getCase (or a lifecycle action) returned it. */
  sla: CaseSla;
  /** Show the SLA history under the targets; the case workspace has its own. @default true */
  withHistory?: boolean;
}

function historyColor(entry: SlaHistoryEntry): string {
  if (entry.kind === 'breach' || entry.kind === 'escalated') return 'red';
  if (entry.kind === 'warning') return 'orange';
  if (entry.kind === 'met') return 'teal';
  if (entry.kind === 'paused' || entry.kind === 'resumed') return 'gray';
  return 'blue';
}

/** Each target with its state, due time and live countdown, then the SLA history of the case. */
export function SlaPanel({ sla, withHistory = true }: SlaPanelProps) {
  const { t } = useTranslation(['common', 'domain']);
  const { timeZone, language } = usePreferences();
  const at = (ms: number) => formatDateTime(ms, timeZone, language);
  // Escalations and pools name a role ("supervisor"): shown in the reader's words.
  const detailWords = (entry: SlaHistoryEntry) => (entry.detail && isStaffRole(entry.detail) ? t(roleKey[entry.detail]) : entry.detail);
  return (
    <Stack gap="sm" data-testid="sla-panel">
      <Text size="xs" c="dimmed">
        {t('sla.panel.policy', { category: t(categoryKey[sla.category]), version: sla.policy.version })}
        {sla.policy.current ? '' : t('sla.panel.policyOutdated')}
      </Text>
      {sla.paused ? (
        <Badge color="gray" variant="light" tt="none" radius="sm" w="fit-content">
          {t('sla.panel.pausedSince', { reason: t(pauseReasonKey[sla.paused.reason]), at: at(sla.paused.since) })}
        </Badge>
      ) : null}
      {/* One card per target, its parts wrapping: a table squeezed the countdown to "-69:3" in a narrow pane. */}
      <Stack gap={6}>
        {sla.targets.map((target) => (
          <Paper key={target.kind} withBorder radius="sm" px="sm" py={6} data-testid={`sla-target-${target.kind}`} data-state={target.state}>
            <Group justify="space-between" align="flex-start" wrap="wrap" gap={6}>
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {t(slaTargetKey[target.kind])}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('sla.panel.minutes', { minutes: target.targetMinutes })}
                  {target.businessHours ? ` · ${t('sla.panel.businessHours')}` : ''}
                </Text>
              </div>
              <SlaCountdown
                compact
                testId={`sla-countdown-${target.kind}`}
                target={{ state: target.state, dueAt: target.dueAt, remainingMs: target.remainingMs, warnAt: target.warnAt.map((point) => point.at) }}
              />
            </Group>
            <Group gap={6} wrap="wrap" mt={4} align="center">
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('sla.panel.due')} {target.metAt !== null ? at(target.metAt) : target.dueAt !== null ? at(target.dueAt) : '—'}
              </Text>
              {target.warnAt.length > 0 ? (
                <Group gap={4} wrap="wrap" aria-label={t('sla.panel.warnPoints')}>
                  {target.warnAt.map((point) => (
                    <Badge
                      key={point.percent}
                      size="xs"
                      radius="sm"
                      tt="none"
                      variant={point.firedAt !== null ? 'filled' : 'outline'}
                      color={point.firedAt !== null ? stateColors.warning : 'gray'}
                      title={point.at !== null ? `${t('sla.panel.warnPoints')} ${at(point.at)}` : t('sla.panel.warnPoints')}
                    >
                      {point.percent}%{point.late ? ` · ${t('sla.panel.late')}` : ''}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
      {sla.firstResponseAt !== null ? (
        <Text size="xs" c="dimmed">
          {t('sla.panel.firstResponseAt', { at: at(sla.firstResponseAt) })}
        </Text>
      ) : null}
      {withHistory ? (
        <>
          <Text size="xs" fw={700} c="dimmed">
            {t('sla.panel.history')}
          </Text>
          {sla.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('sla.panel.noHistory')}
            </Text>
          ) : (
            <Timeline bulletSize={12} lineWidth={2} data-testid="sla-history">
              {sla.history.map((entry, index) => (
                <Timeline.Item key={`${entry.at}-${index}`} color={historyColor(entry)} title={
                  <Text size="sm" fw={500}>
                    {entry.kind === 'warning' ? t('sla.history.warning', { percent: entry.percent ?? 0 }) : t(historyKey[entry.kind])}
                    {entry.target ? ` · ${t(slaTargetKey[entry.target])}` : ''}
                    {entry.late ? ` · ${t('sla.panel.late')}` : ''}
                  </Text>
                }>
                  <Text size="xs" c="dimmed">
                    {at(entry.at)} · {entry.actor}
                    {entry.detail ? ` · ${detailWords(entry)}` : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </>
      ) : null}
    </Stack>
  );
}
