import { z } from 'zod';
import { mutation, noInput, query } from './method';
import { id, platformId, timestamp } from './common';
import { vouchedSource } from './files';

// The watched import folder.

/**
 * The folder to watch: a folder token from the main process's folder picker, `unchanged` to keep
 * the folder already watched (changing only the shop), or, from the local user only, a path.
 */
export const watchFolderInput = z.discriminatedUnion('kind', [
  vouchedSource,
  z.object({ kind: z.literal('unchanged') }).strict(),
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
]);

export type WatchFolderInput = z.infer<typeof watchFolderInput>;

export const watchedFolder = z.object({
  folder: z.string().nullable(),
  platform: platformId.nullable(),
  shopId: id.nullable(),
  lastScanAt: timestamp.nullable(),
  filesImported: z.number().int(),
  /** Why the folder cannot be watched right now (missing, no permission), for people. */
  problem: z.string().nullable(),
});

export const watchMethods = {
  'watch.get': query(noInput, watchedFolder),
  'watch.set': mutation(
    z.object({ folder: watchFolderInput.nullable(), platform: platformId.nullable(), shopId: id.nullable() }).strict(),
    watchedFolder,

    'agent',
  ),
} as const;
