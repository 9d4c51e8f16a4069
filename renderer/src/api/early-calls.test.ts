import { describe, expect, it } from 'vitest';
import type { ApiClient } from './client';
import { withEarlyCalls } from './early-calls';

function countingClient() {
  const calls: string[] = [];
  const client = {
    call: async (method: string, input: unknown) => {
      calls.push(`${method} ${JSON.stringify(input)}`);
      return { items: [], n: calls.length };
    },
    subscribe: () => () => {},
  } as unknown as ApiClient;
  return { client, calls };
}

describe('early calls', () => {
  it('hands an early answer to the first identical call only, and asks afresh after that', async () => {
    const { client, calls } = countingClient();
    const early = withEarlyCalls(client, () => 0);
    early.callEarly('shops.list', {});
    const first = await early.call('shops.list', {});
    const second = await early.call('shops.list', {});
    expect(calls).toEqual(['shops.list {}', 'shops.list {}']);
    expect(first).toMatchObject({ n: 1 });
    expect(second).toMatchObject({ n: 2 });
  });

  it('does not hand over an answer to a call with other input', async () => {
    const { client, calls } = countingClient();
    const early = withEarlyCalls(client, () => 0);
    early.callEarly('staff.list', {});
    await early.call('staff.list', { includeInactive: true });
    expect(calls).toEqual(['staff.list {}', 'staff.list {"includeInactive":true}']);
  });

  it('asks again when the early answer is older than five seconds', async () => {
    const { client, calls } = countingClient();
    let now = 0;
    const early = withEarlyCalls(client, () => now);
    early.callEarly('shops.list', {});
    await Promise.resolve();
    await Promise.resolve();
    now = 6000;
    await early.call('shops.list', {});
    expect(calls).toHaveLength(2);
  });

  it('hands an answer that is in over once through takeAnswered, never one on its way or a failure', async () => {
    let fail = false;
    let release = () => {};
    const client = {
      call: (method: string) =>
        method === 'staff.list'
          ? new Promise((resolve) => (release = () => resolve({ items: ['late'] })))
          : fail
            ? Promise.reject(new Error('refused'))
            : Promise.resolve({ items: [method] }),
      subscribe: () => () => {},
    } as unknown as ApiClient;
    const early = withEarlyCalls(client, () => 0);
    await early.callEarly('shops.list', {});
    expect(early.takeAnswered('shops.list', {})).toEqual({ value: { items: ['shops.list'] } });
    expect(early.takeAnswered('shops.list', {})).toBeUndefined();

    const staff = early.callEarly('staff.list', {});
    expect(early.takeAnswered('staff.list', {})).toBeUndefined();
    release();
    await staff;
    expect(early.takeAnswered('staff.list', { includeInactive: true })).toBeUndefined();
    expect(early.takeAnswered('staff.list', {})).toEqual({ value: { items: ['late'] } });

    fail = true;
    await early.callEarly('reviews.count', { filters: {} });
    expect(early.takeAnswered('reviews.count', { filters: {} })).toBeUndefined();
    // The failure still goes to the call that takes it over.
    await expect(early.call('reviews.count', { filters: {} })).rejects.toThrow('refused');
  });
});
