/** What a piece of evidence proves. Labels are translated in the UI (evidence.kind.<id>). */
export const evidenceKinds = ['chat_record', 'call_recording', 'qc_report', 'logistics_proof', 'unboxing_video', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** Broad families the viewers are chosen by. */
export const evidenceMedia = ['image', 'audio', 'video', 'pdf', 'text', 'other'] as const;
export type EvidenceMedia = (typeof evidenceMedia)[number];

/** What evidence can be linked to. A link names its target by type and id, so targets need no table of their own yet. */
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

/**
 * How a drop of many files goes to the vault: a few files per evidence.add, four calls in flight.
 * One call per file made the vault flush, name and record each file alone (a 1 GB drop of 271
 * files: 2.1 s instead of 1.3–1.5 s); a batch small in files and bytes (about 0.1–0.2 s of work)
 * still gives each row its result soon after its turn. Each call ends with its last files'
 * flush and naming, when it has nothing left to hash: with two calls in flight the hashing
 * threads waited through those ends (median 1.48 s for that drop), with four 1.17 s.
 */
export const evidenceAddBatching = { filesMax: 16, bytesMax: 128 * 1024 * 1024, callsInFlight: 4 } as const;

/** Takes the next batch off `queue`: its first file, and those after it while the batch stays within the limits. */
export function takeAddBatch<T extends { size: number }>(queue: T[]): T[] {
  let count = 1;
  let bytes = queue[0]?.size ?? 0;
  while (count < queue.length && count < evidenceAddBatching.filesMax && bytes + queue[count]!.size <= evidenceAddBatching.bytesMax) {
    bytes += queue[count]!.size;
    count += 1;
  }
  return queue.splice(0, count);
}
