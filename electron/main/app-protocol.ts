import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { resolveStaticFile } from '../core/http/static-files';
import { evidenceSchemePrivileges } from './evidence-protocol';
import { appScheme } from './security';

/**
 * Must run before `app.ready`: app:// behaves like a secure, standard origin. Electron takes all
 * privileged schemes in one call, so evidence:// is registered here too.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    evidenceSchemePrivileges,
  ]);
}

/** Serves the built renderer from `rendererDir`, with the same path guard as the HTTP adapter. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const { pathname } = new URL(request.url);
    const file = await resolveStaticFile(rendererDir, pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
