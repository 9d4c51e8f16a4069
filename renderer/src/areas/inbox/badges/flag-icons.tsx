import { Group, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBolt, IconDevices, IconGavel, IconMoneybag, IconSwords, IconTruckReturn, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReviewFlag } from '../../../../../shared/contract';
import type { FlagType } from '../../../../../shared/domain/reviews';
import { useExplainFlag } from './flag-evidence';
import { flagKey } from '../i18n/keys';

export const flagIcons: Record<FlagType, Icon> = {
  extortion: IconMoneybag,
  competitor: IconSwords,
  burst: IconBolt,
  high_return_rate: IconTruckReturn,
  same_device: IconDevices,
  compliance_risk: IconGavel,
};

interface FlagIconsProps {
  /** The malicious-pattern flags raised on a case, each with the evidence behind it. */
  flags: readonly ReviewFlag[];
}

/** Compact flag marks for a list row; the tooltip carries the evidence so it is never hidden. */
export function FlagIcons({ flags }: FlagIconsProps) {
  const { t } = useTranslation('inbox');
  const explainFlag = useExplainFlag();
  if (flags.length === 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {flags.map((flag) => {
        const FlagIcon = flagIcons[flag.type];
        const label = t('flagWithEvidence', { flag: t(flagKey[flag.type]), evidence: explainFlag(flag) });
        return (
          <Tooltip key={flag.type} label={label} withArrow multiline maw={280}>
            <ThemeIcon size={22} radius="sm" color="red" variant="light" aria-label={label} role="img">
              <FlagIcon size={14} />
            </ThemeIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}
