import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, Severity } from '../../../../shared/domain/reviews';
import { severityKey, statusKey } from '../../i18n/domain/keys';

const statusColors: Record<CaseStatus, string> = {
  new: 'blue',
  contacting: 'cyan',
  solution_offered: 'violet',
  resolved: 'teal',
  guidance_sent: 'indigo',
  outcome: 'grape',
  closed: 'gray',
};

const severityColors: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };

interface StatusBadgeProps {
  /** The case's step in its lifecycle. */
  status: CaseStatus;
}

export function StatusBadge({ status }: StatusBadgeProps) {
  const { t } = useTranslation(['domain']);
  return (
    <Badge title={t(statusKey[status])} color={statusColors[status]} variant="dot" radius="sm" tt="none">
      {t(statusKey[status])}
    </Badge>
  );
}

interface SeverityBadgeProps {
  severity: Severity;
}

export function SeverityBadge({ severity }: SeverityBadgeProps) {
  const { t } = useTranslation(['domain']);
  return (
    <Badge color={severityColors[severity]} variant="outline" radius="sm" tt="none">
      {t(severityKey[severity])}
    </Badge>
  );
}
