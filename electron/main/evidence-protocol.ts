import { protocol, type CustomScheme } from 'electron';
import { evidenceHashFromUrl, evidenceResponse } from '../core/services/evidence/evidence-response';
import { appOrigin } from './security';

export const evidenceScheme = 'evidence';

/**
 * Registered together with app:// (registerSchemesAsPrivileged takes every scheme in one call,
 * before `app.ready`). `stream` lets <video>/<audio> play and seek without loading whole files.
 */
export const evidenceSchemePrivileges: CustomScheme = {
  scheme: evidenceScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
};

export interface EvidenceProtocolOptions {
  dataDir: string;
  /**
   * Asks the core (in its utilityProcess) whether a live object has this hash, and its type:
   * `core.call('evidence.resolveObject', { sha256 })`, null when the envelope is not ok.
   */
  lookup(sha256: string): Promise<{ mime: string } | null>;
}

/**
 * Serves vault objects to the app's windows through the same guard as the HTTP adapter's
 * `/evidence/<hash>` route (electron/core/services/evidence-response.ts): only a known, live
 * object by its hash; anything else, including `../`, encoded paths and symlinks, is a 404.
 */
export function handleEvidenceProtocol(options: EvidenceProtocolOptions): void {
  protocol.handle(evidenceScheme, async (request) => {
    const response = await evidenceResponse(
      { sha256: evidenceHashFromUrl(request.url), method: request.method, range: request.headers.get('range') },
      options,
    );
    // The text viewer fetch()es chat exports from the app:// page, a different origin: allow
    // exactly the app's own origin, nothing else.
    response.headers.set('access-control-allow-origin', appOrigin);
    return response;
  });
}
