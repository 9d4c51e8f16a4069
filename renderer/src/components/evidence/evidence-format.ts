import type { i18n as I18n, TFunction } from 'i18next';
import type { EvidenceItem } from '../../../../shared/contract';
import { errorCodeKey, errorReasonKey } from '../../errors/error-keys';
import { keyFor } from '../../i18n/translation';
import { refusedKey } from './i18n/keys';

/** `m:ss` (or `h:mm:ss`) for a recording's length. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The extension the name claims, lower case, or '' when it has none. */
export function nameExtension(name: string): string {
  const match = /\.([^./\\]{1,10})$/.exec(name);
  return match ? match[1]!.toLowerCase() : '';
}

/** Why an item carries a warning badge (content not matching its name, a type the app cannot show), in words. */
export function flagReasons(item: EvidenceItem, t: TFunction<'evidence'>): string[] {
  const reasons: string[] = [];
  if (item.extensionMismatch) {
    reasons.push(t('flags.mismatch', { extension: nameExtension(item.originalName) || '—', detected: item.detectedType }));
  }
  if (!item.previewable) {
    reasons.push(item.detectedType === 'heic' ? t('flags.heic') : t('flags.unsupported', { detected: item.detectedType }));
  }
  return reasons;
}

export function isFlagged(item: EvidenceItem): boolean {
  return item.extensionMismatch || !item.previewable;
}

/** A refused file's error as it arrives in an add outcome (or from a failed upload). */
export interface AddRefusal {
  code: string;
  reason: string | null;
  details?: Record<string, unknown>;
}

/** The plainest sentence for why a file was refused: the vault's own wording first, then the generic one. */
export function refusalMessage(refusal: AddRefusal, i18n: I18n, formatSize: (bytes: number) => string): string {
  const limit = typeof refusal.details?.limitBytes === 'number' ? formatSize(refusal.details.limitBytes) : '';
  const specific = refusal.reason ? (refusedKey(refusal.reason) ?? errorReasonKey(refusal.code, refusal.reason)) : undefined;
  return i18n.t(specific ?? keyFor(errorCodeKey, refusal.code) ?? errorCodeKey.UNKNOWN, { limit });
}
