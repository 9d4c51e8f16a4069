import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/contract';
import { useApi } from '../api/api-context';

type Arrival = EventPayload<'data.arrived'>;
type Counts = Pick<Arrival, 'reviews' | 'cases' | 'alerts' | 'evidence'>;

const noticeId = 'data-arrived';
const empty: Counts = { reviews: 0, cases: 0, alerts: 0, evidence: 0 };

/**
 * Says what another process (the CLI, a second window's watched folder) just added; the views
 * themselves reload on the `data.changed` events sent with it. One notice that counts on while it
 * is shown, so a long import elsewhere updates one line instead of stacking a toast per poll; it
 * closes by itself and never asks for anything.
 */
export function ArrivalsNotice() {
  const api = useApi();
  const { t } = useTranslation();
  const shown = useRef<Counts | null>(null);

  useEffect(() => {
    const stop = api.subscribe('data.arrived', (arrival) => {
      if (arrival.reviews + arrival.cases + arrival.alerts + arrival.evidence === 0) return;
      const previous = shown.current ?? empty;
      const total: Counts = {
        reviews: previous.reviews + arrival.reviews,
        cases: previous.cases + arrival.cases,
        alerts: previous.alerts + arrival.alerts,
        evidence: previous.evidence + arrival.evidence,
      };
      const parts = [
        total.reviews > 0 ? t('arrivals.reviews', { count: total.reviews }) : null,
        total.cases > 0 ? t('arrivals.cases', { count: total.cases }) : null,
        total.alerts > 0 ? t('arrivals.alerts', { count: total.alerts }) : null,
        total.evidence > 0 ? t('arrivals.evidence', { count: total.evidence }) : null,
      ].filter((part): part is string => part !== null);
      const notice = {
        id: noticeId,
        title: t('arrivals.title'),
        message: <span data-testid="arrivals-notice">{parts.join(t('wordSeparator'))}</span>,
        color: 'blue',
        icon: <IconRefresh size={18} />,
        autoClose: 6000,
        onClose: () => {
          shown.current = null;
        },
      };
      if (shown.current) notifications.update(notice);
      else notifications.show(notice);
      shown.current = total;
    });
    return () => {
      stop();
      if (shown.current) notifications.hide(noticeId);
    };
  }, [api, t]);

  return null;
}
