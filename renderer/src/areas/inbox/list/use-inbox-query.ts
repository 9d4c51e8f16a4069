import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { usePreferences } from '../../../preferences/preferences-context';
import { parseInboxQuery, patchInboxParams, toReviewFilters, type InboxQuery } from './inbox-query';

/** The inbox query held in the URL: parsed values, the API filters, and a setter. */
export function useInboxQuery() {
  const [params, setParams] = useSearchParams();
  const { timeZone } = usePreferences();
  const key = params.toString();
  const query = useMemo(() => parseInboxQuery(new URLSearchParams(key)), [key]);
  const filters = useMemo(() => toReviewFilters(query, timeZone), [query, timeZone]);

  const update = useCallback(
    // Replace, not push: every keystroke of a search should not become a Back step.
    (patch: Partial<InboxQuery>) => setParams((current) => patchInboxParams(current, patch), { replace: true }),
    [setParams],
  );

  return { query, filters, update };
}
