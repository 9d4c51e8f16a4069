import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format/date-time';
import { dueSpan } from './due-time';

const toneColor = { overdue: 'red', soon: 'orange', later: undefined } as const;

interface DueTextProps {
  /** The case's next SLA deadline; null when it has none (closed, or timers not open). */
  dueAt: number | null;
  now: number;
  timeZone: string;
}

/** The due column: time left or overdue (红 past the deadline, 橙 within two hours), the instant on hover. */
export function DueText({ dueAt, now, timeZone }: DueTextProps) {
  const { t } = useTranslation('inbox');
  if (dueAt === null) {
    return (
      <Text size="xs" c="dimmed" aria-label={t('due.none')}>
        —
      </Text>
    );
  }
  const span = dueSpan(dueAt, now);
  const time =
    span.unit === 'days'
      ? t('due.days', { days: span.days, hours: span.hours })
      : span.unit === 'hours'
        ? t('due.hours', { hours: span.hours, minutes: span.minutes })
        : t('due.minutes', { minutes: span.minutes });
  return (
    <Text
      size="xs"
      c={toneColor[span.tone]}
      fw={span.tone === 'later' ? undefined : 600}
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      title={t('due.at', { at: formatDateTime(dueAt, timeZone) })}
      data-tone={span.tone}
      data-testid="due-time"
    >
      {span.overdue ? t('due.overdue', { time }) : t('due.left', { time })}
    </Text>
  );
}
