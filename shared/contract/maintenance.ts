import { z } from 'zod';
import { mutation, noInput, query } from './method';

// Backups, restore and database checks.

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

export const backupKinds = ['daily', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupKindName = (typeof backupKinds)[number];

/** A file in the backups folder, named by its file name (never a path: the folder is the only place restores come from). */
export const backupEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(backupKinds),
  takenAt: z.number().int(),
  bytes: z.number().int(),
  /** How many vault objects its manifest lists; null when it was written without one. */
  vaultObjects: z.number().int().nullable(),
});

export type BackupEntry = z.infer<typeof backupEntry>;

export const backupContents = z.object({
  reviews: z.number().int(),
  cases: z.number().int(),
  evidence: z.number().int(),
  imports: z.number().int(),
  staff: z.number().int(),
  newestReviewAt: z.number().int().nullable(),
});

export const backupPreview = z.object({
  backup: backupEntry,
  /** False when the copy must not be restored; `problem` says why. */
  ok: z.boolean(),
  problem: z.string().nullable(),
  schemaVersion: z.string().nullable(),
  /** Null for a damaged copy, or one taken before the tables it counts existed. */
  contents: backupContents.nullable(),
  /** Vault objects the copy refers to that are no longer in the vault. */
  missingVaultObjects: z.number().int(),
});

export type BackupPreview = z.infer<typeof backupPreview>;

export const backupName = z.string().min(1).max(200).regex(/^[\w.-]+$/, 'a backup file name from the backups folder');

export const backupSettings = z.object({
  /** Daily backups kept; older ones are removed after each new one. */
  keepDaily: z.number().int().min(1).max(365),
});

export type BackupSettings = z.infer<typeof backupSettings>;

export const restoreOutcome = z.object({
  restoredFrom: z.string(),
  /** The database that was in place, kept byte for byte; null when there was none. */
  asidePath: z.string().nullable(),
  status: z.enum(['ready', 'error']),
});

export const maintenanceMethods = {
  'maintenance.backup': mutation(
    noInput,
    z.object({ path: z.string(), bytes: z.number().int(), manifestPath: z.string(), vaultObjects: z.number().int() }),
    'agent',
  ),
  'maintenance.verify': query(noInput, verifyReport),
  // The three below also answer while the database cannot be opened (the start-up error screen).
  'maintenance.listBackups': query(noInput, z.object({ items: z.array(backupEntry), dir: z.string() })),
  'maintenance.previewBackup': query(z.object({ name: backupName }).strict(), backupPreview),
  /** The newest backup that passes the integrity check (before-restore copies aside), or null. */
  'maintenance.getLatestGoodBackup': query(noInput, backupPreview.nullable()),
  'maintenance.restore': mutation(z.object({ name: backupName }).strict(), restoreOutcome, 'owner'),
  'maintenance.getBackupSettings': query(noInput, backupSettings),
  'maintenance.updateBackupSettings': mutation(backupSettings.strict(), backupSettings, 'owner'),
} as const;
