import { z } from 'zod';
import { mutation, noInput, query } from './method';

// Backups and database checks.

export const verifyReport = z.object({
  ok: z.boolean(),
  dbPath: z.string(),
  integrity: z.array(z.string()),
  schemaVersion: z.string().nullable(),
  expectedSchemaVersion: z.string(),
  pendingMigrations: z.array(z.string()),
  message: z.string(),
});

export type VerifyReport = z.infer<typeof verifyReport>;

export const maintenanceMethods = {
  'maintenance.backup': mutation(noInput, z.object({ path: z.string(), bytes: z.number().int() }), 'agent'),
  'maintenance.verify': query(noInput, verifyReport),
} as const;
