import { z } from 'zod';
import { mutation, noInput, query } from './method';

// The app itself: its status and its folders.

export const appStatus = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    version: z.string(),
    dataDir: z.string(),
    dbPath: z.string(),
    schemaVersion: z.string(),
    /** Set when this start migrated an existing database; names the safety copy. */
    migratedFromBackup: z.string().nullable(),
  }),
  z.object({
    state: z.literal('error'),
    version: z.string(),
    reason: z.enum(['corrupt', 'migration-failed', 'newer-schema', 'unreadable']),
    message: z.string(),
    dbPath: z.string(),
    backupsDir: z.string(),
  }),
]);

export type AppStatus = z.infer<typeof appStatus>;

export const appMethods = {
  'app.status': query(noInput, appStatus),
  'app.openFolder': mutation(
    z.object({ folder: z.enum(['data', 'backups']) }).strict(),
    z.object({ path: z.string(), opened: z.boolean() }),

    'anyone',
  ),
} as const;
