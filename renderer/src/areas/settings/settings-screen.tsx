import { Box, Flex, NavLink, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
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
import { NotificationPreferencesSection } from './notification-preferences-section';
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
  notifications: () => (
    <>
      <NotificationPreferencesSection />
      <NotificationSettingsSection />
    </>
  ),
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

/** Up/Down (Left/Right when they wrap in a row; Home/End) move between the section links, as in a desktop app's sidebar. */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  const links = Array.from(event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-section]'));
  const index = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    event.key === 'ArrowDown' || event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : null;
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
  const narrow = useMediaQuery('(max-width: 1279px)', undefined, { getInitialValueInEffect: false }) ?? false;
  // A new section moves the reading position to its top, like a new page.
  useEffect(() => {
    if (section) window.scrollTo({ top: 0 });
  }, [section]);
  if (!section) return <Navigate to={`/settings/${defaultSettingsSection}`} replace />;
  const owner = session.can('owner');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex direction={narrow ? 'column' : 'row'} align={narrow ? 'stretch' : 'flex-start'} gap={narrow ? 'md' : 'lg'}>
        <Box
          component="nav"
          aria-label={t('sections.navLabel')}
          w={narrow ? undefined : 196}
          miw={narrow ? undefined : 196}
          style={narrow ? undefined : { position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0px) + 16px)' }}
          onKeyDown={moveFocus}
          data-testid="settings-nav"
        >
          {/* Beside the page when there is room; above it, wrapping, on a narrow window so tables keep their width. */}
          <Flex direction={narrow ? 'row' : 'column'} wrap={narrow ? 'wrap' : 'nowrap'} gap={narrow ? 4 : 2}>
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
                w={narrow ? 'auto' : undefined}
                style={{ borderRadius: 'var(--mantine-radius-md)', whiteSpace: 'nowrap' }}
              />
            ))}
          </Flex>
        </Box>
        <Stack gap="lg" style={{ flex: 1, minWidth: 0 }} maw={1080} data-testid={`settings-section-${section}`}>
          <Text size="sm" c="dimmed">
            {t(settingsSections[section].hint)}
          </Text>
          {sectionBody[section]()}
        </Stack>
      </Flex>
    </>
  );
}
