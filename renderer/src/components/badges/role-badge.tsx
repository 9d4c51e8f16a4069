import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../shared/domain/roles';
import { roleKey } from '../../i18n/domain/keys';

const roleColors: Record<StaffRole, string> = {
  agent: 'blue',
  supervisor: 'violet',
  legal: 'orange',
  owner: 'teal',
};

interface RoleBadgeProps {
  /** The staff member's role; each has its own color. */
  role: StaffRole;
}

export function RoleBadge({ role }: RoleBadgeProps) {
  const { t } = useTranslation(['domain']);
  return (
    <Badge color={roleColors[role]} variant="light" radius="sm" tt="none">
      {t(roleKey[role])}
    </Badge>
  );
}
