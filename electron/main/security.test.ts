import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

// Runs without the Electron binary: security.ts only needs `shell` at run time; the rest are types.
const openExternal = vi.hoisted(() => vi.fn());
vi.mock('electron', () => ({ shell: { openExternal } }));

const { appOrigin, denyPermissions, isAllowedExternalUrl, isAppUrl, isTrustedSender, secureWebContents, secureWebPreferences } = await import('./security');

type Listener = (...args: any[]) => void;

/** The part of WebContents the baseline touches, recording what it installs. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpen: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    closeDevTools: vi.fn(),
    setWindowOpenHandler: (handler: typeof windowOpen) => (windowOpen = handler),
    on: (event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
  };
  /** Emits like Electron: returns whether a listener called preventDefault(). */
  const emit = (event: string, ...args: unknown[]) => {
    const first = { preventDefault: vi.fn() };
    const handlers = listeners.get(event) ?? [];
    if (handlers.length === 0) throw new Error(`No ${event} handler is installed.`);
    for (const handler of handlers) handler(first, ...args);
    return first.preventDefault.mock.calls.length > 0;
  };
  /** will-frame-navigate passes one details object that is also the event. */
  const frameNavigate = (url: string, isMainFrame: boolean) => {
    const details = { url, isMainFrame, isSameDocument: false, frame: null, preventDefault: vi.fn() };
    const handlers = listeners.get('will-frame-navigate') ?? [];
    if (handlers.length === 0) throw new Error('No will-frame-navigate handler is installed.');
    for (const handler of handlers) handler(details);
    return details.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => {
    if (!windowOpen) throw new Error('No window-open handler is installed.');
    return windowOpen({ url }).action;
  };
  return { contents, emit, frameNavigate, open, listeners };
}

const hostileUrls = [
  'https://evil.example/',
  'http://help.reviewdesk.app/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'app://reviewdesk.evil/index.html',
  'app://evil/index.html',
  'app://x@reviewdesk/index.html',
  'http://localhost:5173@evil.example/',
  'http://localhost:51730/',
  'evidence://vault/' + 'a'.repeat(64),
  'not a url',
];

describe('web preferences', () => {
  it.each([true, false])('isolate and sandbox the renderer, with DevTools only when not packaged (packaged: %s)', (packaged) => {
    const preferences = secureWebPreferences({ preload: '/app/preload/index.cjs', packaged });
    expect(preferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: !packaged,
    });
  });
});

describe('app URLs', () => {
  it('accept the app origin and the dev server, compared by parts rather than prefix', () => {
    expect(isAppUrl(`${appOrigin}/index.html`)).toBe(true);
    expect(isAppUrl(`${appOrigin}/`)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    for (const url of hostileUrls) expect(isAppUrl(url, 'http://localhost:5173'), url).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });

  it('open only https help pages externally', () => {
    expect(isAllowedExternalUrl('https://help.reviewdesk.app/import')).toBe(true);
    for (const url of [...hostileUrls, 'https://user@help.reviewdesk.app/', 'https://help.reviewdesk.app.evil.example/']) expect(isAllowedExternalUrl(url), url).toBe(false);
  });
});

describe('web contents handlers', () => {
  const dev = 'http://localhost:5173';

  it('deny every window.open, and hand only allow-listed https links to the system browser', () => {
    openExternal.mockClear();
    const { contents, open } = fakeContents();
    secureWebContents(contents as never, { packaged: true });
    expect(open('https://help.reviewdesk.app/sla')).toBe('deny');
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://help.reviewdesk.app/sla');
    for (const url of [...hostileUrls, `${appOrigin}/index.html`]) expect(open(url), url).toBe('deny');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('block navigation away from the app (will-navigate and redirects)', () => {
    openExternal.mockClear();
    const { contents, emit } = fakeContents();
    secureWebContents(contents as never, { packaged: false, devServerUrl: dev });
    expect(emit('will-navigate', `${appOrigin}/index.html#/cases`)).toBe(false);
    expect(emit('will-navigate', `${dev}/index.html`)).toBe(false);
    for (const url of hostileUrls) {
      expect(emit('will-navigate', url), url).toBe(true);
      expect(emit('will-redirect', url), url).toBe(true);
    }
    expect(emit('will-navigate', 'https://help.reviewdesk.app/')).toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://help.reviewdesk.app/');
    expect(emit('will-attach-webview', {}, {})).toBe(true);
  });

  it('block frame navigation: the main frame stays on the app, sub-frames show only the app, vault objects and the PDF viewer', () => {
    const { contents, frameNavigate } = fakeContents();
    secureWebContents(contents as never, { packaged: true });
    const vaultObject = `evidence://vault/${'a'.repeat(64)}`;
    expect(frameNavigate(`${appOrigin}/index.html`, true)).toBe(false);
    expect(frameNavigate(vaultObject, true)).toBe(true);
    expect(frameNavigate(vaultObject, false)).toBe(false);
    expect(frameNavigate('chrome-extension://mhjfbmdgcfjbbpaeojofohoefgmehjbai/index.html', false)).toBe(false);
    expect(frameNavigate('about:blank', false)).toBe(false);
    for (const url of ['https://evil.example/', 'http://localhost:5173/', 'file:///etc/passwd', 'javascript:alert(1)', 'evidence://other/x', 'chrome-extension://abc/x', 'data:text/html,<script>1</script>']) {
      expect(frameNavigate(url, false), url).toBe(true);
      expect(frameNavigate(url, true), url).toBe(true);
    }
  });

  it('close DevTools if they open anyway in a packaged build', () => {
    const packaged = fakeContents();
    secureWebContents(packaged.contents as never, { packaged: true });
    packaged.emit('devtools-opened');
    expect(packaged.contents.closeDevTools).toHaveBeenCalledOnce();
    const unpackaged = fakeContents();
    secureWebContents(unpackaged.contents as never, { packaged: false });
    expect(unpackaged.listeners.has('devtools-opened')).toBe(false);
  });
});

describe('permissions', () => {
  it('refuse every permission request and check', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    let device: ((...args: unknown[]) => boolean) | null = null;
    denyPermissions({
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
      setDevicePermissionHandler: (handler: typeof device) => (device = handler),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fullscreen']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(check!({}, permission, appOrigin, {}), permission).toBe(false);
    }
    expect(device!({ deviceType: 'usb', origin: appOrigin })).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('accepts the app page only', () => {
    expect(isTrustedSender({ url: `${appOrigin}/index.html` })).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    for (const url of [...hostileUrls, '']) expect(isTrustedSender({ url }, 'http://localhost:5173'), url).toBe(false);
  });
});

describe('content security policy (renderer/index.html)', () => {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  const directives = new Map((metas[0]?.[1] ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((part) => part[0]).map(([name, ...sources]) => [name!, sources]));

  it('is one meta tag that allows scripts from the app only', () => {
    expect(metas).toHaveLength(1);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('has no unsafe-eval, no wildcard and no remote origin anywhere', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
        expect(source, name).not.toMatch(/^\*|^https?:|^wss?:|^ftp:|^file:|\/\//);
      }
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });
});
