import type { EvidenceItem, EvidenceTarget } from '../../../../shared/contract';
import type { EvidenceKind } from '../../../../shared/domain/evidence';
import type { Sqlite } from '../../../../db/connection';
import { insertAudit } from '../../../../db/queries/audit';
import { findEvidenceSync, findLiveEvidenceByShaSync, insertEvidence } from '../../../../db/queries/evidence';
import { inTransaction } from '../../../../db/transaction';
import type { ContentInfo } from './evidence-inspect';
import { linkEvidence } from './evidence-metadata';

const entity = 'evidence';

export interface AddOptions {
  kind?: EvidenceKind;
  link?: EvidenceTarget;
  source?: string;
  capturedAt?: number;
}

/**
 * How a committed group's rows are written: one synchronous transaction (inTransaction), opened
 * once the group's file work is done. A seam for tests, which delay or fail it the way a slow or
 * full disk would; the work itself never awaits.
 */
export type GroupTransaction = <T>(work: () => T) => Promise<T>;

export const transactionNow =
  (sqlite: Sqlite): GroupTransaction =>
  async (work) =>
    inTransaction(sqlite, work);

/** An object named in the vault, ready for its rows. */
export interface NamedObject {
  sha256: string;
  size: number;
  /** The name exactly as given. */
  name: string;
  /** Its detected content; null when live evidence held these bytes when it was looked at. */
  info: ContentInfo | null;
}

/**
 * The rows for one committed object, inside the group's transaction: new evidence, or the existing
 * one with the new link. Throws when they cannot be written; the caller then discards the object
 * if this add created it.
 */
export function recordAdd(sqlite: Sqlite, added: NamedObject, options: AddOptions, actor: string, now: number): { duplicate: boolean; evidence: EvidenceItem } {
  const { sha256, size, name } = added;
  const existing = findLiveEvidenceByShaSync(sqlite, sha256);
  if (existing) {
    insertAudit(sqlite, { at: now, actor, action: 'evidence.add', entity, entityId: existing.id, after: { sha256, size, originalName: name, duplicateOf: existing.id } });
    if (options.link) linkEvidence(sqlite, existing, options.link, now, actor);
    return { duplicate: true, evidence: findEvidenceSync(sqlite, existing.id)! };
  }
  // Inspected before the transaction unless a live row existed; only a trash in the instant since ends up here.
  const content = added.info;
  if (!content) throw new Error(`Evidence for ${sha256} vanished during the add.`);
  const created = insertEvidence(sqlite, {
    sha256,
    size,
    original_name: name,
    detected_type: content.detectedType,
    mime: content.mime,
    media: content.media,
    previewable: content.previewable ? 1 : 0,
    extension_mismatch: content.extensionMismatch ? 1 : 0,
    width: content.width,
    height: content.height,
    duration_ms: content.durationMs,
    kind: options.kind ?? 'other',
    captured_at: options.capturedAt ?? null,
    source: options.source ?? '',
    tags_json: '[]',
    notes: '',
    added_at: now,
    added_by: actor,
    updated_at: now,
  });
  insertAudit(sqlite, { at: now, actor, action: 'evidence.add', entity, entityId: created.id, after: created });
  if (!options.link) return { duplicate: false, evidence: created };
  linkEvidence(sqlite, created, options.link, now, actor);
  return { duplicate: false, evidence: findEvidenceSync(sqlite, created.id)! };
}
