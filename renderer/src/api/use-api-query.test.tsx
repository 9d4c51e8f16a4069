// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import { ApiProvider } from './api-context';
import { createApiClient } from './client';
import { createMemoryEvents, createMemoryTransport } from './memory-transport';
import { useApiQuery } from './use-api-query';

/** A backend whose answers the test releases one by one. */
function slowBackend() {
  const pending: (() => void)[] = [];
  let calls = 0;
  const events = createMemoryEvents();
  const client = createApiClient(
    createMemoryTransport(
      () =>
        new Promise<Envelope<unknown>>((resolve) => {
          calls += 1;
          const answer = calls;
          pending.push(() => resolve({ ok: true, value: { items: [], answer } }));
        }),
      events,
    ),
  );
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
});
