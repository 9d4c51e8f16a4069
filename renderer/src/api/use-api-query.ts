import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload, MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { useApi } from './api-context';
import { takeEarlyAnswer } from './early-calls';

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
 * `domains`, so every open view stays current without polling. Reloads are single-flight: asked
 * for while a call is on its way, they become one more call after it answers. A long import
 * reports changes dozens of times a second; a view asks again only as fast as it is answered.
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  domains: readonly Domain[] | 'all',
): ApiQuery<MethodOutput<M>> {
  const api = useApi();
  // An answer already in from the window's early calls: the first render shows it, and the
  // first effect does not ask again.
  const [early] = useState(() => takeEarlyAnswer(api, method, input));
  const [data, setData] = useState<MethodOutput<M> | undefined>(early?.value);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(early === undefined);
  const answeredEarly = useRef(early !== undefined);
  const [generation, setGeneration] = useState(0);
  // Compare the input by value: callers pass fresh object literals on every render.
  const inputKey = JSON.stringify(input);
  const domainKey = domains === 'all' ? 'all' : domains.join(',');

  /** Calls made, the one on its way (0: none), and whether a reload was asked for meanwhile. */
  const flight = useRef({ made: 0, active: 0, again: false });

  const reload = useCallback(() => {
    if (flight.current.active !== 0) flight.current.again = true;
    else setGeneration((n) => n + 1);
  }, []);

  useEffect(() => {
    if (answeredEarly.current) {
      answeredEarly.current = false;
      return;
    }
    let current = true;
    const call = (flight.current.made += 1);
    flight.current.active = call;
    flight.current.again = false;
    const landed = () => {
      if (flight.current.active !== call) return;
      flight.current.active = 0;
      if (flight.current.again && current) setGeneration((n) => n + 1);
    };
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
    ).finally(landed);
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
