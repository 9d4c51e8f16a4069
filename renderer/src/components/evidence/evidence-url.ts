import { evidenceProtocolUrl } from '../../../../shared/domain/evidence';
import { currentAccessToken } from '../../api/http-transport';

/**
 * The one place that knows where a window loads vault bytes: `evidence://vault/<sha256>` inside
 * Electron (the preload defines window.bridge), the HTTP adapter's guarded
 * `/evidence/<sha256>?token=…` in the browser harness (<img> and <audio> cannot send headers).
 */
export function evidenceUrl(sha256: string, win: Window = window): string {
  if (win.bridge) return evidenceProtocolUrl(sha256);
  return `/evidence/${sha256}?token=${encodeURIComponent(currentAccessToken(win) ?? '')}`;
}
