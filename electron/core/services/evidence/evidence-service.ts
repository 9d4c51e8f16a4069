import type { EvidenceItem, EvidenceSettings, EvidenceTarget, EvidenceVerifyReport, FileSource } from '../../../../shared/contract';
import type { EvidenceKind } from '../../../../shared/domain/evidence';
import type { EvidenceFilters } from '../../../../db/queries/evidence';
import type { ServiceDeps } from '../service-deps';
import { nodeEvidenceIo, type EvidenceIo } from './evidence-io';
import { EvidenceIntake, type AddOutcome } from './evidence-intake';
import { EvidenceMetadata } from './evidence-metadata';
import { readEvidenceSettings, updateEvidenceSettings } from './evidence-settings';
import { transactionNow, type AddOptions, type GroupTransaction } from './intake-record';
import { VaultLock } from './vault-lock';
import { cleanOrphanObjects, clearDeadVaultTmp, findOrphanObjects, type OrphanObject } from './vault-recovery';
import { ensureVaultFolders } from './vault-store';

export { nodeEvidenceIo, type EvidenceIo } from './evidence-io';
export type { AddOutcome } from './evidence-intake';
export type { AddOptions, GroupTransaction } from './intake-record';

/**
 * The evidence vault, one facade over three parts: the intake (evidence-intake.ts: files in,
 * batched, hashed in worker threads, recorded in short transactions), the metadata operations
 * (evidence-metadata.ts: list, edit, link, trash, verify, manifest) and the vault on disk
 * (vault-prepare.ts, vault-store.ts, vault-paths.ts, hash-worker.ts). Adds and emptying the trash
 * share one VaultLock: adds run together, emptying the trash runs alone.
 */
export class EvidenceService {
  private readonly intake: EvidenceIntake;
  private readonly metadata: EvidenceMetadata;
  private readonly vaultLock = new VaultLock();

  /** `io` and `writeGroup` are seams for tests: how files are opened, and how an add's group of rows is written. */
  constructor(
    private readonly deps: ServiceDeps,
    io: EvidenceIo = nodeEvidenceIo,
    writeGroup: GroupTransaction = transactionNow(deps.sqlite),
  ) {
    this.intake = new EvidenceIntake(deps, io, this.vaultLock, writeGroup);
    this.metadata = new EvidenceMetadata(deps, this.vaultLock);
  }

  /** At start-up: a new vault gets its folders before the first add needs them. */
  prepareVault(): Promise<void> {
    return ensureVaultFolders(this.deps.dataDir);
  }

  /** At every start: temporary files of adds whose process died (killed mid-copy) are removed. */
  recoverVault(): Promise<{ removed: number; bytes: number }> {
    // File times are the wall clock's, whatever clock the core runs on.
    return clearDeadVaultTmp(this.deps.dataDir, this.deps.instance, Date.now());
  }

  /** Objects no evidence names, with their sizes (what `cleanOrphans` would delete). */
  orphans(): Promise<OrphanObject[]> {
    return findOrphanObjects(this.deps);
  }

  /** Deletes objects no evidence names (an add killed between naming and recording); owner only, confirmed, audited. */
  cleanOrphans(actor: string): Promise<{ removed: number; freedBytes: number }> {
    return cleanOrphanObjects(this.deps, this.vaultLock, actor);
  }

  getSettings(): Promise<EvidenceSettings> {
    return readEvidenceSettings(this.deps.db);
  }

  updateSettings(changes: Partial<EvidenceSettings>, actor: string): Promise<EvidenceSettings> {
    return updateEvidenceSettings(this.deps, changes, actor);
  }

  add(paths: string[], options: AddOptions, actor: string, sources: FileSource[] = []): Promise<AddOutcome[]> {
    return this.intake.add(paths, options, actor, sources);
  }

  addBytes(name: string, base64: string, options: AddOptions, actor: string): Promise<AddOutcome[]> {
    return this.intake.addBytes(name, base64, options, actor);
  }

  addFile(path: string, options: AddOptions, actor: string, maxFileBytes: number): Promise<{ duplicate: boolean; evidence: EvidenceItem }> {
    return this.intake.addFile(path, options, actor, maxFileBytes);
  }

  list(filters: EvidenceFilters): Promise<EvidenceItem[]> {
    return this.metadata.list(filters);
  }

  get(id: number): Promise<EvidenceItem> {
    return this.metadata.get(id);
  }

  update(
    input: { id: number; kind?: EvidenceKind; tags?: string[]; notes?: string; source?: string; capturedAt?: number | null },
    actor: string,
  ): Promise<EvidenceItem> {
    return this.metadata.update(input, actor);
  }

  link(id: number, target: EvidenceTarget, actor: string): Promise<EvidenceItem> {
    return this.metadata.link(id, target, actor);
  }

  unlink(id: number, target: EvidenceTarget, actor: string): Promise<EvidenceItem> {
    return this.metadata.unlink(id, target, actor);
  }

  trash(id: number, actor: string): Promise<EvidenceItem> {
    return this.metadata.trash(id, actor);
  }

  restore(id: number, actor: string): Promise<EvidenceItem> {
    return this.metadata.restore(id, actor);
  }

  emptyTrash(actor: string): Promise<{ removedEvidence: number; removedObjects: number; freedBytes: number }> {
    return this.metadata.emptyTrash(actor);
  }

  verify(actor: string): Promise<EvidenceVerifyReport> {
    return this.metadata.verify(actor);
  }

  exportManifest(
    input: { caseId: string; format: 'csv' | 'json'; save?: boolean },
    actor: string,
  ): Promise<{ text: string; sha256: string; count: number; path: string | null }> {
    return this.metadata.exportManifest(input, actor);
  }

  resolveObject(sha256: string): Promise<{ sha256: string; mime: string; size: number }> {
    return this.metadata.resolveObject(sha256);
  }
}
