import { app, session, shell, type WebContents } from 'electron';

export const appScheme = 'app';
export const appOrigin = `${appScheme}://reviewdesk`;

/** Hosts whose https links may open in the system browser (help pages). Everything else is refused. */
const externalAllowlist = new Set(['help.reviewdesk.app']);

export function isAppUrl(url: string, devServerUrl?: string): boolean {
  return url.startsWith(`${appOrigin}/`) || (devServerUrl !== undefined && url.startsWith(devServerUrl));
}

function openExternalIfAllowed(url: string) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' && externalAllowlist.has(parsed.hostname)) void shell.openExternal(url);
  } catch {
    // not a URL: ignore
  }
}

/** The security baseline from the architecture doc, applied to every web contents. */
export function applySecurityBaseline(devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfAllowed(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) {
        event.preventDefault();
        openExternalIfAllowed(url);
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
