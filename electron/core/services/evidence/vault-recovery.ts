import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { countEvidenceForSha, listReferencedObjects } from '../../../../db/queries/evidence';
import { insertAudit } from '../../../../db/queries/audit';
import { AppError } from '../../errors';
import { describeInstance, isInstanceId, type ProcessMarker } from '../../process-marker';
import type { ServiceDeps } from '../service-deps';
import type { VaultLock } from './vault-lock';
import { isSha256Hex, vaultObjectsDir, vaultTmpDir } from './vault-paths';
import { removeObject } from './vault-store';

/*
 * What a process killed during an add leaves in the vault, and how it is cleared:
 * - a temporary file (`vault/tmp/<owner>.<random>.part`, killed mid-copy), removed at the next
 *   start of any process once its owner is gone;
 * - an object with no evidence row (killed between naming the object and writing its row), which
 *   `evidence verify` lists and the owner may delete (`evidence.cleanOrphans`).
 */

/** Temporary files of older builds name no owner: removed once nothing has written them for this long. */
const unownedPartQuietMs = 10 * 60_000;

/** Removes temporary files whose process is gone; a live process's (this one's included) are kept. */
export async function clearDeadVaultTmp(dataDir: string, instance: ProcessMarker, now: number): Promise<{ removed: number; bytes: number }> {
  const dir = vaultTmpDir(dataDir);
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    return { removed: 0, bytes: 0 };
  }
  const states = new Map<string, boolean>();
  const ownerAlive = (owner: string) => {
    if (!states.has(owner)) states.set(owner, instance.ownerState(owner) !== 'dead');
    return states.get(owner)!;
  };
  let removed = 0;
  let bytes = 0;
  for (const file of files) {
    const owner = file.split('.')[0]!;
    const path = join(dir, file);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    const dead = isInstanceId(owner) ? !ownerAlive(owner) : now - info.mtimeMs > unownedPartQuietMs;
    if (!dead) continue;
    try {
      await rm(path, { force: true });
    } catch {
      continue; // held open elsewhere (Windows): the next start tries again
    }
    removed += 1;
    bytes += info.size;
  }
  return { removed, bytes };
}

export interface OrphanObject {
  /** The name it has in the vault (`ab` + `cdef…`): its hash, unless something else put it there. */
  sha256: string;
  size: number;
  /** A hash-named regular file in a real shard folder: the only kind cleaning deletes (never through a symlink). */
  removable: boolean;
}

/** Entries in the vault's object folders that no evidence row names, with their sizes. */
export async function listOrphanObjects(dataDir: string, referenced: ReadonlySet<string>): Promise<OrphanObject[]> {
  const root = vaultObjectsDir(dataDir);
  const shards = (await readdir(root).catch(() => [] as string[])).sort();
  const orphans: OrphanObject[] = [];
  for (const shard of shards) {
    const shardInfo = await lstat(join(root, shard)).catch(() => null);
    if (!shardInfo?.isDirectory() && !shardInfo?.isSymbolicLink()) continue;
    const files = (await readdir(join(root, shard)).catch(() => [] as string[])).sort();
    for (const file of files) {
      const name = `${shard}${file}`;
      if (referenced.has(name)) continue;
      const info = await lstat(join(root, shard, file)).catch(() => null);
      const regular = info?.isFile() === true;
      orphans.push({ sha256: name, size: regular ? info!.size : 0, removable: regular && shardInfo.isDirectory() && isSha256Hex(name) && shard === name.slice(0, 2) });
    }
  }
  return orphans;
}

/** The vault's orphan objects now, without re-hashing anything. */
export async function findOrphanObjects(deps: ServiceDeps): Promise<OrphanObject[]> {
  const referenced = new Set((await listReferencedObjects(deps.db)).map((object) => object.sha256));
  return listOrphanObjects(deps.dataDir, referenced);
}

/**
 * Deletes the vault's orphan objects, holding the vault alone so no add of this process is between
 * naming an object and writing its row. Another live process could be exactly there, so while one
 * has the data directory open nothing is deleted. Each object is checked against the rows again
 * right before it goes, and each removal is audited.
 */
export function cleanOrphanObjects(deps: ServiceDeps, vaultLock: VaultLock, actor: string): Promise<{ removed: number; freedBytes: number }> {
  return vaultLock.runExclusive(async () => {
    const others = deps.instance.liveOthers();
    if (others.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${describeInstance(others[0]!)} also has this data folder open and may be adding files. Close it, then clean the orphan files again.`,
        { reason: 'other_process', pid: others[0]!.pid },
      );
    }
    const removedObjects: OrphanObject[] = [];
    for (const orphan of await findOrphanObjects(deps)) {
      if (!orphan.removable || (await countEvidenceForSha(deps.db, orphan.sha256)) > 0) continue;
      if (await removeObject(deps.dataDir, orphan.sha256)) removedObjects.push(orphan);
    }
    const freedBytes = removedObjects.reduce((sum, orphan) => sum + orphan.size, 0);
    insertAudit(deps.sqlite, {
      at: deps.clock.now(),
      actor,
      action: 'evidence.cleanOrphans',
      entity: 'evidence',
      entityId: null,
      after: { removed: removedObjects.length, freedBytes, objects: removedObjects.map(({ sha256, size }) => ({ sha256, size })) },
    });
    if (removedObjects.length > 0) deps.events.emit('data.changed', { domain: 'evidence' });
    return { removed: removedObjects.length, freedBytes };
  });
}
