import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, Severity } from '../../../../../shared/domain/reviews';

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
  const { t } = useTranslation();
  return (
    <Badge title={t(`inbox.statuses.${status}`)} color={statusColors[status]} variant="dot" radius="sm" tt="none">
      {t(`inbox.statuses.${status}`)}
    </Badge>
  );
}

interface SeverityBadgeProps {
  severity: Severity;
}

export function SeverityBadge({ severity }: SeverityBadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={severityColors[severity]} variant="outline" radius="sm" tt="none">
      {t(`inbox.severities.${severity}`)}
    </Badge>
  );
}
