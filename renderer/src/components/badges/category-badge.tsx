import { Badge } from '@mantine/core';
import { IconHandFinger } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import { categoryKey } from '../../i18n/domain/keys';

const categoryColors: Record<CaseCategory, string> = {
  logistics: 'blue',
  quality: 'grape',
  mismatch: 'cyan',
  wrong_item: 'indigo',
  service: 'yellow',
  malicious: 'red',
  other: 'gray',
};

interface CategoryBadgeProps {
  category: CaseCategory;
  /** Marks a category a person chose, which the rules no longer change. @default false */
  manual?: boolean;
}

export function CategoryBadge({ category, manual = false }: CategoryBadgeProps) {
  const { t } = useTranslation(['domain']);
  return (
    <Badge
      color={categoryColors[category]}
      variant="light"
      radius="sm"
      tt="none"
      rightSection={manual ? <IconHandFinger size={12} aria-label={t('domain:manualCategory')} /> : null}
    >
      {t(categoryKey[category])}
    </Badge>
  );
}
