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
});
