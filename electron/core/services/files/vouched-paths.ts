import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import type { VouchKind, VouchOutcome } from '../../../../shared/contract/files';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';

/** Long enough to finish a mapping screen after lunch; a token older than this asks for a new pick. */
export const vouchedLifetimeMs = 60 * 60_000;
/** Far more than anyone picks in an hour (an evidence add takes 500 at a time); the oldest go first. */
export const vouchedMaxEntries = 5000;

interface Entry {
  kind: VouchKind;
  path: string;
  name: string;
  expiresAt: number;
}

/**
 * Paths the Electron main process vouched for, each behind a random token. Tokens live only in
 * this process's memory: a restart of the core forgets them (the person picks again). The store
 * is filled only through `Core.vouch`, which no transport exposes; the window and the browser can
 * only redeem tokens they were given.
 */
export class VouchedPaths {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeMs = vouchedLifetimeMs,
    private readonly maxEntries = vouchedMaxEntries,
  ) {}

  /** One outcome per path, in order: a token for each that is what `kind` says, a reason otherwise. */
  vouch(kind: VouchKind, paths: readonly string[]): VouchOutcome[] {
    this.sweep();
    return paths.map((given) => this.vouchOne(kind, given));
  }

  private vouchOne(kind: VouchKind, given: string): VouchOutcome {
    const name = basename(given) || given;
    if (typeof given !== 'string' || given === '' || !isAbsolute(given)) {
      return { ok: false, name, code: 'VALIDATION', reason: 'not_on_disk', message: `"${String(given).slice(0, 200)}" is not an absolute path.` };
    }
    const path = resolve(given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return { ok: false, name, code: 'BAD_FILE', reason: 'vanished', message: `${name} does not exist or cannot be read.` };
    }
    if (kind === 'file' && !stat.isFile()) return { ok: false, name, code: 'BAD_FILE', reason: 'not_a_file', message: `${name} is a folder, not a file.` };
    if (kind === 'folder' && !stat.isDirectory()) return { ok: false, name: path, code: 'BAD_FILE', reason: 'not_a_folder', message: `${path} is a file, not a folder.` };
    const token = randomBytes(24).toString('base64url');
    const shown = kind === 'folder' ? path : name;
    this.entries.set(token, { kind, path, name: shown, expiresAt: this.clock.now() + this.lifetimeMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return { ok: true, token, kind, name: shown, size: kind === 'file' ? stat.size : 0 };
  }

  /**
   * The path behind `token`, if it is live and of `kind`; throws a refusal a person can act on
   * otherwise. Does not spend the token: a preview and the import after it use the same one.
   */
  redeem(token: string, kind: VouchKind): { path: string; name: string } {
    const entry = this.entries.get(token);
    if (!entry || entry.expiresAt <= this.clock.now()) {
      if (entry) this.entries.delete(token);
      throw new AppError(
        'NOT_FOUND',
        kind === 'folder'
          ? 'The chosen folder is no longer known (it was chosen over an hour ago, or the app restarted). Choose the folder again.'
          : 'The chosen file is no longer known (it was chosen over an hour ago, or the app restarted). Choose or drop the file again.',
        { reason: 'token_expired' },
      );
    }
    if (entry.kind !== kind) {
      throw new AppError('VALIDATION', kind === 'folder' ? `${entry.name} was chosen as a file, not a folder. Choose a folder.` : `${entry.name} was chosen as a folder, not a file. Choose a file.`, {
        reason: 'token_wrong_kind',
      });
    }
    return { path: entry.path, name: entry.name };
  }

  /** Forgets a token once the call that acts on it (an import started, files added, a folder set) has. */
  spend(token: string): void {
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep() {
    const now = this.clock.now();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token);
  }
}
