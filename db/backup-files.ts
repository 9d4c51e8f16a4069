import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupKindName } from '../shared/contract/maintenance';
import { fileStamp } from './files';

/**
 * Names and housekeeping of the backups folder. A backup is `reviewdesk-<stamp>-<label>.sqlite`
 * with its vault manifest `reviewdesk-<stamp>-<label>.vault.json` beside it; the stamp is the
 * time it was taken (UTC), the label says why.
 */
export type BackupKind = BackupKindName;

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  takenAt: number;
  bytes: number;
  /** The vault manifest written with it, when there is one. */
  manifestPath: string | null;
}

const backupName = /^reviewdesk-(\d{8})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z0-9-]+)\.sqlite$/;

export function backupFileName(now: number, label: string): string {
  return `reviewdesk-${fileStamp(now)}-${label}.sqlite`;
}

export function manifestPathFor(backupPath: string): string {
  return backupPath.replace(/\.sqlite$/, '.vault.json');
}

function kindOf(label: string): BackupKind {
  if (label === 'daily' || label === 'before-restore') return label;
  if (label.startsWith('before-')) return 'before-migration';
  return 'manual';
}

/** The backup a file name describes, or null for any other file. */
export function parseBackupName(name: string): { takenAt: number; kind: BackupKind } | null {
  const match = backupName.exec(name);
  if (!match) return null;
  const [, day, hh, mm, ss, ms, label] = match as unknown as [string, string, string, string, string, string, string];
  const takenAt = Date.parse(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${hh}:${mm}:${ss}.${ms}Z`);
  return Number.isFinite(takenAt) ? { takenAt, kind: kindOf(label) } : null;
}

/** Every finished backup in `dir`, newest first. A missing folder has none. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const present = new Set(names);
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    let bytes: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    const manifest = name.replace(/\.sqlite$/, '.vault.json');
    files.push({ name, path, ...parsed, bytes, manifestPath: present.has(manifest) ? join(dir, manifest) : null });
  }
  return files.sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

/**
 * Keeps the newest `keep` daily backups and removes older ones with their manifests. Backups
 * made by hand, before a migration or before a restore are the person's own and never rotated.
 */
export function rotateDailyBackups(dir: string, keep: number): string[] {
  const removed: string[] = [];
  for (const file of listBackupFiles(dir).filter((f) => f.kind === 'daily').slice(keep)) {
    rmSync(file.path, { force: true });
    if (file.manifestPath) rmSync(file.manifestPath, { force: true });
    removed.push(file.name);
  }
  return removed;
}

/** Where a copy in progress is written: the writer's pid is in the name, so start-up can tell a dead writer's leftovers from a live one's work. */
export function partialPathFor(path: string, pid = process.pid): string {
  return `${path}.${pid}.partial`;
}

const partialName = /\.(?:(\d+)\.)?partial(?:-journal|-wal|-shm)?$/;
/** A writer that has not touched its copy for this long is stuck or gone, whatever its pid says (pids are reused). */
export const stalePartialMs = 60 * 60 * 1000;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes copies left half-written by a process that died (power cut, kill) in `dirs`: a
 * `.partial` (and the `-journal` SQLite keeps beside a file it writes) whose writer's pid is gone,
 * or that nobody has written to for an hour. A copy another live process is writing stays.
 */
export function sweepPartialCopies(dirs: string[], now = Date.now()): { removed: string[]; bytes: number } {
  const removed: string[] = [];
  let bytes = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = partialName.exec(name);
      if (!match) continue;
      const path = join(dir, name);
      try {
        const stat = statSync(path);
        if (!stat.isFile()) continue;
        const pid = match[1] === undefined ? null : Number(match[1]);
        const stale = now - stat.mtimeMs > stalePartialMs;
        if (pid !== null && alive(pid) && !stale) continue;
        if (pid === null && !stale) continue;
        rmSync(path, { force: true });
        removed.push(path);
        bytes += stat.size;
      } catch {
        // Gone meanwhile (its writer finished or another sweep got it): nothing to do.
      }
    }
  }
  return { removed, bytes };
}
