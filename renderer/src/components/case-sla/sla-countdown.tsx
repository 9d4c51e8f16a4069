import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconClockPause, IconClockCheck, IconClockExclamation, IconClock, IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SlaTargetState } from '../../../../shared/domain/sla';
import { formatDateTime } from '../../format/date-time';
import { slaStateKey } from '../../i18n/domain/keys';
import { usePreferences } from '../../preferences/preferences-context';
import { formatRemaining, liveRemaining, liveState, stateColors, type CountdownInput } from './countdown-logic';
import { useServerNow } from './server-clock';

const stateIcons: Record<SlaTargetState, typeof IconClock> = {
  running: IconClock,
  warning: IconAlarm,
  breached: IconClockExclamation,
  paused: IconClockPause,
  met: IconClockCheck,
};

interface SlaCountdownProps {
  /** The target as the server last described it. */
  target: CountdownInput;
  /** Smaller text for dense rows; default false. */
  compact?: boolean;
  testId?: string;
}

/** A live countdown to a deadline, ticking every second on the server's clock, coloured by state. */
export function SlaCountdown({ target, compact = false, testId = 'sla-countdown' }: SlaCountdownProps) {
  const { t } = useTranslation(['common', 'domain']);
  const { timeZone, language } = usePreferences();
  const now = useServerNow();
  const state = liveState(target, now);
  const remaining = liveRemaining(target, now);
  const Icon = stateIcons[state];
  const color = stateColors[state];
  const label = state === 'met' ? t(slaStateKey.met) : formatRemaining(remaining);
  const badge = (
    <Badge
      color={color}
      variant={state === 'breached' ? 'filled' : 'light'}
      radius="sm"
      tt="none"
      size={compact ? 'md' : 'lg'}
      leftSection={<Icon size={compact ? 12 : 14} aria-hidden />}
      data-testid={testId}
      data-state={state}
      aria-label={t('sla.countdown.aria', { state: t(slaStateKey[state]), time: label })}
      // Never an ellipsis: a cut countdown (-69:3…) reads as another time. The badge wraps to its own line instead.
      styles={{ root: { flexShrink: 0, maxWidth: 'none' }, label: { fontVariantNumeric: 'tabular-nums', overflow: 'visible' } }}
    >
      <Group gap={6} wrap="nowrap">
        <Text span inherit>
          {label}
        </Text>
        {!compact ? (
          <Text span inherit fw={500}>
            {t(slaStateKey[state])}
          </Text>
        ) : null}
      </Group>
    </Badge>
  );
  if (target.dueAt === null) return badge;
  return <Tooltip label={t('sla.countdown.due', { at: formatDateTime(target.dueAt, timeZone, language) })}>{badge}</Tooltip>;
}
