import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/*
 * Which processes have the data directory open, so that start-up recovery can tell a run (or a
 * temporary file) left by a dead process from one a live process is still working on — the app
 * and the CLI may run side by side.
 *
 * Each core holds a lock for as long as it runs: `instances/<id>.lock`, a tiny SQLite file kept in
 * an open write transaction. The operating system releases that lock when the process ends in
 * any way (exit, crash, SIGKILL, power cut), so "can I take the lock?" answers "is the owner
 * alive?" on Windows, macOS and Linux alike, with no native code beyond the SQLite we ship and no
 * pid reuse to worry about (a pid + start-time record would need the start time of another process,
 * which Node cannot read portably). SQLite also keeps two connections of one process apart, so
 * cores started side by side in one test process see each other's locks. `<id>.json` beside the
 * lock says who it was (kind, pid, start time) for messages and people.
 */

export type InstanceKind = 'app' | 'harness' | 'cli';

export interface InstanceInfo {
  id: string;
  kind: InstanceKind;
  pid: number;
  startedAt: number;
}

export type OwnerState = 'self' | 'alive' | 'dead';

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lock file without its record is still being claimed, unless it is older than this. */
const claimGraceMs = 60_000;

export function instancesDir(dataDir: string): string {
  return join(dataDir, 'instances');
}

const lockPath = (dataDir: string, id: string) => join(instancesDir(dataDir), `${id}.lock`);
const infoPath = (dataDir: string, id: string) => join(instancesDir(dataDir), `${id}.json`);

export function isInstanceId(value: string): boolean {
  return idPattern.test(value);
}

/** Tries the lock of another instance: true when it is held (the owner is alive). */
function lockHeld(path: string): boolean | null {
  let probe: Database.Database;
  try {
    probe = new Database(path, { fileMustExist: true, timeout: 0 });
  } catch {
    return null;
  }
  try {
    // No journal file: the lock file stays the only file, with nothing in it.
    probe.pragma('journal_mode = MEMORY');
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    probe.close();
  }
}

function removeInstanceFiles(dataDir: string, id: string): void {
  rmSync(lockPath(dataDir, id), { force: true });
  rmSync(`${lockPath(dataDir, id)}-journal`, { force: true });
  rmSync(infoPath(dataDir, id), { force: true });
}

/** This process's claim on the data directory, held until `release`. */
export class ProcessMarker implements InstanceInfo {
  readonly id = randomUUID();
  readonly pid = process.pid;
  private lock: Database.Database | null;

  private constructor(
    readonly dataDir: string,
    readonly kind: InstanceKind,
    readonly startedAt: number,
  ) {
    mkdirSync(instancesDir(dataDir), { recursive: true });
    // The lock first, then the record: a record always names a held (or once held) lock.
    this.lock = new Database(lockPath(dataDir, this.id), { timeout: 0 });
    this.lock.pragma('journal_mode = MEMORY');
    this.lock.exec('BEGIN IMMEDIATE');
    const info: InstanceInfo = { id: this.id, kind, pid: this.pid, startedAt };
    const tmp = `${infoPath(dataDir, this.id)}.tmp`;
    writeFileSync(tmp, JSON.stringify(info));
    renameSync(tmp, infoPath(dataDir, this.id));
  }

  static claim(dataDir: string, kind: InstanceKind, now = Date.now()): ProcessMarker {
    return new ProcessMarker(dataDir, kind, now);
  }

  /** Whether the instance that owns something (a run, a temporary file) is this one, another live one, or gone. */
  ownerState(ownerId: string | null): OwnerState {
    if (ownerId === this.id) return this.lock ? 'self' : 'dead';
    if (ownerId === null || !isInstanceId(ownerId)) return 'dead';
    return lockHeld(lockPath(this.dataDir, ownerId)) === true ? 'alive' : 'dead';
  }

  /** Who an instance was, while its record lasts ("the CLI, pid 4242"). */
  describe(ownerId: string | null): InstanceInfo | null {
    if (ownerId === null || !isInstanceId(ownerId)) return null;
    try {
      return JSON.parse(readFileSync(infoPath(this.dataDir, ownerId), 'utf8')) as InstanceInfo;
    } catch {
      return null;
    }
  }

  /** The other instances that have the data directory open right now. */
  liveOthers(): InstanceInfo[] {
    let names: string[];
    try {
      names = readdirSync(instancesDir(this.dataDir));
    } catch {
      return [];
    }
    const ids = names.filter((name) => name.endsWith('.lock')).map((name) => name.slice(0, -'.lock'.length));
    return ids
      .filter((id) => isInstanceId(id) && id !== this.id && lockHeld(lockPath(this.dataDir, id)) === true)
      .map((id) => this.describe(id) ?? { id, kind: 'app', pid: 0, startedAt: 0 });
  }

  /** Removes the records of instances that are gone; returns their ids. Call after their leftovers are recovered. */
  sweepDead(now = Date.now()): string[] {
    let names: string[];
    try {
      names = readdirSync(instancesDir(this.dataDir));
    } catch {
      return [];
    }
    const swept: string[] = [];
    const ids = new Set(names.map((name) => name.split('.')[0]!).filter(isInstanceId));
    for (const id of ids) {
      if (id === this.id) continue;
      const held = lockHeld(lockPath(this.dataDir, id));
      if (held === true) continue;
      const hasInfo = names.includes(`${id}.json`);
      if (held === false && !hasInfo) {
        // Possibly a claim in progress: its lock file exists, its lock not yet taken.
        const age = now - (statSync(lockPath(this.dataDir, id), { throwIfNoEntry: false })?.mtimeMs ?? 0);
        if (age < claimGraceMs) continue;
      }
      try {
        removeInstanceFiles(this.dataDir, id);
        swept.push(id);
      } catch {
        // held open elsewhere (another process probing it on Windows): swept next time
      }
    }
    return swept;
  }

  /** Ends the claim (at close): the lock is let go and the files removed. */
  release(): void {
    if (!this.lock) return;
    this.lock.close();
    this.lock = null;
    try {
      removeInstanceFiles(this.dataDir, this.id);
    } catch {
      // best effort: the next start sweeps a record whose lock is free
    }
  }
}

/** "the CLI (pid 4242)" — who ran something, for messages. */
export function describeInstance(info: InstanceInfo | null): string {
  if (!info) return 'the process running it';
  const name = info.kind === 'cli' ? 'the CLI' : info.kind === 'harness' ? 'the browser harness' : 'the app';
  return `${name} (pid ${info.pid})`;
}
