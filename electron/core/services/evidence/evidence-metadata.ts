import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvidenceItem, EvidenceTarget, EvidenceVerifyReport } from '../../../../shared/contract';
import type { EvidenceKind } from '../../../../shared/domain/evidence';
import { fileStamp } from '../../../../db/files';
import type { Sqlite } from '../../../../db/connection';
import { insertAudit } from '../../../../db/queries/audit';
import {
  countEvidenceForSha,
  deleteEvidenceRows,
  findEvidence,
  findEvidenceSync,
  findLiveEvidenceByShaSync,
  findServableObject,
  listEvidence,
  listReferencedObjects,
  listTrashedRows,
  setEvidenceTrashed,
  updateEvidenceMetadata,
  type EvidenceFilters,
} from '../../../../db/queries/evidence';
import { deleteEvidenceLink, insertEvidenceLink } from '../../../../db/queries/evidence-links';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';
import { buildManifest } from './evidence-manifest';
import type { VaultLock } from './vault-lock';
import { resolveVaultObject, vaultObjectPath } from './vault-paths';
import { listOrphanObjects } from './vault-recovery';
import { clearStaleVaultTmp, hashFile, removeObject } from './vault-store';

const entity = 'evidence';

/** Links evidence to a target and audits it, inside the caller's transaction; nothing when the link exists. */
export function linkEvidence(sqlite: Sqlite, item: EvidenceItem, target: EvidenceTarget, now: number, actor: string): void {
  if (insertEvidenceLink(sqlite, { evidenceId: item.id, target, at: now, by: actor })) {
    insertAudit(sqlite, { at: now, actor, action: 'evidence.link', entity, entityId: item.id, after: { sha256: item.sha256, ...target } });
  }
}

/**
 * Everything about evidence once it is in the vault: its metadata, links and trash, the vault's
 * check and the case manifest. Never changes an object's bytes; only emptying the trash removes
 * objects, holding the vault alone (`VaultLock`).
 */
export class EvidenceMetadata {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly vaultLock: VaultLock,
  ) {}

  list(filters: EvidenceFilters): Promise<EvidenceItem[]> {
    return listEvidence(this.deps.db, filters);
  }

  async get(id: number): Promise<EvidenceItem> {
    const item = await findEvidence(this.deps.db, id);
    if (!item) throw notFound('Evidence', id);
    return item;
  }

  async update(
    input: { id: number; kind?: EvidenceKind; tags?: string[]; notes?: string; source?: string; capturedAt?: number | null },
    actor: string,
  ): Promise<EvidenceItem> {
    return this.change(input.id, (sqlite, before, now) => {
      const tags = input.tags && [...new Set(input.tags)];
      updateEvidenceMetadata(sqlite, input.id, { ...input, tags, now });
      const after = findEvidenceSync(sqlite, input.id)!;
      insertAudit(sqlite, { at: now, actor, action: 'evidence.update', entity, entityId: input.id, before, after });
      return after;
    });
  }

  async link(id: number, target: EvidenceTarget, actor: string): Promise<EvidenceItem> {
    return this.change(id, (sqlite, before, now) => {
      if (before.trashedAt !== null) throw new AppError('CONFLICT', `Evidence ${id} is in the trash. Restore it before linking it.`);
      linkEvidence(sqlite, before, target, now, actor);
      return findEvidenceSync(sqlite, id)!;
    });
  }

  async unlink(id: number, target: EvidenceTarget, actor: string): Promise<EvidenceItem> {
    return this.change(id, (sqlite, before, now) => {
      if (!deleteEvidenceLink(sqlite, id, target)) {
        throw new AppError('NOT_FOUND', `Evidence ${id} is not linked to ${target.targetType} ${target.targetId}.`);
      }
      insertAudit(sqlite, { at: now, actor, action: 'evidence.unlink', entity, entityId: id, after: { sha256: before.sha256, ...target } });
      return findEvidenceSync(sqlite, id)!;
    });
  }

  async trash(id: number, actor: string): Promise<EvidenceItem> {
    return this.change(id, (sqlite, before, now) => {
      if (before.trashedAt !== null) return before;
      setEvidenceTrashed(sqlite, id, { at: now, by: actor });
      insertAudit(sqlite, { at: now, actor, action: 'evidence.trash', entity, entityId: id, after: { sha256: before.sha256, originalName: before.originalName } });
      return findEvidenceSync(sqlite, id)!;
    });
  }

  async restore(id: number, actor: string): Promise<EvidenceItem> {
    return this.change(id, (sqlite, before, now) => {
      if (before.trashedAt === null) return before;
      const live = findLiveEvidenceByShaSync(sqlite, before.sha256);
      if (live) {
        throw new AppError('CONFLICT', `The same file is already in the vault as evidence ${live.id} ("${live.originalName}").`, { existingId: live.id });
      }
      setEvidenceTrashed(sqlite, id, null);
      insertAudit(sqlite, { at: now, actor, action: 'evidence.restore', entity, entityId: id, after: { sha256: before.sha256, originalName: before.originalName } });
      return findEvidenceSync(sqlite, id)!;
    });
  }

  /** Deletes trashed evidence for good, then each object no remaining row names. The contract requires the confirmation. */
  emptyTrash(actor: string): Promise<{ removedEvidence: number; removedObjects: number; freedBytes: number }> {
    return this.vaultLock.runExclusive(async () => {
      const now = this.deps.clock.now();
      const { sqlite } = this.deps;
      const rows = inTransaction(sqlite, () => {
        const trashed = listTrashedRows(sqlite);
        deleteEvidenceRows(sqlite, trashed.map((row) => row.id));
        for (const row of trashed) {
          insertAudit(sqlite, { at: now, actor, action: 'evidence.purge', entity, entityId: row.id, after: { sha256: row.sha256, originalName: row.original_name } });
        }
        return trashed;
      });
      let removedObjects = 0;
      let freedBytes = 0;
      const sizes = new Map(rows.map((row) => [row.sha256, row.size]));
      for (const [sha256, size] of sizes) {
        if ((await countEvidenceForSha(this.deps.db, sha256)) > 0) continue;
        if (await removeObject(this.deps.dataDir, sha256)) {
          removedObjects += 1;
          freedBytes += size;
        }
      }
      await clearStaleVaultTmp(this.deps.dataDir, now);
      if (rows.length > 0) this.deps.events.emit('data.changed', { domain: 'evidence' });
      return { removedEvidence: rows.length, removedObjects, freedBytes };
    });
  }

  /** Re-hashes every object any evidence names (trashed included) and reports missing or altered files. */
  async verify(actor: string): Promise<EvidenceVerifyReport> {
    const objects = await listReferencedObjects(this.deps.db);
    const missing: EvidenceVerifyReport['missing'] = [];
    const altered: EvidenceVerifyReport['altered'] = [];
    let bytes = 0;
    for (const object of objects) {
      const path = vaultObjectPath(this.deps.dataDir, object.sha256);
      const present = await stat(path).then(
        () => true,
        () => false,
      );
      const ref = { sha256: object.sha256, evidenceIds: object.evidenceIds, names: object.names };
      if (!present) {
        missing.push(ref);
        continue;
      }
      // A symlink or anything else standing in for the object is not the object.
      const real = await resolveVaultObject(this.deps.dataDir, object.sha256);
      const actual = real ? await hashFile(real) : null;
      if (actual === null) {
        altered.push({ ...ref, actualSha256: 'not a regular file inside the vault' });
      } else if (actual !== object.sha256) {
        altered.push({ ...ref, actualSha256: actual });
      } else {
        bytes += object.size;
      }
    }
    const orphans = await listOrphanObjects(this.deps.dataDir, new Set(objects.map((object) => object.sha256)));
    const unreferenced = orphans.map((orphan) => orphan.sha256);
    const unreferencedBytes = orphans.reduce((sum, orphan) => sum + orphan.size, 0);
    const ok = missing.length === 0 && altered.length === 0;
    const message = ok
      ? `All ${objects.length} vault file(s) are present and unchanged.`
      : `Vault check failed: ${missing.length} missing and ${altered.length} altered file(s) out of ${objects.length}.`;
    const report = { ok, checked: objects.length, bytes, missing, altered, unreferenced, unreferencedBytes, message };
    insertAudit(this.deps.sqlite, {
      at: this.deps.clock.now(),
      actor,
      action: 'evidence.verify',
      entity,
      entityId: null,
      after: { ok, checked: objects.length, missing: missing.map((m) => m.sha256), altered: altered.map((a) => a.sha256) },
    });
    return report;
  }

  async exportManifest(
    input: { caseId: string; format: 'csv' | 'json'; save?: boolean },
    actor: string,
  ): Promise<{ text: string; sha256: string; count: number; path: string | null }> {
    const now = this.deps.clock.now();
    const items = await listEvidence(this.deps.db, { linkedTo: { targetType: 'case', targetId: input.caseId }, limit: Number.MAX_SAFE_INTEGER });
    items.sort((a, b) => a.id - b.id);
    const text = buildManifest(input.caseId, items, input.format, now);
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    let path: string | null = null;
    if (input.save) {
      const dir = join(this.deps.dataDir, 'exports');
      await mkdir(dir, { recursive: true });
      // The case id is user text: only safe characters reach the file name.
      const safeId = input.caseId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
      path = join(dir, `evidence-manifest-case-${safeId}-${fileStamp(now)}.${input.format}`);
      await writeFile(path, text, { flag: 'wx' });
    }
    insertAudit(this.deps.sqlite, {
      at: now,
      actor,
      action: 'evidence.exportManifest',
      entity,
      entityId: null,
      after: { caseId: input.caseId, format: input.format, count: items.length, sha256, path, items: items.map((item) => item.sha256) },
    });
    return { text, sha256, count: items.length, path };
  }

  /** The type of a live object, for the evidence:// protocol and the HTTP route. */
  async resolveObject(sha256: string): Promise<{ sha256: string; mime: string; size: number }> {
    const object = await findServableObject(this.deps.db, sha256);
    if (!object) throw new AppError('NOT_FOUND', 'No evidence with that hash is in the vault.');
    return object;
  }

  /** One row's change and its audit entries in one transaction; `apply` runs synchronously inside it. */
  private change(id: number, apply: (sqlite: Sqlite, before: EvidenceItem, now: number) => EvidenceItem): EvidenceItem {
    const now = this.deps.clock.now();
    const { sqlite } = this.deps;
    const result = inTransaction(sqlite, () => {
      const before = findEvidenceSync(sqlite, id);
      if (!before) throw notFound('Evidence', id);
      return apply(sqlite, before, now);
    });
    this.deps.events.emit('data.changed', { domain: 'evidence' });
    return result;
  }
}
