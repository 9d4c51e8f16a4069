import { useCallback, useEffect, useRef, useState } from 'react';
import type { Review, ReviewFilters } from '../../../../../shared/contract';
import { useApi } from '../../../api/api-context';
import { takeEarlyAnswer } from '../../../api/early-calls';
import type { InboxSort } from './inbox-query';

/** Rows per request; one page fills a tall window twice, and the contract allows up to 200. */
export const pageSize = 100;
/** Imports report changes in bursts; reload the list at most this often. */
const reloadIntervalMs = 1000;

type Highlights = Record<string, [number, number][]>;

interface PagesState {
  /** The query these rows belong to; a late answer for an older query is dropped. */
  key: string;
  items: Review[];
  highlights: Highlights;
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

export interface ReviewPages {
  items: Review[];
  highlights: Highlights;
  hasMore: boolean;
  /** True until the first page of the current query has arrived. */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

/**
 * Keyset pages of reviews.list: the first page alone decides when rows appear (the slower
 * reviews.count is asked separately), later pages load as the list scrolls near its end.
 */
export function useReviewPages(filters: ReviewFilters, sort: InboxSort): ReviewPages {
  const api = useApi();
  const key = JSON.stringify([filters, sort]);
  const [state, setState] = useState<PagesState>(() => {
    // The window's early call for this first page may have answered already: start with its rows.
    const early = takeEarlyAnswer(api, 'reviews.list', { filters, sort, limit: pageSize });
    return {
      key,
      items: early?.value.items ?? [],
      highlights: early?.value.highlights ?? {},
      nextCursor: early?.value.nextCursor ?? null,
      loading: early === undefined,
      loadingMore: false,
      error: null,
    };
  });
  // The first page came with the state: the first effect does not ask for it again.
  const answeredEarly = useRef(!state.loading);
  const [generation, setGeneration] = useState(0);
  // Read by loadMore and reloads without making them change (and re-run) on every page.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  // First page: on a new query, and again (keeping the rows on screen) when the data changes.
  useEffect(() => {
    if (answeredEarly.current) {
      answeredEarly.current = false;
      return;
    }
    let current = true;
    const [queryFilters, querySort] = JSON.parse(key) as [ReviewFilters, InboxSort];
    // A reload re-reads as many rows as were shown (up to the contract's limit) so the list does not shrink under the reader.
    const shown = stateRef.current.key === key ? stateRef.current.items.length : 0;
    const limit = Math.min(200, Math.max(pageSize, shown));
    api.call('reviews.list', { filters: queryFilters, sort: querySort, limit }).then(
      (page) => {
        if (!current) return;
        setState({ key, items: page.items, highlights: page.highlights, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null });
      },
      (error: unknown) => {
        if (!current) return;
        setState((previous) => ({ ...previous, key, loading: false, loadingMore: false, error }));
      },
    );
    return () => {
      current = false;
    };
  }, [api, key, generation]);

  const loadMore = useCallback(() => {
    const snapshot = stateRef.current;
    if (snapshot.loading || snapshot.loadingMore || !snapshot.nextCursor || snapshot.key !== key) return;
    const [queryFilters, querySort] = JSON.parse(key) as [ReviewFilters, InboxSort];
    setState((previous) => ({ ...previous, loadingMore: true }));
    api.call('reviews.list', { filters: queryFilters, sort: querySort, limit: pageSize, cursor: snapshot.nextCursor }).then(
      (page) => {
        setState((previous) => {
          if (previous.key !== key || previous.nextCursor !== snapshot.nextCursor) return previous;
          // Keyset pages never overlap, but a row edited between pages could; keep the first copy.
          const seen = new Set(previous.items.map((item) => item.id));
          return {
            ...previous,
            items: [...previous.items, ...page.items.filter((item) => !seen.has(item.id))],
            highlights: { ...previous.highlights, ...page.highlights },
            nextCursor: page.nextCursor,
            loadingMore: false,
          };
        });
      },
      (error: unknown) => setState((previous) => ({ ...previous, loadingMore: false, error })),
    );
  }, [api, key]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const schedule = () => {
      if (timer) return;
      const wait = Math.max(0, last + reloadIntervalMs - Date.now());
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        reload();
      }, wait);
    };
    const stop = api.subscribe('data.changed', ({ domain }) => {
      if (domain === 'reviews' || domain === 'demo' || domain === 'imports') schedule();
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [api, reload]);

  const fresh = state.key === key;
  return {
    items: fresh ? state.items : [],
    highlights: fresh ? state.highlights : {},
    hasMore: fresh && state.nextCursor !== null,
    loading: !fresh || state.loading,
    loadingMore: state.loadingMore,
    error: state.error,
    loadMore,
    reload,
  };
}
