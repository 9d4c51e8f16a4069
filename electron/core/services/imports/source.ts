import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileSource } from '../../../../shared/contract';
import { AppError } from '../../errors';

export type ResolvedSource =
  | { kind: 'file'; path: string; fileName: string; size: number; stagedId: string | null }
  | { kind: 'text'; text: string; fileName: string };

export function stagingDir(dataDir: string): string {
  return join(dataDir, 'staging');
}

/** Where `POST /upload` keeps a file and the name it came with. */
export function stagedPaths(dataDir: string, id: string) {
  return { data: join(stagingDir(dataDir), id), meta: join(stagingDir(dataDir), `${id}.json`) };
}

export function resolveSource(source: FileSource, dataDir: string): ResolvedSource {
  if (source.kind === 'text') return { kind: 'text', text: source.text, fileName: '粘贴的表格' };
  const path = source.kind === 'path' ? source.path : stagedPaths(dataDir, source.id).data;
  let fileName = basename(path);
  if (source.kind === 'staged') {
    const meta = stagedPaths(dataDir, source.id).meta;
    if (!existsSync(path)) throw new AppError('NOT_FOUND', 'The uploaded file is no longer there (uploads are kept for 24 hours). Upload it again.');
    try {
      fileName = (JSON.parse(readFileSync(meta, 'utf8')) as { name?: string }).name ?? fileName;
    } catch {
      // The name is only for display; the bytes are what matter.
    }
  }
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new AppError('BAD_FILE', `${fileName} is a folder, not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `The file ${path} does not exist or cannot be read.`);
  }
  return { kind: 'file', path, fileName, size, stagedId: source.kind === 'staged' ? source.id : null };
}
