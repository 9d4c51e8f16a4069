import { readFile, rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { evidenceAddBytesMax, type FileSource } from '../../../../shared/contract';
import { AppError } from '../../errors';
import { stagedPaths } from '../imports/source';
import type { EvidenceIo, OpenedSource } from './evidence-io';
import { formatBytes } from './vault-prepare';

/** One thing to add: opened only when its turn comes, so a vanished file fails alone. */
export interface AddEntry {
  /** What the outcome reports as `path`: the path given, or the name for bytes and uploads. */
  path: string;
  name: string;
  /** For uploads: the original name, read from the staging side file. */
  resolveName?: () => Promise<string>;
  open(name: string): Promise<OpenedSource>;
  /** Runs after the outcome is known (removes a consumed upload). */
  done?: () => Promise<void>;
}

export function entryForPath(io: EvidenceIo, path: string): AddEntry {
  return { path, name: basename(path), open: (name) => io.openSource(path, name) };
}

/**
 * Bytes with no file behind them (a pasted screenshot): decoded here, then stored exactly like a
 * file. The name is kept as given and never becomes a path.
 */
export function entryForBytes(name: string, base64: string): AddEntry {
  const bytes = Buffer.from(base64, 'base64');
  return {
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
}

/** A picked or dropped file: its path (Electron) or an upload in the staging folder (browser harness). */
export function entryForSource(io: EvidenceIo, dataDir: string, source: FileSource): AddEntry {
  if (source.kind === 'path') return entryForPath(io, source.path);
  if (source.kind === 'text') {
    return {
      path: '',
      name: '',
      open: () => Promise.reject(new AppError('BAD_FILE', 'Pasted text is not a file; save it as a file and add that.', { reason: 'not_a_file' })),
    };
  }
  const staged = stagedPaths(dataDir, source.id);
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
      return io.openSource(staged.data, name);
    },
    // An upload serves one add; once the vault holds (or refused) it, the copy is not needed.
    done: async () => {
      await rm(staged.data, { force: true });
      await rm(staged.meta, { force: true });
    },
  };
}
