import { describe, expect, it, vi } from 'vitest';

// The preload against a recording stand-in for 'electron' (no Electron binary needed).
const recorded = vi.hoisted(() => ({
  exposed: new Map<string, any>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, ((...args: unknown[]) => void)[]>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      recorded.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => recorded.listeners.set(channel, [...(recorded.listeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      recorded.listeners.set(channel, (recorded.listeners.get(channel) ?? []).filter((candidate) => candidate !== listener)),
  },
  webUtils: { getPathForFile: () => '/picked/file.csv' },
}));

await import('./index');

describe('preload bridge', () => {
  it('exposes window.bridge with invoke, on, pickFiles and vouchFiles, and nothing of ipcRenderer', () => {
    expect([...recorded.exposed.keys()]).toEqual(['bridge']);
    const bridge = recorded.exposed.get('bridge');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'pickFiles', 'vouchFiles']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends the main process only paths it read from File objects itself, on the file channels', async () => {
    const bridge = recorded.exposed.get('bridge');
    recorded.invoked.length = 0;
    await bridge.vouchFiles([new File(['a'], 'any name the page chose.csv')]);
    await bridge.pickFiles('folder');
    expect(recorded.invoked).toEqual([
      ['files:vouch', ['/picked/file.csv']],
      ['files:pick', 'folder'],
    ]);
    recorded.invoked.length = 0;
  });

  it('sends every call on the one api:invoke channel, whatever the method name says', async () => {
    const bridge = recorded.exposed.get('bridge');
    await bridge.invoke('reviews.list', { limit: 1 });
    await bridge.invoke('api:event', {});
    expect(recorded.invoked).toEqual([
      ['api:invoke', 'reviews.list', { limit: 1 }],
      ['api:invoke', 'api:event', {}],
    ]);
  });

  it('listens on api:event only, hands over the payload of the asked-for event, and can stop', () => {
    const bridge = recorded.exposed.get('bridge');
    const handler = vi.fn();
    const stop = bridge.on('data.changed', handler);
    expect([...recorded.listeners.keys()]).toEqual(['api:event']);
    const [listener] = recorded.listeners.get('api:event')!;
    listener!({ sender: 'ipc event object' }, { event: 'badge.changed', payload: { breached: 1 } });
    listener!({ sender: 'ipc event object' }, { event: 'data.changed', payload: { domain: 'shops' } });
    expect(handler).toHaveBeenCalledExactlyOnceWith({ domain: 'shops' });
    stop();
    expect(recorded.listeners.get('api:event')).toEqual([]);
  });
});
