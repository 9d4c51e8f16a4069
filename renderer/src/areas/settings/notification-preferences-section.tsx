import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/section-card';
import { NotificationPreferencesForm } from '../../notifications/notification-preferences-form';

/**
 * 通知设置 as a settings section: each person's choice of desktop notification, window notice or
 * centre only per event. The same form opens from the notification centre's 通知设置 button.
 */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('notifications.preferences.title')}>
      <NotificationPreferencesForm />
    </SectionCard>
  );
}
