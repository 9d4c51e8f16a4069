import { useEffect } from 'react';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { noteServerNow } from './server-clock';

/**
 * Reloads a query about one case whenever that case's timers change (`sla.changed`, `sla.fired`),
 * and notes the server's clock from its answer, so countdowns agree with the backend.
 */
export function useCaseTimersFollow(caseId: number, reload: () => void, now: number | undefined) {
  const api = useApi();
  useEffect(() => {
    const stopChanged = api.subscribe('sla.changed', ({ caseIds }) => {
      if (caseIds.length === 0 || caseIds.includes(caseId)) reload();
    });
    const stopFired = api.subscribe('sla.fired', (fired) => {
      if (fired.caseId === caseId) reload();
    });
    return () => {
      stopChanged();
      stopFired();
    };
  }, [api, caseId, reload]);
  useEffect(() => {
    if (now !== undefined) noteServerNow(now);
  }, [now]);
}

/** One case's SLA, reloaded when its timers change. */
export function useCaseSla(caseId: number) {
  const query = useApiQuery('sla.getCase', { caseId }, ['sla', 'cases', 'settings']);
  useCaseTimersFollow(caseId, query.reload, query.data?.now);
  return query;
}
