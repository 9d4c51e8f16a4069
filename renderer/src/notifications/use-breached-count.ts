import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { useApi } from '../api/api-context';
import { useApiQuery } from '../api/use-api-query';

type Summary = MethodOutput<'sla.summary'>;

/** Breached open cases: from sla.summary, then live from `badge.changed` until the next summary. */
export function useBreachedCount(): number {
  const api = useApi();
  const summary = useApiQuery('sla.summary', {}, ['sla', 'cases', 'reviews', 'demo']);
  const { reload, data } = summary;
  // A push counts only against the summary it arrived after; a fresher summary wins.
  const [pushed, setPushed] = useState<{ breached: number; basis: Summary | undefined } | null>(null);
  useEffect(
    () =>
      api.subscribe('badge.changed', ({ breached }) => {
        setPushed({ breached, basis: data });
        reload();
      }),
    [api, data, reload],
  );
  if (pushed && pushed.basis === data) return pushed.breached;
  return data?.breached ?? 0;
}
