import { z } from 'zod';
import { platformIds } from '../domain/platforms';
import { staffRoles } from '../domain/roles';
import { colorSchemes, languages } from '../domain/preferences';

/** Inputs of methods that take nothing. Extra keys are refused so typos surface. */
export const noInput = z.object({}).strict();

export const id = z.number().int().positive();
/** UTC epoch milliseconds. */
export const timestamp = z.number().int().nonnegative();

export const platformId = z.enum(platformIds);
export const staffRole = z.enum(staffRoles);

/** A person's or shop's display name: trimmed, 1–40 characters. */
export const displayName = z.string().trim().min(1).max(40);

export const shop = z.object({
  id,
  platform: platformId,
  name: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Shop = z.infer<typeof shop>;

export const staffMember = z.object({
  id,
  name: z.string(),
  role: staffRole,
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type StaffMember = z.infer<typeof staffMember>;

export const auditEntry = z.object({
  id,
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const preferences = z.object({
  language: z.enum(languages),
  colorScheme: z.enum(colorSchemes),
  timeZone: z.string().min(1),
});
export type Preferences = z.infer<typeof preferences>;

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
