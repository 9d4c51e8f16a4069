import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewLevel } from '../../../../shared/domain/reviews';
import { levelKey } from '../../i18n/domain/keys';

// Red, orange, green: the colors shop staff already read these levels in on every platform.
export const levelColors: Record<ReviewLevel, string> = { bad: 'red', neutral: 'orange', good: 'green' };

interface LevelBadgeProps {
  /** 差评 / 中评 / 好评. */
  level: ReviewLevel;
}

export function LevelBadge({ level }: LevelBadgeProps) {
  const { t } = useTranslation(['domain']);
  return (
    <Badge title={t(levelKey[level])} color={levelColors[level]} variant={level === 'bad' ? 'filled' : 'light'} radius="sm" tt="none" miw={44}>
      {t(levelKey[level])}
    </Badge>
  );
}
