import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { sql } from 'kysely';
import { Readable } from 'node:stream';
import {
  evidenceAddBytesMax,
  evidenceSettings as evidenceSettingsSchema,
  type EvidenceItem,
  type EvidenceSettings,
  type EvidenceTarget,
  type EvidenceVerifyReport,
} from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/contract/errors';
import { defaultEvidenceMaxFileBytes, type EvidenceKind } from '../../../../shared/domain/evidence';
import { fileStamp } from '../../../../db/files';
import { insertAudit } from '../../../../db/queries/audit';
import {
  countEvidenceForSha,
  deleteEvidenceLink,
  deleteEvidenceRows,
  findEvidence,
  findLiveEvidenceBySha,
  findServableObject,
  insertEvidence,
  insertEvidenceLink,
  listEvidence,
  listReferencedObjects,
  listTrashedRows,
  setEvidenceTrashed,
  updateEvidenceMetadata,
  type EvidenceFilters,
} from '../../../../db/queries/evidence';
import { readSetting, writeSetting } from '../../../../db/queries/settings';
import type { Executor } from '../../../../db/queries/executor';
import type { FileSource } from '../../../../shared/contract';
import { AppError, notFound } from '../../errors';
import { stagedPaths } from '../imports/source';
import { inspectContent, type ContentInfo } from './evidence-inspect';
import { buildManifest } from './evidence-manifest';
import type { ServiceDeps } from '../service-deps';
import { resolveVaultObject, vaultObjectPath } from './vault-paths';
import {
  clearStaleVaultTmp,
  hashFile,
  listObjectNames,
  ensureVaultFolders,
  ensureVaultTmpDir,
  flushObjects,
  nameObjects,
  type FlushResult,
  removeObject,
} from './vault-store';
import { discardObject, formatBytes, prepareObject, releaseSource, type OpenFile, type PreparedObject } from './vault-prepare';

const settingsKey = 'evidence';
const entity = 'evidence';

/** How the service reads a file the user chose; tests swap it to fail mid-read. */
export interface EvidenceIo {
  openSource(path: string, name: string): Promise<OpenedSource>;
}

/** A file on disk is handed over open, for a kernel copy; other bytes arrive as a stream. */
type OpenedSource = { stream: Readable; size: number } | { file: OpenFile; size: number };

function describeFsError(name: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new AppError('BAD_FILE', `"${name}" is no longer there (moved or deleted before it could be added).`, { reason: 'vanished' });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new AppError('BAD_FILE', `"${name}" cannot be read: permission denied.`, { reason: 'unreadable', cause: code });
  }
  return new AppError('BAD_FILE', `"${name}" could not be copied into the vault (${code ?? 'read error'}); nothing was kept.`, {
    reason: 'copy_failed',
    ...(code && { cause: code }),
  });
}

export const nodeEvidenceIo: EvidenceIo = {
  async openSource(path, name) {
    const info = await stat(path).catch((error: unknown) => {
      throw describeFsError(name, error);
    });
    // Only regular files: a folder, pipe or device is refused before anything is opened.
    if (!info.isFile()) throw new AppError('BAD_FILE', `"${name}" is not a file.`, { reason: 'not_a_file' });
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw describeFsError(name, error);
    });
    const opened = await handle.stat({ bigint: true }).catch(async (error: unknown) => {
      await handle.close();
      throw describeFsError(name, error);
    });
    return { file: { path, handle, stat: opened }, size: Number(opened.size) };
  },
};

/**
 * Adds share the vault; emptying the trash needs it alone, so it never deletes an object that an
 * add in flight has just found already stored and is about to reference.
 */
class VaultLock {
  private shared = 0;
  private exclusive: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  async runShared<T>(task: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    this.shared += 1;
    try {
      return await task();
    } finally {
      this.shared -= 1;
      if (this.shared === 0) this.drained?.();
    }
  }

  async runExclusive<T>(task: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise((resolve) => (release = resolve));
    try {
      if (this.shared > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await task();
    } finally {
      this.exclusive = null;
      release();
    }
  }
}

/**
 * The tail of each vault's name-and-record queue, for every add of every EvidenceService in this
 * process: from the exists check through the rename, the row and a failed add's discard, one
 * group at a time. Otherwise two adds of the same bytes could both rename, or one could discard
 * an object the other had found and was about to record.
 */
const namingQueues = new Map<string, Promise<void>>();

async function oneNamingAtATime<T>(dataDir: string, task: () => Promise<T>): Promise<T> {
  const key = resolve(dataDir);
  const before = namingQueues.get(key);
  let release!: () => void;
  const mine = new Promise<void>((done) => (release = done));
  const tail = before ? before.then(() => mine) : mine;
  namingQueues.set(key, tail);
  await before;
  try {
    return await task();
  } finally {
    release();
    if (namingQueues.get(key) === tail) namingQueues.delete(key);
  }
}

/**
 * Files one add prepares (opens, copies, hashes, inspects) at once. Each file is a job for one of
 * the two hashing threads plus several waits on the main thread and the disk; with four at a
 * time the threads sat idle a third of the time waiting for the next job (measured: 1 GB in
 * 1.5–1.6 s; with twelve, 1.25–1.45 s).
 */
const addConcurrency = 12;

/**
 * Files in preparation across every add in this process (a drop sends several adds at once, and
 * the watched folder or the CLI may add at the same time): bounds the descriptors and heads held.
 */
const preparingMax = 16;
let preparingNow = 0;
const waitingToPrepare: (() => void)[] = [];

async function withPrepareSlot<T>(task: () => Promise<T>): Promise<T> {
  while (preparingNow >= preparingMax) await new Promise<void>((resolve) => waitingToPrepare.push(resolve));
  preparingNow += 1;
  try {
    return await task();
  } finally {
    preparingNow -= 1;
    waitingToPrepare.shift()?.();
  }
}

/**
 * Most files committed as one group. Each waiting file holds its temporary file open and its
 * head (64 KB), so this bounds both whatever the batch size: one group waits while the one
 * before it is flushed.
 */
const commitGroupMax = 32;

/** A file copied and hashed into a temporary file, waiting for its group's commit. */
interface PreparedEntry {
  index: number;
  path: string;
  name: string;
  object: PreparedObject;
  info: ContentInfo | null;
  done?: () => Promise<void>;
}

export interface AddOptions {
  kind?: EvidenceKind;
  link?: EvidenceTarget;
  source?: string;
  capturedAt?: number;
}

/** One thing to add: opened only when its turn comes, so a vanished file fails alone. */
interface AddEntry {
  /** What the outcome reports as `path`: the path given, or the name for bytes and uploads. */
  path: string;
  name: string;
  /** For uploads: the original name, read from the staging side file. */
  resolveName?: () => Promise<string>;
  open(name: string): Promise<OpenedSource>;
  /** Runs after the outcome is known (removes a consumed upload). */
  done?: () => Promise<void>;
}

export type AddOutcome =
  | { ok: true; path: string; duplicate: boolean; evidence: EvidenceItem }
  | { ok: false; path: string; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/**
 * The evidence vault. File work (streaming, hashing, fsync, rename, inspecting) always happens
 * before a transaction opens; each transaction only writes rows and their audit entries.
 * Deduplication: the same bytes are one live piece of evidence. Adding them again returns that
 * evidence (`duplicate: true`) and adds the requested link to it instead of a second row.
 */
export class EvidenceService {
  private readonly vaultLock = new VaultLock();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly io: EvidenceIo = nodeEvidenceIo,
  ) {}

  /** At start-up: a new vault gets its folders before the first add needs them. */
  prepareVault(): Promise<void> {
    return ensureVaultFolders(this.deps.dataDir);
  }

  async getSettings(): Promise<EvidenceSettings> {
    const stored = evidenceSettingsSchema.partial().safeParse(await readSetting(this.deps.db, settingsKey));
    return { maxFileBytes: defaultEvidenceMaxFileBytes, ...(stored.success ? stored.data : {}) };
  }

  async updateSettings(changes: Partial<EvidenceSettings>, actor: string): Promise<EvidenceSettings> {
    const now = this.deps.clock.now();
    const before = await this.getSettings();
    const after = { ...before, ...changes };
    await this.deps.db.transaction().execute(async (trx) => {
      await writeSetting(trx, settingsKey, after, now);
      await insertAudit(trx, { at: now, actor, action: 'evidence.updateSettings', entity: 'settings', entityId: settingsKey, before, after });
    });
    this.deps.events.emit('data.changed', { domain: 'settings' });
    return after;
  }

  /** Adds files one by one; a refused file is reported in its outcome and never stops the rest. */
  add(paths: string[], options: AddOptions, actor: string, sources: FileSource[] = []): Promise<AddOutcome[]> {
    const entries: AddEntry[] = [
      ...paths.map((path): AddEntry => ({ path, name: basename(path), open: (name) => this.io.openSource(path, name) })),
      ...sources.map((source) => this.entryForSource(source)),
    ];
    return this.addEntries(entries, options, actor);
  }

  /**
   * Bytes with no file behind them (a pasted screenshot): decoded here, then stored exactly like a
   * file. The name is kept as given and never becomes a path.
   */
  async addBytes(name: string, base64: string, options: AddOptions, actor: string): Promise<AddOutcome[]> {
    const bytes = Buffer.from(base64, 'base64');
    const entry: AddEntry = {
      path: name,
      name,
      open: async () => {
        if (bytes.length > evidenceAddBytesMax) {
          throw new AppError('BAD_FILE', `"${name}" is ${formatBytes(bytes.length)}; pasted files can be at most ${formatBytes(evidenceAddBytesMax)}.`, {
            reason: 'too_large',
            sizeBytes: bytes.length,
            limitBytes: evidenceAddBytesMax,
          });
        }
        return { stream: Readable.from([bytes]), size: bytes.length };
      },
    };
    return this.addEntries([entry], options, actor);
  }

  /** A picked or dropped file: its path (Electron) or an upload in the staging folder (browser harness). */
  private entryForSource(source: FileSource): AddEntry {
    if (source.kind === 'path') {
      return { path: source.path, name: basename(source.path), open: (name) => this.io.openSource(source.path, name) };
    }
    if (source.kind === 'text') {
      return {
        path: '',
        name: '',
        open: () => Promise.reject(new AppError('BAD_FILE', 'Pasted text is not a file; save it as a file and add that.', { reason: 'not_a_file' })),
      };
    }
    const staged = stagedPaths(this.deps.dataDir, source.id);
    return {
      path: source.id,
      name: source.id,
      // The upload's original name is in its side file; the bytes are what matter.
      resolveName: async () => {
        try {
          const meta = JSON.parse(await readFile(staged.meta, 'utf8')) as { name?: unknown };
          return typeof meta.name === 'string' && meta.name !== '' ? meta.name : source.id;
        } catch {
          return source.id;
        }
      },
      open: async (name) => {
        const present = await stat(staged.data).then(
          () => true,
          () => false,
        );
        if (!present) {
          throw new AppError('BAD_FILE', `The upload of "${name}" is no longer there (uploads are kept for 24 hours). Add it again.`, { reason: 'expired' });
        }
        return this.io.openSource(staged.data, name);
      },
      // An upload serves one add; once the vault holds (or refused) it, the copy is not needed.
      done: async () => {
        await rm(staged.data, { force: true });
        await rm(staged.meta, { force: true });
      },
    };
  }

  private async addEntries(entries: AddEntry[], options: AddOptions, actor: string): Promise<AddOutcome[]> {
    const { maxFileBytes } = await this.getSettings();
    const outcomes = await this.runAdd(entries, options, actor, maxFileBytes);
    if (outcomes.some((outcome) => outcome.ok)) this.deps.events.emit('data.changed', { domain: 'evidence' });
    return outcomes;
  }

  /** One file into the vault. Throws AppError('BAD_FILE') for an empty, oversized, vanished or unreadable file. */
  async addFile(path: string, options: AddOptions, actor: string, maxFileBytes: number): Promise<{ duplicate: boolean; evidence: EvidenceItem }> {
    const name = basename(path);
    const [outcome] = await this.runAdd([{ path, name, open: () => this.io.openSource(path, name) }], options, actor, maxFileBytes);
    if (!outcome!.ok) throw new AppError(outcome!.error.code, outcome!.error.message, outcome!.error.details);
    return { duplicate: outcome!.duplicate, evidence: outcome!.evidence };
  }

  /**
   * Two stages that overlap: up to `addConcurrency` files are copied, hashed and inspected at
   * once, and whatever is ready meanwhile is committed as a group (flushed, named, recorded).
   * A refused file gets its outcome and never stops the rest; anything else (the database
   * failing) stops taking new files, lets the ones in hand finish, and is thrown at the end.
   */
  private async runAdd(entries: AddEntry[], options: AddOptions, actor: string, maxFileBytes: number): Promise<AddOutcome[]> {
    const outcomes: AddOutcome[] = new Array(entries.length);
    const refuse = (index: number, path: string, error: AppError) => {
      outcomes[index] = { ok: false, path, error: { code: error.code, message: error.message, ...(error.details && { details: error.details }) } };
    };
    const ready: PreparedEntry[] = [];
    let wakeCommitter: (() => void) | null = null;
    const waitingForRoom: (() => void)[] = [];
    let preparing = Math.min(addConcurrency, entries.length);
    let fatal: { error: unknown } | null = null;
    let next = 0;

    const prepare = async () => {
      while (next < entries.length && !fatal) {
        const index = next++;
        const entry = entries[index]!;
        const name = entry.resolveName ? await entry.resolveName() : entry.name;
        const path = entry.resolveName ? name : entry.path;
        try {
          const prepared = await withPrepareSlot(() => this.prepareEntry(name, () => entry.open(name), maxFileBytes));
          ready.push({ index, path, name, done: entry.done, ...prepared });
          wakeCommitter?.();
        } catch (error) {
          await entry.done?.().catch(() => undefined);
          if (error instanceof AppError) refuse(index, path, error);
          else fatal ??= { error };
        }
        // Bounds the temporary files held open and the heads kept while the commits catch up.
        while (ready.length >= commitGroupMax && !fatal) await new Promise<void>((resolve) => waitingForRoom.push(resolve));
      }
    };

    /**
     * Names and records a flushed group. One group at a time per vault, across every add in this
     * process, so the same bytes are never named twice and no discard races another add's record.
     */
    const nameAndRecord = (group: PreparedEntry[], flushed: FlushResult[]) =>
      oneNamingAtATime(this.deps.dataDir, async () => {
        const results = await nameObjects(this.deps.dataDir, group.map((item) => item.object), flushed).catch((error: unknown) => {
          fatal ??= { error };
          return null;
        });
        // Items of this group named but not yet recorded, per hash: the same bytes twice in a
        // batch share one object, which a failed first record must leave for the second.
        const pending = new Map<string, number>();
        for (const [position, item] of group.entries()) {
          if (results?.[position]?.ok) pending.set(item.object.sha256, (pending.get(item.object.sha256) ?? 0) + 1);
        }
        /** Objects created by an item whose record failed, left to a later item of the same bytes. */
        const handedOn = new Set<string>();
        /** Objects whose item's record failed and that no later item took over: discarded after the transaction. */
        const toDiscard = new Set<string>();
        const recordable = group.map((_item, position) => results?.[position]?.ok === true);
        // Reads and inspection before the transaction opens, which then only writes rows.
        const infos = await Promise.allSettled(group.map((item, position) => (recordable[position] ? this.recordInfo(item) : Promise.resolve(item.info))));
        const groupOutcomes = new Map<number, AddOutcome>();
        const failures: { item: PreparedEntry; error: unknown }[] = [];
        try {
          // One transaction for the group; a savepoint per file, so a file whose rows fail is
          // rolled back and reported alone while the others are kept.
          await this.deps.db.transaction().execute(async (trx) => {
            for (const [position, item] of group.entries()) {
              const result = results?.[position];
              const sha256 = item.object.sha256;
              let created = false;
              try {
                if (!result) continue;
                if (!result.ok) throw result.error instanceof AppError ? result.error : describeFsError(item.name, result.error);
                created = result.created || handedOn.delete(sha256);
                const info = infos[position]!;
                if (info.status === 'rejected') throw info.reason;
                await sql`savepoint evidence_add`.execute(trx);
                try {
                  groupOutcomes.set(item.index, { ok: true, path: item.path, ...(await this.recordIn(trx, item, info.value, options, actor)) });
                  await sql`release evidence_add`.execute(trx);
                } catch (error) {
                  await sql`rollback to evidence_add`.execute(trx);
                  await sql`release evidence_add`.execute(trx);
                  throw error;
                }
                toDiscard.delete(sha256);
              } catch (error) {
                if (created) {
                  if (pending.get(sha256)! > 1) handedOn.add(sha256);
                  else toDiscard.add(sha256);
                }
                failures.push({ item, error });
              } finally {
                if (result?.ok) pending.set(sha256, pending.get(sha256)! - 1);
              }
            }
          });
          for (const [index, outcome] of groupOutcomes) outcomes[index] = outcome;
        } catch (error) {
          // The transaction itself failed: none of the group's rows exist, so no object it created is kept.
          fatal ??= { error };
          for (const [position, item] of group.entries()) if (results?.[position]?.ok) toDiscard.add(item.object.sha256);
        }
        for (const sha256 of toDiscard) await this.discardCreated(sha256).catch(() => undefined);
        for (const { item, error } of failures) {
          if (error instanceof AppError) refuse(item.index, item.path, error);
          else fatal ??= { error };
        }
        await Promise.all(group.map((item) => item.done?.().catch(() => undefined)));
      });

    /**
     * The next group is flushed while the one before it is named and recorded: the flush needs no
     * lock, only its own files. Groups are still named in order, one at a time.
     */
    const commit = async () => {
      let naming: Promise<void> = Promise.resolve();
      for (;;) {
        if (ready.length === 0) {
          if (preparing === 0) return naming;
          await new Promise<void>((resolve) => (wakeCommitter = resolve));
          wakeCommitter = null;
          continue;
        }
        const group = ready.splice(0, commitGroupMax);
        waitingForRoom.splice(0).forEach((resolve) => resolve());
        if (fatal) {
          await Promise.all(group.map(async (item) => (await discardObject(item.object), await item.done?.().catch(() => undefined))));
          continue;
        }
        const flushed = await flushObjects(group.map((item) => item.object));
        await naming;
        naming = nameAndRecord(group, flushed).catch((error: unknown) => {
          fatal ??= { error };
        });
      }
    };

    await this.vaultLock.runShared(async () => {
      await ensureVaultTmpDir(this.deps.dataDir);
      await Promise.all([
        ...Array.from({ length: preparing }, () =>
          prepare().finally(() => {
            preparing -= 1;
            wakeCommitter?.();
          }),
        ),
        commit(),
      ]);
    });
    if (fatal) throw (fatal as { error: unknown }).error;
    return outcomes;
  }

  /** Opens, copies and hashes one file, and detects its type from the copy, before it has a name. */
  private async prepareEntry(name: string, open: () => Promise<OpenedSource>, maxFileBytes: number): Promise<{ object: PreparedObject; info: ContentInfo | null }> {
    // The name is shown exactly as given (any characters, NFC or NFD); it never becomes a path.
    const source = await open();
    const bytes = 'file' in source ? source.file : source.stream;
    if (source.size === 0 || source.size > maxFileBytes) {
      await releaseSource(bytes);
      throw source.size === 0
        ? new AppError('BAD_FILE', `"${name}" is empty (0 bytes); there is nothing to keep as evidence.`, { reason: 'empty' })
        : new AppError('BAD_FILE', `"${name}" is ${formatBytes(source.size)}, larger than the vault's limit of ${formatBytes(maxFileBytes)}.`, {
            reason: 'too_large',
            sizeBytes: source.size,
            limitBytes: maxFileBytes,
          });
    }
    const object = await prepareObject(this.deps.dataDir, bytes, { maxBytes: maxFileBytes, name }).catch((error: unknown) => {
      throw error instanceof AppError ? error : describeFsError(name, error);
    });
    try {
      if (object.size !== source.size) {
        throw new AppError('BAD_FILE', `"${name}" changed while it was being added (${source.size} bytes became ${object.size}); nothing was kept.`, {
          reason: 'changed',
        });
      }
      // Read from the temporary file: the bytes just hashed, while the next file is being copied.
      const info = (await findLiveEvidenceBySha(this.deps.db, object.sha256)) ? null : await inspectContent(object.tmpPath, object.head, name);
      return { object, info };
    } catch (error) {
      await discardObject(object);
      throw error;
    }
  }

  /**
   * Removes an object a failed add created, unless evidence names it. Runs inside the naming
   * queue, so no other add of the same bytes is between its naming and its record.
   */
  private async discardCreated(sha256: string): Promise<void> {
    if ((await countEvidenceForSha(this.deps.db, sha256)) === 0) await removeObject(this.deps.dataDir, sha256);
  }

  /**
   * The rows for one committed object: new evidence, or the existing one with the new link. On
   * failure the caller discards the object if this add created it.
   */
  private async recordInfo(item: PreparedEntry): Promise<ContentInfo | null> {
    const { sha256, head } = item.object;
    // The live row seen while preparing went to the trash since: this add is new evidence again.
    if (!item.info && !(await findLiveEvidenceBySha(this.deps.db, sha256))) return inspectContent(vaultObjectPath(this.deps.dataDir, sha256), head, item.name);
    return item.info;
  }

  /**
   * The rows for one committed object, inside the group's transaction: new evidence, or the
   * existing one with the new link. On failure the caller discards the object if this add created it.
   */
  private async recordIn(
    trx: Executor,
    item: PreparedEntry,
    info: ContentInfo | null,
    options: AddOptions,
    actor: string,
  ): Promise<{ duplicate: boolean; evidence: EvidenceItem }> {
    const { sha256, size } = item.object;
    const name = item.name;
    const now = this.deps.clock.now();
    const existing = await findLiveEvidenceBySha(trx, sha256);
    if (existing) {
      await insertAudit(trx, {
        at: now,
        actor,
        action: 'evidence.add',
        entity,
        entityId: existing.id,
        after: { sha256, size, originalName: name, duplicateOf: existing.id },
      });
      if (options.link) await this.linkIn(trx, existing, options.link, now, actor);
      return { duplicate: true, evidence: (await findEvidence(trx, existing.id))! };
    }
    // Inspected above unless a live row existed; only a trash in the instant since ends up here.
    const content = info;
    if (!content) throw new Error(`Evidence for ${sha256} vanished during the add.`);
    const created = await insertEvidence(trx, {
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
    await insertAudit(trx, { at: now, actor, action: 'evidence.add', entity, entityId: created.id, after: created });
    if (!options.link) return { duplicate: false, evidence: created };
    await this.linkIn(trx, created, options.link, now, actor);
    return { duplicate: false, evidence: (await findEvidence(trx, created.id))! };
  }

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
    return this.change(input.id, async (trx, before, now) => {
      const tags = input.tags && [...new Set(input.tags)];
      await updateEvidenceMetadata(trx, input.id, { ...input, tags, now });
      const after = (await findEvidence(trx, input.id))!;
      await insertAudit(trx, { at: now, actor, action: 'evidence.update', entity, entityId: input.id, before, after });
      return after;
    });
  }

  link(id: number, target: EvidenceTarget, actor: string): Promise<EvidenceItem> {
    return this.change(id, async (trx, before, now) => {
      if (before.trashedAt !== null) throw new AppError('CONFLICT', `Evidence ${id} is in the trash. Restore it before linking it.`);
      await this.linkIn(trx, before, target, now, actor);
      return (await findEvidence(trx, id))!;
    });
  }

  unlink(id: number, target: EvidenceTarget, actor: string): Promise<EvidenceItem> {
    return this.change(id, async (trx, before, now) => {
      if (!(await deleteEvidenceLink(trx, id, target))) {
        throw new AppError('NOT_FOUND', `Evidence ${id} is not linked to ${target.targetType} ${target.targetId}.`);
      }
      await insertAudit(trx, { at: now, actor, action: 'evidence.unlink', entity, entityId: id, after: { sha256: before.sha256, ...target } });
      return (await findEvidence(trx, id))!;
    });
  }

  trash(id: number, actor: string): Promise<EvidenceItem> {
    return this.change(id, async (trx, before, now) => {
      if (before.trashedAt !== null) return before;
      await setEvidenceTrashed(trx, id, { at: now, by: actor });
      await insertAudit(trx, { at: now, actor, action: 'evidence.trash', entity, entityId: id, after: { sha256: before.sha256, originalName: before.originalName } });
      return (await findEvidence(trx, id))!;
    });
  }

  restore(id: number, actor: string): Promise<EvidenceItem> {
    return this.change(id, async (trx, before, now) => {
      if (before.trashedAt === null) return before;
      const live = await findLiveEvidenceBySha(trx, before.sha256);
      if (live) {
        throw new AppError('CONFLICT', `The same file is already in the vault as evidence ${live.id} ("${live.originalName}").`, { existingId: live.id });
      }
      await setEvidenceTrashed(trx, id, null);
      await insertAudit(trx, { at: now, actor, action: 'evidence.restore', entity, entityId: id, after: { sha256: before.sha256, originalName: before.originalName } });
      return (await findEvidence(trx, id))!;
    });
  }

  /**
   * Deletes trashed evidence for good, then each object no remaining row names. Owner-only once
   * roles arrive (issue #4); the confirmation is required by the contract.
   */
  emptyTrash(actor: string): Promise<{ removedEvidence: number; removedObjects: number; freedBytes: number }> {
    return this.vaultLock.runExclusive(async () => {
      const now = this.deps.clock.now();
      const rows = await this.deps.db.transaction().execute(async (trx) => {
        const trashed = await listTrashedRows(trx);
        await deleteEvidenceRows(trx, trashed.map((row) => row.id));
        for (const row of trashed) {
          await insertAudit(trx, { at: now, actor, action: 'evidence.purge', entity, entityId: row.id, after: { sha256: row.sha256, originalName: row.original_name } });
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
    const referenced = new Set(objects.map((object) => object.sha256));
    const unreferenced = (await listObjectNames(this.deps.dataDir)).filter((name) => !referenced.has(name));
    const ok = missing.length === 0 && altered.length === 0;
    const message = ok
      ? `All ${objects.length} vault file(s) are present and unchanged.`
      : `Vault check failed: ${missing.length} missing and ${altered.length} altered file(s) out of ${objects.length}.`;
    const report = { ok, checked: objects.length, bytes, missing, altered, unreferenced, message };
    await insertAudit(this.deps.db, {
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
    await insertAudit(this.deps.db, {
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

  private async linkIn(trx: Executor, item: EvidenceItem, target: EvidenceTarget, now: number, actor: string) {
    if (await insertEvidenceLink(trx, { evidenceId: item.id, target, at: now, by: actor })) {
      await insertAudit(trx, { at: now, actor, action: 'evidence.link', entity, entityId: item.id, after: { sha256: item.sha256, ...target } });
    }
  }

  private async change(
    id: number,
    apply: (trx: Executor, before: EvidenceItem, now: number) => Promise<EvidenceItem>,
  ): Promise<EvidenceItem> {
    const now = this.deps.clock.now();
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const before = await findEvidence(trx, id);
      if (!before) throw notFound('Evidence', id);
      return apply(trx, before, now);
    });
    this.deps.events.emit('data.changed', { domain: 'evidence' });
    return result;
  }
}
