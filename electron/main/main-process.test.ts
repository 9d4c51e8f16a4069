import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir';

// The whole main process (index.ts) started against a recording stand-in for 'electron', so the
// baseline is checked where it is wired up, without the Electron binary (it cannot be downloaded
// everywhere the suite runs). Each test loads index.ts afresh, packaged or not.

type Listener = (...args: any[]) => unknown;
interface MenuItem {
  role?: string;
  accelerator?: string;
  label?: string;
  submenu?: MenuItem[];
}
type Template = MenuItem[];

const tempDir = useTempDirs();

const electron = vi.hoisted(() => {
  const state = {
    packaged: true,
    userData: '',
    appListeners: new Map<string, Listener[]>(),
    windows: [] as { options: Record<string, any>; loaded: string[] }[],
    ipcHandlers: new Map<string, Listener>(),
    menus: [] as unknown[],
    session: { request: null as Listener | null, check: null as Listener | null, device: null as Listener | null },
    calls: [] as { method: string; input: unknown }[],
    ready: null as Promise<void> | null,
  };
  const on = (event: string, listener: Listener) => state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
  class BrowserWindow {
    static windows: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.windows;
    readonly record: { options: Record<string, any>; loaded: string[] };
    readonly webContents = { send: () => undefined };
    constructor(options: Record<string, any>) {
      this.record = { options, loaded: [] };
      state.windows.push(this.record);
      BrowserWindow.windows.push(this);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    maximize() {}
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 820 };
    }
  }
  const module = {
    app: {
      get isPackaged() {
        return state.packaged;
      },
      setName: () => undefined,
      setPath: () => undefined,
      getPath: () => state.userData,
      getVersion: () => '1.0.0-test',
      getAppPath: () => state.userData,
      commandLine: { getSwitchValue: () => '' },
      requestSingleInstanceLock: () => true,
      on,
      quit: () => undefined,
      setBadgeCount: () => true,
      whenReady: () => {
        state.ready = Promise.resolve();
        return state.ready;
      },
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.session.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.session.check = handler),
        setDevicePermissionHandler: (handler: Listener) => (state.session.device = handler),
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => state.menus.push(menu) },
    protocol: { registerSchemesAsPrivileged: () => undefined, handle: () => undefined },
    net: { fetch: () => Promise.resolve(new Response('')) },
    shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
    Notification: Object.assign(function Notification() {}, { isSupported: () => false }),
    nativeImage: { createFromPath: () => ({}) },
    screen: { getAllDisplays: () => [] },
    utilityProcess: { fork: () => { throw new Error('The test replaces CoreHost; nothing forks.'); } },
  };
  return { state, module, BrowserWindow };
});

vi.mock('electron', () => ({ ...electron.module, default: electron.module }));
vi.mock('electron-updater', () => ({ default: { autoUpdater: { checkForUpdatesAndNotify: () => Promise.resolve(null) } } }));
vi.mock('./core-host', () => ({
  CoreHost: class {
    start() {}
    stop() {
      return Promise.resolve();
    }
    call(method: string, input: unknown) {
      electron.state.calls.push({ method, input });
      return Promise.resolve(method === 'settings.getPreferences' ? { ok: true, value: {} } : { ok: true, value: 'from the core' });
    }
  },
}));

/** Loads index.ts as a fresh main process and waits until its whenReady work has run. */
async function startMain(packaged: boolean) {
  vi.resetModules();
  const { state } = electron;
  Object.assign(state, { packaged, userData: tempDir(), windows: [], menus: [], calls: [], ready: null });
  state.appListeners.clear();
  state.ipcHandlers.clear();
  electron.BrowserWindow.windows = [];
  await import('./index');
  await state.ready;
  // The ready handler's synchronous part has run once this settles; refreshMenu awaits one call.
  await vi.waitFor(() => expect(state.windows.length).toBeGreaterThan(0));
  return state;
}

function menuItems(template: Template): Template {
  return template.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);
}

describe.each([true, false])('main process (packaged: %s)', (packaged) => {
  it('opens every window isolated, sandboxed, without Node, and with DevTools only unpackaged', async () => {
    const state = await startMain(packaged);
    for (const window of state.windows) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        devTools: !packaged,
      });
      expect(window.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    }
    if (packaged) expect(state.windows[0]!.loaded).toEqual(['app://reviewdesk/index.html']);
  });

  it('installs the web-contents handlers and refuses every permission on the default session', async () => {
    const state = await startMain(packaged);
    expect(state.appListeners.get('web-contents-created')).toHaveLength(1);
    const installed = new Set<string>();
    let windowOpen: Listener | null = null;
    state.appListeners.get('web-contents-created')![0]!({}, {
      on: (event: string) => installed.add(event),
      setWindowOpenHandler: (handler: Listener) => (windowOpen = handler),
      closeDevTools: () => undefined,
    });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) expect(installed, event).toContain(event);
    expect(installed.has('devtools-opened')).toBe(packaged);
    expect(windowOpen!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const callback = vi.fn();
    state.session.request!({}, 'media', callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(state.session.check!({}, 'notifications', 'app://reviewdesk', {})).toBe(false);
    expect(state.session.device!({})).toBe(false);
  });

  it('relays IPC from the app page and refuses it from any other frame', async () => {
    const state = await startMain(packaged);
    const invoke = state.ipcHandlers.get('api:invoke')!;
    expect(await invoke({ senderFrame: { url: 'app://reviewdesk/index.html' } }, 'reviews.list', { limit: 1 })).toEqual({ ok: true, value: 'from the core' });
    expect(state.calls).toContainEqual({ method: 'reviews.list', input: { limit: 1 } });
    const before = state.calls.length;
    for (const senderFrame of [null, { url: 'https://evil.example/' }, { url: `evidence://vault/${'a'.repeat(64)}` }, { url: 'file:///tmp/x.html' }, { url: 'app://evil/index.html' }]) {
      expect(await invoke({ senderFrame }, 'staff.create', { name: 'x', role: 'owner' }), JSON.stringify(senderFrame)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await invoke({ senderFrame: { url: 'app://reviewdesk/index.html' } }, 42, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(state.calls.length).toBe(before);
  });

  it('installs the file channels beside api:invoke, refusing them to any other frame', async () => {
    const state = await startMain(packaged);
    expect([...state.ipcHandlers.keys()].sort()).toEqual(['api:invoke', 'files:pick', 'files:vouch']);
    for (const senderFrame of [null, { url: 'https://evil.example/' }, { url: 'app://evil/index.html' }]) {
      await expect(state.ipcHandlers.get('files:vouch')!({ senderFrame }, ['/etc/passwd'])).rejects.toThrow(/only be chosen from the app/);
      await expect(state.ipcHandlers.get('files:pick')!({ senderFrame }, 'folder')).rejects.toThrow(/only be chosen from the app/);
    }
  });

  it(`sets its own menu before the window opens, ${packaged ? 'without' : 'with'} DevTools and Reload`, async () => {
    const state = await startMain(packaged);
    await vi.waitFor(() => expect(state.menus.length).toBeGreaterThanOrEqual(2));
    for (const menu of state.menus) {
      const items = menuItems(menu as Template);
      const devTools = items.filter((item) => item.role?.toLowerCase() === 'toggledevtools' || /F12|Shift\+I|Alt\+I/i.test(item.accelerator ?? ''));
      expect(devTools.length > 0).toBe(!packaged);
      expect(items.some((item) => item.role === 'reload' || item.role === 'forceReload')).toBe(!packaged);
    }
  });
});
