/** What a piece of evidence proves. Labels are translated in the UI (evidence.kind.<id>). */
export const evidenceKinds = ['chat_record', 'call_recording', 'qc_report', 'logistics_proof', 'unboxing_video', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** Broad families the viewers are chosen by. */
export const evidenceMedia = ['image', 'audio', 'video', 'pdf', 'text', 'other'] as const;
export type EvidenceMedia = (typeof evidenceMedia)[number];

/** What evidence can be linked to. Cases, orders and customers arrive in later issues. */
export const evidenceTargetTypes = ['case', 'order', 'customer', 'review'] as const;
export type EvidenceTargetType = (typeof evidenceTargetTypes)[number];

/** Default largest file the vault accepts (2 GiB); an owner can change it in the settings. */
export const defaultEvidenceMaxFileBytes = 2 * 1024 ** 3;

/** Lowercase hex SHA-256: the only thing that ever names a vault object. */
export const sha256HexPattern = /^[0-9a-f]{64}$/;

/**
 * Where a window loads vault bytes: `evidence://vault/<sha256>` in the app; the browser harness
 * uses the HTTP adapter's `/evidence/<sha256>?token=…` instead.
 */
export function evidenceProtocolUrl(sha256: string): string {
  return `evidence://vault/${sha256}`;
}
