import { IconAlarm, IconBellRinging } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EventPayload, NotificationPreferences } from '../../../shared/contract';
import { notificationEventOf, type NotificationTab } from '../../../shared/domain/sla';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';
import { groupWords, notificationWords } from './notification-words';
import { ToastBody } from './toast-body';
import { playAlertTone } from './tone';
import { toastStack } from './toast-stack';

type Created = EventPayload<'notification.created'>;

/** What a toast is about: the case (so its breach replaces its warning), else its group, else itself. */
export function toastKey(note: Pick<Created, 'id' | 'caseId' | 'groupKey' | 'groupCount'>): string {
  if (note.groupCount > 1 && note.groupKey) return `notification-group-${note.groupKey}`;
  if (note.caseId !== null) return `notification-case-${note.caseId}`;
  return `notification-${note.id}`;
}

/** The tab a notification is listed on, to open the centre there. */
export const tabOf = (kind: Created['kind']): NotificationTab => (kind === 'review_alert' ? 'alerts' : kind === 'watch_failed' ? 'all' : 'sla');

/**
 * Every new notification (SLA point, monitor alert, failed watched file …) pops up as a toast
 * through the window's one toast stack, unless the person at the desk chose "centre only" for its
 * event; one standing for a group names its count and opens the centre. Urgent ones with sound
 * play a tone while the window has focus. A desktop notification clicked in the main process
 * arrives as `app.navigate`: its case, or the centre.
 */
export function useNotificationToasts(openCentre: (tab: NotificationTab) => void, reload: () => void): void {
  const { t } = useTranslation(['common', 'domain']);
  const api = useApi();
  const navigate = useNavigate();
  const preferences = useApiQuery('notifications.getPreferences', {}, ['notifications', 'auth', 'staff']);
  const reloadPreferences = preferences.reload;
  useEffect(() => api.subscribe('auth.changed', () => reloadPreferences()), [api, reloadPreferences]);
  // Read by the event handler at the moment a notification arrives, without re-subscribing.
  const choices = useRef<NotificationPreferences | undefined>(undefined);
  useEffect(() => {
    choices.current = preferences.data;
  }, [preferences.data]);

  useEffect(() => {
    const stopCreated = api.subscribe('notification.created', (note) => {
      reload();
      const channel = choices.current?.channels[notificationEventOf(note.kind, note.params)];
      if (channel === 'centre') return;
      if (note.sound && note.urgent && document.hasFocus()) playAlertTone();
      const key = toastKey(note);
      const group = note.groupCount > 1;
      const words = notificationWords(t, note);
      const route = group ? null : note.route;
      const label = route?.startsWith('/cases/') ? t('notifications.open') : route?.startsWith('/inbox') ? t('notifications.openReview') : t('notifications.title');
      toastStack.show({
        key,
        urgent: note.urgent,
        color: note.kind === 'sla_warning' || note.kind === 'review_alert' ? 'orange' : 'red',
        icon: note.kind === 'review_alert' ? <IconBellRinging size={18} /> : <IconAlarm size={18} />,
        title: group ? groupWords(t, note, note.groupCount) : words.title,
        message: (
          <ToastBody
            text={group ? null : words.body}
            actionLabel={label}
            onAction={() => {
              toastStack.hide(key);
              if (route && route !== '/notifications') {
                void navigate(route);
                void api.call('notifications.markRead', { ids: [note.id] }).catch(() => undefined);
              } else {
                openCentre(tabOf(note.kind));
              }
            }}
          />
        ),
      });
    });
    const stopNavigate = api.subscribe('app.navigate', ({ route }) => {
      if (route === '/notifications') openCentre('all');
      else void navigate(route);
    });
    return () => {
      stopCreated();
      stopNavigate();
    };
  }, [api, reload, navigate, t, openCentre]);
}
