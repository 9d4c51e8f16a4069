import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import type { BackupEntry, BackupPreview } from '../../../../shared/contract';
import { listBackupFiles, type BackupFile } from '../../../../db/backup-files';
import { backupsDir, databasePath } from '../../../../db/files';
import { inspectBackup, isDatabaseInUse, swapInBackup } from '../../../../db/restore';
import { AppError } from '../../errors';
import { isSha256Hex, vaultObjectPath } from '../evidence/vault-paths';

/**
 * The backups folder as the app and the CLI see it: list, preview and restore. None of it needs
 * the open database, so the start-up error screen can use it when the database is damaged.
 */

/** The manifest's count sits in its first bytes, so a listing never parses a whole manifest. */
function manifestCount(path: string | null): number | null {
  if (!path) return null;
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(256);
      const read = readSync(fd, head, 0, head.length, 0);
      const match = /"count":(\d+)/.exec(head.subarray(0, read).toString('utf8'));
      return match ? Number(match[1]) : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

function toEntry(file: BackupFile): BackupEntry {
  return { name: file.name, path: file.path, kind: file.kind, takenAt: file.takenAt, bytes: file.bytes, vaultObjects: manifestCount(file.manifestPath) };
}

export function listBackups(dataDir: string): { items: BackupEntry[]; dir: string } {
  const dir = backupsDir(dataDir);
  return { items: listBackupFiles(dir).map(toEntry), dir };
}

function findBackup(dataDir: string, name: string): BackupFile {
  const file = listBackupFiles(backupsDir(dataDir)).find((candidate) => candidate.name === name);
  if (!file) throw new AppError('NOT_FOUND', `There is no backup named "${name}" in ${backupsDir(dataDir)}.`, { entity: 'backup', id: name });
  return file;
}

/** Objects the backup's manifest lists that the vault no longer has (a restore would show them as missing). */
function missingVaultObjects(dataDir: string, manifestPath: string | null): number {
  if (!manifestPath) return 0;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { objects?: { sha256?: unknown }[] };
    return (manifest.objects ?? []).filter((object) => isSha256Hex(object.sha256) && !existsSync(vaultObjectPath(dataDir, object.sha256))).length;
  } catch {
    return 0;
  }
}

function previewFile(dataDir: string, file: BackupFile): BackupPreview {
  const inspection = inspectBackup(file.path);
  return {
    backup: toEntry(file),
    ok: inspection.ok,
    problem: inspection.problem,
    schemaVersion: inspection.schemaVersion,
    contents: inspection.contents,
    missingVaultObjects: inspection.ok ? missingVaultObjects(dataDir, file.manifestPath) : 0,
  };
}

export function previewBackup(dataDir: string, name: string): BackupPreview {
  return previewFile(dataDir, findBackup(dataDir, name));
}

/**
 * The newest backup that opens and passes the integrity check. Copies set aside by a restore
 * are left out: they hold the state someone chose to replace, often the damaged file itself.
 */
export function latestGoodBackup(dataDir: string): BackupPreview | null {
  for (const file of listBackupFiles(backupsDir(dataDir))) {
    if (file.kind === 'before-restore') continue;
    const preview = previewFile(dataDir, file);
    if (preview.ok) return preview;
  }
  return null;
}

export function backupPathByName(dataDir: string, name: string): string {
  return findBackup(dataDir, name).path;
}

/**
 * Checks a backup and swaps it in; the caller has closed its own connection. Refuses a damaged
 * copy (BAD_FILE, with the reason) and a database another process has open (CONFLICT): that
 * process would go on writing to the file that was set aside.
 */
export function restoreClosedDatabase(dataDir: string, backupPath: string, now: number): { restoredFrom: string; asidePath: string | null } {
  const inspection = inspectBackup(backupPath);
  if (!inspection.ok) throw new AppError('BAD_FILE', `This backup cannot be restored: ${inspection.problem}`, { reason: 'backup-damaged' });
  if (isDatabaseInUse(databasePath(dataDir))) {
    throw new AppError(
      'CONFLICT',
      'Another ReviewDesk process (the app or a command) has the database open. Close it, then restore again.',
      { reason: 'database-in-use' },
    );
  }
  const { asidePath } = swapInBackup(dataDir, backupPath, now);
  return { restoredFrom: backupPath, asidePath };
}
