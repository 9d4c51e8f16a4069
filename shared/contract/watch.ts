import { z } from 'zod';
import { mutation, noInput, query } from './method';
import { id, platformId, timestamp } from './common';

// The watched import folder.

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
    z.object({ folder: z.string().min(1).max(4096).nullable(), platform: platformId.nullable(), shopId: id.nullable() }).strict(),
    watchedFolder,

    'agent',
  ),
} as const;
