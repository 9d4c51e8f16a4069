import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseListFilter, CaseListItem } from '../../../../../shared/contract';
import type { CaseListSort } from '../../../../../shared/domain/case-order';
import { useApi } from '../../../api/api-context';
import { noteServerNow } from '../../../components/case-sla/server-clock';

/** Rows per request (the contract allows up to 200). */
export const casePageSize = 100;
/** Changes come in bursts (an import, a bulk action); reload at most this often. */
const reloadIntervalMs = 1000;

interface PagesState {
  key: string;
  items: CaseListItem[];
  total: number;
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

export interface CasePages {
  items: CaseListItem[];
  /** Every case matching the filter, not only the loaded ones. */
  total: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

/** Keyset pages of cases.list, as the inbox pages reviews: the next page loads as the list nears its end. */
export function useCasePages(filter: CaseListFilter, sort: CaseListSort): CasePages {
  const api = useApi();
  const key = JSON.stringify([filter, sort]);
  const [state, setState] = useState<PagesState>({ key, items: [], total: 0, nextCursor: null, loading: true, loadingMore: false, error: null });
  const [generation, setGeneration] = useState(0);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  useEffect(() => {
    let current = true;
    const [queryFilter, querySort] = JSON.parse(key) as [CaseListFilter, CaseListSort];
    // A reload re-reads as many rows as were shown, so the list does not shrink under the reader.
    const shown = stateRef.current.key === key ? stateRef.current.items.length : 0;
    const limit = Math.min(200, Math.max(casePageSize, shown));
    api.call('cases.list', { filter: queryFilter, sort: querySort, limit }).then(
      (page) => {
        if (!current) return;
        noteServerNow(page.now);
        setState({ key, items: page.items, total: page.total, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null });
      },
      (error: unknown) => {
        if (current) setState((previous) => ({ ...previous, key, loading: false, loadingMore: false, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, key, generation]);

  const loadMore = useCallback(() => {
    const snapshot = stateRef.current;
    if (snapshot.loading || snapshot.loadingMore || !snapshot.nextCursor || snapshot.key !== key) return;
    const [queryFilter, querySort] = JSON.parse(key) as [CaseListFilter, CaseListSort];
    setState((previous) => ({ ...previous, loadingMore: true }));
    api.call('cases.list', { filter: queryFilter, sort: querySort, limit: casePageSize, cursor: snapshot.nextCursor }).then(
      (page) =>
        setState((previous) => {
          if (previous.key !== key || previous.nextCursor !== snapshot.nextCursor) return previous;
          // Keyset pages never overlap, but a case whose deadline moved between pages could: keep the first copy.
          const seen = new Set(previous.items.map((item) => item.caseId));
          return { ...previous, items: [...previous.items, ...page.items.filter((item) => !seen.has(item.caseId))], total: page.total, nextCursor: page.nextCursor, loadingMore: false };
        }),
      (error: unknown) => setState((previous) => ({ ...previous, loadingMore: false, error })),
    );
  }, [api, key]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(
        () => {
          timer = null;
          last = Date.now();
          reload();
        },
        Math.max(0, last + reloadIntervalMs - Date.now()),
      );
    };
    const stops = [
      api.subscribe('data.changed', ({ domain }) => {
        if (['reviews', 'cases', 'demo', 'imports', 'staff', 'sla'].includes(domain)) schedule();
      }),
      api.subscribe('sla.changed', schedule),
      api.subscribe('sla.fired', schedule),
    ];
    return () => {
      stops.forEach((stop) => stop());
      if (timer) clearTimeout(timer);
    };
  }, [api, reload]);

  const fresh = state.key === key;
  return {
    items: fresh ? state.items : [],
    total: fresh ? state.total : 0,
    hasMore: fresh && state.nextCursor !== null,
    loading: !fresh || state.loading,
    loadingMore: state.loadingMore,
    error: state.error,
    loadMore,
    reload,
  };
}
