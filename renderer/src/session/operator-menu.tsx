import { Avatar, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconLogout, IconSwitchHorizontal, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { RoleBadge } from '../components/badges/role-badge';
import { notifySuccess } from '../components/notify';
import { useRunAction } from '../errors/use-run-action';
import { useSession } from './session-context';
import { SignInModal } from './sign-in-modal';

/** The header's current operator: avatar and name, with 切换 (switch) and 退出 (sign out). */
export function OperatorMenu() {
  const { t } = useTranslation();
  const api = useApi();
  const run = useRunAction();
  const session = useSession();
  const [picking, setPicking] = useState(false);
  const operator = session.operator;

  async function signOut() {
    const result = await run(() => api.call('auth.signOut', {}));
    if (!result) return;
    notifySuccess(t('signIn.signedOut'));
    session.reload();
  }

  return (
    <>
      {operator ? (
        <Menu position="bottom-end" withArrow shadow="md">
          <Menu.Target>
            <UnstyledButton data-testid="operator-menu" aria-label={`${t('signIn.current')}: ${operator.name}`}>
              <Group gap={8} wrap="nowrap">
                <Avatar size={30} radius="xl" color="indigo" name={operator.name} />
                <Text size="sm" fw={500} visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
                  {operator.name}
                </Text>
              </Group>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>
              <Group gap={6}>
                {t('signIn.current')} <RoleBadge role={operator.role} />
              </Group>
            </Menu.Label>
            <Menu.Item leftSection={<IconSwitchHorizontal size={16} />} onClick={() => setPicking(true)}>
              {t('signIn.switch')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()} data-testid="sign-out">
              {t('signIn.signOut')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : (
        <Button
          variant={session.requireSignIn ? 'filled' : 'default'}
          size="sm"
          radius="md"
          leftSection={<IconUserCircle size={18} />}
          onClick={() => setPicking(true)}
          title={session.requireSignIn ? t('signIn.required') : t('signIn.nobodyHint')}
          data-testid="sign-in-button"
        >
          {t('signIn.signInButton')}
        </Button>
      )}
      <SignInModal opened={picking || (session.loaded && session.requireSignIn && !operator)} onClose={() => setPicking(false)} onSignedIn={session.reload} />
    </>
  );
}
