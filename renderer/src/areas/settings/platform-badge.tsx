import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlatformId } from '../../../../shared/domain/platforms';
import { platformKey } from '../../i18n/domain/keys';

// Close to each platform's own brand color, so shops are recognisable at a glance.
const platformColors: Record<PlatformId, string> = {
  taobao: 'orange',
  tmall: 'red',
  douyin: 'dark',
  jd: 'pink',
  pinduoduo: 'yellow',
  kuaishou: 'grape',
};

interface PlatformBadgeProps {
  /** The shop's platform. */
  platform: PlatformId;
}

export function PlatformBadge({ platform }: PlatformBadgeProps) {
  const { t } = useTranslation(['common', 'domain']);
  return (
    <Badge color={platformColors[platform]} variant="light" radius="sm" tt="none">
      {t(platformKey[platform])}
    </Badge>
  );
}
