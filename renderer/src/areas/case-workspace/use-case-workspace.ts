import { useEffect } from 'react';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { noteServerNow } from '../../components/case-sla/server-clock';

/** The whole case page in one call, reloaded when the case, its review or its timers change. */
export function useCaseWorkspace(caseId: number) {
  const api = useApi();
  const query = useApiQuery('cases.getWorkspace', { caseId }, ['cases', 'reviews', 'sla', 'staff', 'settings']);
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
