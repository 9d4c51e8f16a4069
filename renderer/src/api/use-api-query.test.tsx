// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import { ApiProvider } from './api-context';
import { createApiClient, type ApiClient } from './client';
import { withEarlyCalls } from './early-calls';
import { createMemoryEvents, createMemoryTransport } from './memory-transport';
import { useApiQuery } from './use-api-query';

/** A backend whose answers the test releases one by one. */
function slowBackend(wrap: (client: ApiClient) => ApiClient = (client) => client) {
  const pending: (() => void)[] = [];
  let calls = 0;
  const events = createMemoryEvents();
  const client = wrap(createApiClient(
    createMemoryTransport(
      () =>
        new Promise<Envelope<unknown>>((resolve) => {
          calls += 1;
          const answer = calls;
          pending.push(() => resolve({ ok: true, value: { items: [], answer } }));
        }),
      events,
    ),
  ));
  const wrapper = ({ children }: { children: ReactNode }) => <ApiProvider client={client}>{children}</ApiProvider>;
  return { events, wrapper, pending, calls: () => calls };
}

describe('useApiQuery', () => {
  it('turns any number of changes reported during a call into one more call after it answers', async () => {
    const backend = slowBackend();
    const { result } = renderHook(() => useApiQuery('shops.list', {}, ['shops']), { wrapper: backend.wrapper });
    await waitFor(() => expect(backend.calls()).toBe(1));
    act(() => {
      for (let i = 0; i < 20; i++) backend.events.emit('data.changed', { domain: 'shops' });
    });
    expect(backend.calls()).toBe(1);
    await act(async () => backend.pending.shift()!());
    await waitFor(() => expect(backend.calls()).toBe(2));
    await act(async () => backend.pending.shift()!());
    await waitFor(() => expect((result.current.data as unknown as { answer: number }).answer).toBe(2));
    // Nothing was asked for meanwhile: no third call; a later change loads again at once.
    expect(backend.calls()).toBe(2);
    act(() => backend.events.emit('data.changed', { domain: 'shops' }));
    await waitFor(() => expect(backend.calls()).toBe(3));
    // Other domains never reload it.
    await act(async () => backend.pending.shift()!());
    act(() => backend.events.emit('data.changed', { domain: 'staff' }));
    expect(backend.calls()).toBe(3);
  });

  it('starts with an early answer that is already in, and asks only once something changes', async () => {
    let early: ReturnType<typeof withEarlyCalls> | undefined;
    const backend = slowBackend((client) => (early = withEarlyCalls(client)));
    const answered = early!.callEarly('shops.list', {});
    await act(async () => backend.pending.shift()!());
    await answered;
    const { result } = renderHook(() => useApiQuery('shops.list', {}, ['shops']), { wrapper: backend.wrapper });
    // The first render already has it; no loading state, no second call.
    expect(result.current.loading).toBe(false);
    expect((result.current.data as unknown as { answer: number }).answer).toBe(1);
    expect(backend.calls()).toBe(1);
    act(() => backend.events.emit('data.changed', { domain: 'shops' }));
    await waitFor(() => expect(backend.calls()).toBe(2));
  });

  it('asks as usual while the early call is still on its way', async () => {
    let early: ReturnType<typeof withEarlyCalls> | undefined;
    const backend = slowBackend((client) => (early = withEarlyCalls(client)));
    void early!.callEarly('shops.list', {});
    const { result } = renderHook(() => useApiQuery('shops.list', {}, ['shops']), { wrapper: backend.wrapper });
    expect(result.current.loading).toBe(true);
    // The screen's call takes the early one over rather than asking again.
    await act(async () => backend.pending.shift()!());
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(backend.calls()).toBe(1);
  });
});
