import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
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

/** 设置: shops, preferences, data and recent activity. */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="lg" maw={1080}>
        <ShopsSection />
        <WatchedFolderSection />
        <SlaPoliciesSection />
        <WorkingHoursSection />
        <NotificationSettingsSection />
        <AccessSettingsSection />
        <PreferencesSection />
        <BackupsSection />
        <DataSection />
        <ActivitySection />
      </Stack>
    </>
  );
}
