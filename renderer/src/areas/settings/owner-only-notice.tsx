import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { roleKey } from '../../i18n/domain/keys';

/** True when the signed-in operator may change owner-only settings. */
export function useIsOwner(): boolean {
  return useSession().can('owner');
}

/** Explains why the controls below are disabled; renders nothing for the owner. */
export function OwnerOnlyNotice() {
  const { t } = useTranslation(['settings', 'domain']);
  const session = useSession();
  if (session.can('owner')) return null;
  return (
    <Alert color="gray" variant="light" icon={<IconLock size={18} />} data-testid="owner-only">
      {session.operator
        ? t('ownerOnly', { name: session.operator.name, role: t(roleKey[session.operator.role]) })
        : t('ownerOnlyNobody')}
    </Alert>
  );
}
