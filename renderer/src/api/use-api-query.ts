import { useCallback, useEffect, useState } from 'react';
import type { EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { useApi } from './api-context';

type Domain = EventPayload<'data.changed'>['domain'];

export interface ApiQuery<T> {
  data: T | undefined;
  error: unknown;
  /** True until the first answer (later reloads keep showing the previous data). */
  loading: boolean;
  reload: () => void;
}

/**
 * Loads one method's result and reloads it whenever the backend reports a change in one of
 * `domains`, so every open view stays current without polling.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  domains: readonly Domain[] | 'all',
): ApiQuery<MethodOutput<M>> {
  const api = useApi();
  const [data, setData] = useState<MethodOutput<M>>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // Compare the input by value: callers pass fresh object literals on every render.
  const inputKey = JSON.stringify(input);
  const domainKey = domains === 'all' ? 'all' : domains.join(',');

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    api.call(method, JSON.parse(inputKey) as MethodInput<M>).then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (!current) return;
        setError(cause);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, method, inputKey, generation]);

  useEffect(() => {
    const wanted = domainKey === 'all' ? null : domainKey.split(',');
    return api.subscribe('data.changed', ({ domain }) => {
      if (!wanted || wanted.includes(domain)) reload();
    });
  }, [api, domainKey, reload]);

  return { data, error, loading, reload };
}
