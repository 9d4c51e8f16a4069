import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { staffRoles, type StaffRole } from '../../../../shared/domain/roles';
import { roleKey } from '../../i18n/domain/keys';

interface RoleSelectProps {
  value: StaffRole;
  onChange: (role: StaffRole) => void;
  /** Inline message from the server, if the role was refused. */
  error?: string;
}

/** Role picker labelled 角色 / Role; a native select, so keyboards and Playwright drive it easily. */
export function RoleSelect({ value, onChange, error }: RoleSelectProps) {
  const { t } = useTranslation(['team', 'domain']);
  return (
    <NativeSelect
      label={t('role')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as StaffRole)}
      data={staffRoles.map((role) => ({ value: role, label: t(roleKey[role]) }))}
      error={error}
      miw={160}
    />
  );
}
