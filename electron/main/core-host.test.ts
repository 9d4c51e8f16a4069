import { describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../core/worker/messages';

// A fake utilityProcess child: records what the host sends and lets the test answer or exit.
const fake = vi.hoisted(() => ({
  children: [] as { sent: unknown[]; listeners: Map<string, (value: unknown) => void> }[],
}));
vi.mock('electron', () => ({
  utilityProcess: {
    fork: () => {
      const child = { sent: [] as unknown[], listeners: new Map<string, (value: unknown) => void>() };
      fake.children.push(child);
      return {
        postMessage: (message: unknown) => child.sent.push(message),
        on: (event: string, listener: (value: unknown) => void) => child.listeners.set(event, listener),
        once: (event: string, listener: (value: unknown) => void) => child.listeners.set(event, listener),
        kill: () => undefined,
      };
    },
  },
}));

const { CoreHost } = await import('./core-host');

function startHost() {
  const host = new CoreHost({ workerPath: 'w.js', dataDir: '/d', version: '0', dev: false, onEvent: () => {}, notify: () => {}, openPath: async () => true });
  host.start();
  const child = fake.children.at(-1)!;
  return { host, child, answer: (message: FromWorker) => child.listeners.get('message')!(message) };
}

describe('CoreHost vouching', () => {
  it('sends vouched paths over the worker channel, apart from calls, and hands back the tokens', async () => {
    const { host, child, answer } = startHost();
    const pending = host.vouch('file', ['/home/a/评价.csv']);
    const sent = child.sent.at(-1) as Extract<ToWorker, { type: 'vouch' }>;
    expect(sent).toEqual({ type: 'vouch', id: expect.any(Number), kind: 'file', paths: ['/home/a/评价.csv'] });
    const items = [{ ok: true as const, token: 't'.repeat(32), kind: 'file' as const, name: '评价.csv', size: 3 }];
    answer({ type: 'vouched', id: sent.id, items });
    expect(await pending).toEqual(items);
    // A call never carries a vouching: the renderer's input goes in `input`, the kind of message is fixed.
    void host.call('evidence.add', { paths: ['/etc/passwd'] });
    expect(child.sent.at(-1)).toMatchObject({ type: 'call', method: 'evidence.add' });
    await host.stop(0);
  });

  it('answers UNAVAILABLE for each path when the backend dies mid-vouch', async () => {
    const { host, child } = startHost();
    const pending = host.vouch('folder', ['/home/a/exports', '/home/a/other']);
    child.listeners.get('exit')!(1);
    expect((await pending).map((item) => [item.ok, !item.ok && item.code, item.name])).toEqual([
      [false, 'UNAVAILABLE', 'exports'],
      [false, 'UNAVAILABLE', 'other'],
    ]);
    await host.stop(0);
  });
});
