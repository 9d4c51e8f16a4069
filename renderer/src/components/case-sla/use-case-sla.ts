import { useEffect } from 'react';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { noteServerNow } from './server-clock';

/** One case's SLA, reloaded when its timers change (`sla.changed`, `sla.fired`). */
export function useCaseSla(caseId: number) {
  const api = useApi();
  const query = useApiQuery('sla.getCase', { caseId }, ['sla', 'cases', 'settings']);
  const { reload, data } = query;
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
    if (data) noteServerNow(data.now);
  }, [data]);
  return query;
}
