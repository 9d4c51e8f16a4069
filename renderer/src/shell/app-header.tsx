import { Burger, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ColorSchemeSwitch } from '../preferences/color-scheme-switch';
import { LanguageSwitch } from '../preferences/language-switch';
import { NotificationCentre } from '../notifications/notification-centre';
import { OperatorMenu } from '../session/operator-menu';

interface AppHeaderProps {
  /** Whether the navbar drawer is open on narrow windows. */
  navOpened: boolean;
  /** Toggles the navbar drawer on narrow windows. */
  onToggleNav: () => void;
}

export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
        <ThemeIcon size={34} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'violet', deg: 135 }}>
          <IconMessageReport size={20} aria-hidden />
        </ThemeIcon>
        <Group gap={8} align="baseline" wrap="nowrap">
          <Title order={2} size="h4" style={{ whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Title>
          <Text size="sm" c="dimmed" visibleFrom="xs" style={{ whiteSpace: 'nowrap' }}>
            {t('app.secondaryName')}
          </Text>
        </Group>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <NotificationCentre />
        <LanguageSwitch />
        <ColorSchemeSwitch />
        <OperatorMenu />
      </Group>
    </Group>
  );
}
