import { shell, type App, type Session, type WebContents, type WebPreferences } from 'electron';

export const appScheme = 'app';
export const appHost = 'reviewdesk';
export const appOrigin = `${appScheme}://${appHost}`;

/** Hosts whose https links may open in the system browser (help pages). Everything else is refused. */
const externalAllowlist = new Set(['help.reviewdesk.app']);

/** Chromium's built-in PDF viewer (an extension), which the evidence preview's <iframe> hands a PDF to. */
const pdfViewerHost = 'mhjfbmdgcfjbbpaeojofohoefgmehjbai';

export interface SecurityOptions {
  /** The Vite dev server (unpackaged runs only); its origin counts as the app's. */
  devServerUrl?: string;
  /** `app.isPackaged`: DevTools exist only in unpackaged runs. */
  packaged: boolean;
  /** Where allow-listed links open; shell.openExternal unless a test passes its own. */
  openExternal?: (url: string) => void;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether a URL belongs to the app: app://reviewdesk/… (or the dev server's origin). Compared as
 * parsed parts, never by prefix, so `app://reviewdesk.evil/` or `http://localhost:5173@evil.example/`
 * do not pass. Node gives custom schemes the origin "null", hence scheme and host.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
  const dev = devServerUrl === undefined ? null : parse(devServerUrl);
  return dev !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin;
}

/** What a sub-frame may show: the app's pages, vault objects (PDF preview), the PDF viewer, a blank frame. */
export function isAllowedFrameUrl(url: string, devServerUrl?: string): boolean {
  if (isAppUrl(url, devServerUrl) || url === 'about:blank' || url === 'about:srcdoc') return true;
  const parsed = parse(url);
  if (!parsed) return false;
  return (parsed.protocol === 'evidence:' && parsed.host === 'vault') || (parsed.protocol === 'chrome-extension:' && parsed.host === pdfViewerHost);
}

/** The https help links the app may hand to the system browser; anything else is dropped. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && externalAllowlist.has(parsed.hostname);
}

/**
 * Every window's web preferences: the renderer is a sandboxed web page with one preload bridge and
 * no Node. DevTools only in unpackaged runs.
 */
export function secureWebPreferences(options: { preload: string; packaged: boolean }): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    devTools: !options.packaged,
    spellcheck: false,
  };
}

/** The handlers one web contents gets: no new windows, no navigation away, no webviews, no DevTools when packaged. */
export function secureWebContents(contents: WebContents, options: SecurityOptions): void {
  const openExternal = options.openExternal ?? ((url: string) => void shell.openExternal(url));
  const openIfAllowed = (url: string) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, options.devServerUrl)) return;
    event.preventDefault();
    openIfAllowed(url);
  });
  // will-navigate sees only the main frame; an <iframe> (or a link with target="_top" inside one)
  // is checked here.
  contents.on('will-frame-navigate', (event) => {
    const allowed = event.isMainFrame ? isAppUrl(event.url, options.devServerUrl) : isAllowedFrameUrl(event.url, options.devServerUrl);
    if (!allowed) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (options.packaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Camera, microphone, notifications from the page, USB, HID, serial …: the app asks for none, so all are refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The security baseline (docs/ARCHITECTURE.md), applied to every web contents and the default session. */
export function applySecurityBaseline(app: App, session: Session, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, options));
  denyPermissions(session);
}

/**
 * The IPC router's sender check: only the app's own page may call the backend. A frame that is
 * gone (null) or shows anything else — a navigated-away page, an <iframe> of another origin — is
 * refused.
 */
export function isTrustedSender(frame: { url: string } | null | undefined, devServerUrl?: string): boolean {
  return frame !== null && frame !== undefined && isAppUrl(frame.url, devServerUrl);
}
