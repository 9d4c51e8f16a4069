import { Box, Group, NavLink, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../session/session-context';
import { AccessSettingsSection } from './access-settings-section';
import { ActivitySection } from './activity-section';
import { BackupsSection } from './backups-section';
import { DataSection } from './data-section';
import { PreferencesSection } from './preferences-section';
import { NotificationSettingsSection } from './notification-settings-section';
import { ShopsSection } from './shops-section';
import { SlaPoliciesSection } from './sla-policies-section';
import { WorkingHoursSection } from './working-hours-section';
import { WatchedFolderSection } from './watched-folder-section';
import { defaultSettingsSection, sectionOf, settingsSectionIds, settingsSections, type SettingsSectionId } from './settings-sections';

const sectionBody: Record<SettingsSectionId, () => ReactNode> = {
  shops: () => <ShopsSection />,
  access: () => <AccessSettingsSection />,
  sla: () => (
    <>
      <SlaPoliciesSection />
      <WorkingHoursSection />
    </>
  ),
  notifications: () => <NotificationSettingsSection />,
  watch: () => <WatchedFolderSection />,
  data: () => (
    <>
      <BackupsSection />
      <DataSection />
    </>
  ),
  preferences: () => <PreferencesSection />,
  activity: () => <ActivitySection />,
};

/** Up/Down (and Home/End) move between the section links, as in a desktop app's sidebar. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-section]'));
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : null;
  if (next === null || links.length === 0) return;
  event.preventDefault();
  links[(next + links.length) % links.length]!.focus();
}

/** 设置: one page per section (`/settings/<section>`), picked from the navigation on the left. */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const params = useParams();
  const session = useSession();
  const section = sectionOf(params['*']);
  // A new section moves the reading position to its top, like a new page.
  useEffect(() => {
    if (section) window.scrollTo({ top: 0 });
  }, [section]);
  if (!section) return <Navigate to={`/settings/${defaultSettingsSection}`} replace />;
  const owner = session.can('owner');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Box
          component="nav"
          aria-label={t('sections.navLabel')}
          w={196}
          miw={196}
          style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0px) + 16px)' }}
          onKeyDown={moveFocus}
          data-testid="settings-nav"
        >
          <Stack gap={2}>
            {settingsSectionIds.map((id) => (
              <NavLink
                key={id}
                component={Link}
                to={`/settings/${id}`}
                data-section={id}
                active={id === section}
                aria-current={id === section ? 'page' : undefined}
                label={t(settingsSections[id].label)}
                rightSection={settingsSections[id].ownerOnly && !owner ? <IconLock size={14} aria-label={t('sections.ownerOnly')} /> : null}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Stack>
        </Box>
        <Stack gap="lg" style={{ flex: 1, minWidth: 0 }} maw={1080} data-testid={`settings-section-${section}`}>
          <Text size="sm" c="dimmed">
            {t(settingsSections[section].hint)}
          </Text>
          {sectionBody[section]()}
        </Stack>
      </Group>
    </>
  );
}
