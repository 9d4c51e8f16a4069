import { IconBolt, IconDevices, IconGavel, IconMoneybag, IconSwords, IconTruckReturn, type Icon } from '@tabler/icons-react';
import type { FlagType } from '../../../../shared/domain/reviews';

/** The mark of each malicious-pattern flag, wherever flags are shown. */
export const flagIcons: Record<FlagType, Icon> = {
  extortion: IconMoneybag,
  competitor: IconSwords,
  burst: IconBolt,
  high_return_rate: IconTruckReturn,
  same_device: IconDevices,
  compliance_risk: IconGavel,
};
