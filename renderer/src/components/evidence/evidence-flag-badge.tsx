import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { flagReasons } from './evidence-format';

interface EvidenceFlagBadgeProps {
  item: EvidenceItem;
  /** Spell out the reasons next to the badge instead of only in its tooltip. @default false */
  withReasons?: boolean;
}

/** Warning for evidence whose content does not match its name, or that the app cannot show. Nothing when all is well. */
export function EvidenceFlagBadge({ item, withReasons = false }: EvidenceFlagBadgeProps) {
  const { t } = useTranslation('evidence');
  const reasons = flagReasons(item, t);
  if (reasons.length === 0) return null;
  const label = item.extensionMismatch ? t('flags.mismatchShort') : t('flags.unsupportedShort');
  const badge = (
    <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} />} data-testid="evidence-flag" title={reasons.join(' ')}>
      {label}
    </Badge>
  );
  if (withReasons) return badge;
  return (
    <Tooltip label={reasons.join(' ')} multiline maw={320}>
      {badge}
    </Tooltip>
  );
}
