import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../../errors';
import type { OpenFile } from './vault-prepare';

/** How the service reads a file the user chose; tests swap it to fail mid-read. */
export interface EvidenceIo {
  openSource(path: string, name: string): Promise<OpenedSource>;
}

/** A file on disk is handed over open (a hashing thread reads its descriptor); other bytes arrive as a stream. */
export type OpenedSource = { stream: Readable; size: number } | { file: OpenFile; size: number };

/** The refusal an add reports for a file system error while reading or storing `name`. */
export function describeFsError(name: string, error: unknown): AppError {
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
