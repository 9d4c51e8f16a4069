import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { platformId } from '../../../../shared/contract';
import type { PlatformId } from '../../../../shared/domain/platforms';
import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { findShop } from '../../../../db/queries/shops';
import { insertAudit } from '../../../../db/queries/audit';
import { insertImportRun } from '../../../../db/queries/imports';
import {
  countImportedWatchedFiles,
  findImportedContent,
  forgetWatchedFile,
  isWatchedFileTaken,
  listFailedWatchedFiles,
  rememberWatchedFile,
} from '../../../../db/queries/watch';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { ImportService } from '../imports/import-service';
import type { NotificationsService } from '../notifications/notifications-service';
import type { ServiceDeps } from '../service-deps';

/** Timers the scheduler runs on; tests pass fakes. */
export interface WatchTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: WatchTimers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A file is imported once its size and mtime are the same on two polls: 15–30 s after it lands. */
export const watchPollMs = 15_000;
const settingKey = 'inbox.watch';
const tableExtensions = new Set(['.csv', '.tsv', '.txt', '.xlsx']);
/** Failed files listed in the folder's status. */
const failedListed = 20;
/** Written before a file's import starts and replaced when it ends: left standing only if the process died. */
const diedWhileReading = 'The app stopped while reading this file (it may be what stopped it). It is not tried again until it changes; import it by hand to see the reason.';

const watchConfig = z.object({ folder: z.string().nullable(), platform: platformId.nullable(), shopId: z.number().int().nullable() });
type WatchConfig = z.infer<typeof watchConfig>;

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Watches the folder where 千牛/抖店 exports land and imports each new table once. Files are
 * remembered by path + size + mtime and by content hash in the database, so a restart, a copy
 * under another name or a file touched without changes never imports twice. A file that fails
 * is recorded as failed with the reason (listed in the folder's status, and one notification)
 * and not retried until it changes. The entry is written before the import starts, so a file
 * that takes the whole process down is not taken again after the restart either.
 */
export class WatchService {
  private handle: unknown = null;
  private polling: Promise<void> | null = null;
  private stopped = true;
  private closing = false;
  private lastScanAt: number | null = null;
  private problem: string | null = null;
  private readonly seen = new Map<string, { size: number; mtimeMs: number }>();
  /** The file being imported now: its provisional ledger entry is not a failure (yet). */
  private importing: string | null = null;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly imports: ImportService,
    private readonly timers: WatchTimers = realTimers,
    private readonly notifications: NotificationsService | null = null,
  ) {}

  private async config(): Promise<WatchConfig> {
    const parsed = watchConfig.safeParse(readSettingSync(this.deps.sqlite, settingKey));
    return parsed.success ? parsed.data : { folder: null, platform: null, shopId: null };
  }

  async get() {
    const config = await this.config();
    const filesImported = countImportedWatchedFiles(this.deps.sqlite);
    const failedFiles = listFailedWatchedFiles(this.deps.sqlite, failedListed + 1)
      .filter((file) => !(file.path === this.importing && file.message === diedWhileReading))
      .slice(0, failedListed)
      .map((file) => ({
      fileName: basename(file.path),
      path: file.path,
      reason: file.message ?? 'The import failed.',
      importId: file.importId,
      at: file.takenAt,
    }));
    return { ...config, lastScanAt: this.lastScanAt, filesImported, problem: config.folder === null ? null : this.problem, failedFiles };
  }

  /** `poll: false` (the CLI, a short-lived process) saves the choice without scanning here. */
  async set(input: { folder: string | null; platform: PlatformId | null; shopId: number | null }, actor: string, { poll = true } = {}) {
    if (input.folder !== null) {
      if (input.shopId === null || input.platform === null) {
        throw new AppError('VALIDATION', 'Choose the shop (and its platform) the folder’s exports belong to.', {
          issues: [{ path: input.shopId === null ? 'shopId' : 'platform', reason: 'required', message: 'Required with a folder.' }],
        });
      }
      const shop = await findShop(this.deps.db, input.shopId);
      if (!shop) throw notFound('Shop', input.shopId);
    }
    const before = await this.config();
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    inTransaction(sqlite, () => {
      writeSettingSync(sqlite, settingKey, input, now);
      insertAudit(sqlite, { at: now, actor, action: 'watch.set', entity: 'settings', entityId: settingKey, before, after: input });
    });
    this.seen.clear();
    this.problem = null;
    this.stop();
    if (poll) await this.start();
    this.deps.events.emit('data.changed', { domain: 'imports' });
    return this.get();
  }

  /** Starts polling if a folder is configured; the first poll runs at once. */
  async start(): Promise<void> {
    const config = await this.config();
    if (config.folder === null) return;
    this.stopped = false;
    this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.handle = this.timers.set(() => {
      this.handle = null;
      this.polling = this.poll()
        .then(() => undefined)
        .catch((error: unknown) => console.error('[watch] poll failed', error))
        .finally(() => {
          this.polling = null;
          this.schedule(watchPollMs);
        });
    }, ms);
  }

  stop(): void {
    this.stopped = true;
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }

  /** Stops and waits for a poll in progress (its import is cancelled by the import service). */
  async close(): Promise<void> {
    this.closing = true;
    this.stop();
    await this.polling;
  }

  /** One look at the folder; exposed so tests (and a "scan now" later) can drive it. */
  async poll(): Promise<{ imported: number[] }> {
    const config = await this.config();
    const imported: number[] = [];
    if (config.folder === null || config.shopId === null || config.platform === null) return { imported };
    let names: string[];
    try {
      names = await readdir(config.folder);
      this.problem = null;
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.problem = code === 'ENOENT' ? `The folder ${config.folder} does not exist.` : code === 'EACCES' ? `No permission to read ${config.folder}.` : `The folder cannot be read (${code ?? 'error'}).`;
      return { imported };
    } finally {
      this.lastScanAt = this.deps.clock.now();
    }
    const sqlite = this.deps.sqlite;
    for (const name of names.sort()) {
      // Office lock files (~$x.xlsx) and hidden files are never exports.
      if (name.startsWith('~$') || name.startsWith('.') || !tableExtensions.has(extname(name).toLowerCase())) continue;
      if (this.closing) break;
      const path = join(config.folder, name);
      let info;
      try {
        info = await stat(path);
      } catch {
        continue;
      }
      if (!info.isFile() || info.size === 0) continue;
      const mtimeMs = Math.trunc(info.mtimeMs);
      const previous = this.seen.get(path);
      this.seen.set(path, { size: info.size, mtimeMs });
      // Still being written (or first sight): wait for the next poll to see it unchanged.
      if (!previous || previous.size !== info.size || previous.mtimeMs !== mtimeMs) continue;
      const file = { path, size: info.size, mtimeMs };
      if (isWatchedFileTaken(sqlite, file)) continue;
      const sha256 = await sha256File(path);
      const now = this.deps.clock.now();
      const earlier = findImportedContent(sqlite, sha256);
      if (earlier) {
        rememberWatchedFile(sqlite, { ...file, sha256, importId: earlier.importId, outcome: 'imported', message: 'Same content as a file imported before.', takenAt: now });
        continue;
      }
      rememberWatchedFile(sqlite, { ...file, sha256, importId: null, outcome: 'failed', message: diedWhileReading, takenAt: now });
      this.importing = path;
      const outcome = await this.importFile(path, name, config as { folder: string; platform: PlatformId; shopId: number }).finally(() => {
        this.importing = null;
      });
      // Stopped by shutdown: not taken, so the next start imports it (rows already stored are skipped).
      if (outcome.cancelled && this.closing) {
        forgetWatchedFile(sqlite, file);
        break;
      }
      // Cancelled by the user: remembered, or the next poll would simply start it again.
      if (outcome.cancelled) {
        rememberWatchedFile(sqlite, { ...file, sha256, importId: outcome.importId, outcome: 'failed', message: 'Cancelled by the user.', takenAt: this.deps.clock.now() });
        continue;
      }
      rememberWatchedFile(sqlite, {
        ...file,
        sha256,
        importId: outcome.importId,
        outcome: outcome.ok ? 'imported' : 'failed',
        message: outcome.message,
        takenAt: this.deps.clock.now(),
      });
      if (outcome.ok) imported.push(outcome.importId);
      else this.reportFailure(name, outcome.message ?? 'The import failed.');
    }
    return { imported };
  }

  private async importFile(path: string, fileName: string, config: { platform: PlatformId; shopId: number }) {
    const actor = 'watched-folder';
    const source = { kind: 'path' as const, path };
    const fail = async (message: string) => {
      const importId = await insertImportRun(this.deps.db, {
        shopId: config.shopId,
        platform: config.platform,
        fileName,
        origin: 'watched-folder',
        format: null,
        encoding: null,
        mapping: {},
        now: this.deps.clock.now(),
        actor,
        status: 'failed',
        message,
        notice: { code: 'failed', params: {} },
      });
      this.deps.events.emit('import.finished', { importId, status: 'failed', message });
      this.deps.events.emit('data.changed', { domain: 'imports' });
      return { ok: false, cancelled: false, importId, message };
    };
    try {
      const preview = await this.imports.preview({ source, platform: config.platform });
      if (preview.missingFields.length > 0) {
        return await fail(`The columns for ${preview.missingFields.join(', ')} were not recognised. Import this file by hand once and save the mapping as a preset.`);
      }
      const { importId } = await this.imports.start({ source, platform: config.platform, shopId: config.shopId, mapping: preview.suggestedMapping }, actor, 'watched-folder');
      const run = await this.imports.waitFor(importId);
      return { ok: run.status === 'done', cancelled: run.status === 'cancelled', importId, message: run.message };
    } catch (error) {
      if (error instanceof AppError) return fail(error.message);
      // Anything else is still this file's failure: recorded, so the folder does not retry it forever.
      console.error(`[watch] importing ${fileName} failed unexpectedly`, error);
      return fail(`The import failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  /** Once per failed file (the ledger keeps it from being tried again): the notification centre and the desktop. */
  private reportFailure(fileName: string, reason: string) {
    if (!this.notifications) return;
    try {
      this.notifications.create({ kind: 'watch_failed', params: { fileName, reason }, route: '/settings', caseId: null, urgent: false, sound: false });
    } catch (error) {
      console.error('[watch] the failure notification could not be recorded', error);
    }
  }
}
