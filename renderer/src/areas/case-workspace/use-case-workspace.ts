import { useApiQuery } from '../../api/use-api-query';
import { useCaseTimersFollow } from '../../components/case-sla/use-case-sla';

/** The whole case page in one call, reloaded when the case, its review or its timers change. */
export function useCaseWorkspace(caseId: number) {
  const query = useApiQuery('cases.getWorkspace', { caseId }, ['cases', 'reviews', 'sla', 'staff', 'settings']);
  useCaseTimersFollow(caseId, query.reload, query.data?.now);
  return query;
}
