import type { EvidenceItem, FileSource } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/contract/errors';
import { countEvidenceForSha, findLiveEvidenceBySha } from '../../../../db/queries/evidence';
import { inTransaction } from '../../../../db/transaction';
import { AppError } from '../../errors';
import type { ServiceDeps } from '../service-deps';
import { describeFsError, type EvidenceIo, type OpenedSource } from './evidence-io';
import { inspectContent, type ContentInfo } from './evidence-inspect';
import { readEvidenceSettings } from './evidence-settings';
import { entryForBytes, entryForPath, entryForSource, type AddEntry } from './intake-entries';
import { addConcurrency, commitGroupMax, oneNamingAtATime, withPrepareSlot } from './intake-queues';
import { recordAdd, type AddOptions, type GroupTransaction } from './intake-record';
import type { VaultLock } from './vault-lock';
import { vaultObjectPath } from './vault-paths';
import { discardObject, formatBytes, prepareObject, releaseSource, type PreparedObject } from './vault-prepare';
import { ensureVaultTmpDir, flushObjects, nameObjects, removeObject, type FlushResult } from './vault-store';

export type AddOutcome =
  | { ok: true; path: string; duplicate: boolean; evidence: EvidenceItem }
  | { ok: false; path: string; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/** A file copied and hashed into a temporary file, waiting for its group's commit. */
interface PreparedEntry {
  index: number;
  path: string;
  name: string;
  object: PreparedObject;
  info: ContentInfo | null;
  done?: () => Promise<void>;
}

/**
 * Files into the vault. File work (streaming, hashing, fsync, rename, inspecting) always happens
 * before a transaction opens; each transaction only writes rows and their audit entries.
 * Deduplication: the same bytes are one live piece of evidence. Adding them again returns that
 * evidence (`duplicate: true`) and adds the requested link to it instead of a second row.
 */
export class EvidenceIntake {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly io: EvidenceIo,
    private readonly vaultLock: VaultLock,
    private readonly writeGroup: GroupTransaction,
  ) {}

  /** Adds files one by one; a refused file is reported in its outcome and never stops the rest. */
  add(paths: string[], options: AddOptions, actor: string, sources: FileSource[] = []): Promise<AddOutcome[]> {
    const entries = [...paths.map((path) => entryForPath(this.io, path)), ...sources.map((source) => entryForSource(this.io, this.deps.dataDir, source))];
    return this.addEntries(entries, options, actor);
  }

  /** Pasted bytes (a screenshot), stored exactly like a file under the name as given. */
  addBytes(name: string, base64: string, options: AddOptions, actor: string): Promise<AddOutcome[]> {
    return this.addEntries([entryForBytes(name, base64)], options, actor);
  }

  /** One file into the vault. Throws AppError('BAD_FILE') for an empty, oversized, vanished or unreadable file. */
  async addFile(path: string, options: AddOptions, actor: string, maxFileBytes: number): Promise<{ duplicate: boolean; evidence: EvidenceItem }> {
    const [outcome] = await this.runAdd([entryForPath(this.io, path)], options, actor, maxFileBytes);
    if (!outcome!.ok) throw new AppError(outcome!.error.code, outcome!.error.message, outcome!.error.details);
    return { duplicate: outcome!.duplicate, evidence: outcome!.evidence };
  }

  private async addEntries(entries: AddEntry[], options: AddOptions, actor: string): Promise<AddOutcome[]> {
    const { maxFileBytes } = await readEvidenceSettings(this.deps.db);
    const outcomes = await this.runAdd(entries, options, actor, maxFileBytes);
    if (outcomes.some((outcome) => outcome.ok)) this.deps.events.emit('data.changed', { domain: 'evidence' });
    return outcomes;
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
          // One transaction for the group; a savepoint per file (a nested inTransaction), so a
          // file whose rows fail is rolled back and reported alone while the others are kept.
          await this.writeGroup(() => {
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
                const named = { sha256, size: item.object.size, name: item.name, info: info.value };
                const recorded = inTransaction(this.deps.sqlite, () => recordAdd(this.deps.sqlite, named, options, actor, this.deps.clock.now()));
                groupOutcomes.set(item.index, { ok: true, path: item.path, ...recorded });
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
    const object = await prepareObject(this.deps.dataDir, bytes, { maxBytes: maxFileBytes, name, owner: this.deps.instance.id }).catch((error: unknown) => {
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

  /** What a named object's rows need, read before the transaction: its content, unless live evidence holds it. */
  private async recordInfo(item: PreparedEntry): Promise<ContentInfo | null> {
    const { sha256, head } = item.object;
    // The live row seen while preparing went to the trash since: this add is new evidence again.
    if (!item.info && !(await findLiveEvidenceBySha(this.deps.db, sha256))) return inspectContent(vaultObjectPath(this.deps.dataDir, sha256), head, item.name);
    return item.info;
  }
}
