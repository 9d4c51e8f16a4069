import type { ImportRun } from '../../../../shared/contract';
import { insertAudit } from '../../../../db/queries/audit';
import { listRunningRuns, markRunInterrupted, type RunningRun } from '../../../../db/queries/imports';
import { describeInstance } from '../../process-marker';
import type { ServiceDeps } from '../service-deps';

/*
 * Runs left 'running' by a process that died (the app, the harness or the CLI, killed or cut off
 * mid-import). Whole batches commit with their counts, so what the run row says it read and
 * stored is exactly what is in the database; the rest of the file never was.
 */

function interruptedMessage(counts: ImportRun['counts'], by: string): string {
  return (
    `${by[0]!.toUpperCase()}${by.slice(1)} stopped during this import after ${counts.read} rows ` +
    `(${counts.inserted} new, ${counts.duplicates} already stored, ${counts.rejected} with problems). ` +
    'Whole batches up to that point were kept; import the file again to add the rest (rows already stored are skipped).'
  );
}

/** Marks one run of a dead process as interrupted; false when it was not 'running' any more. */
export async function interruptRun(deps: ServiceDeps, run: RunningRun, actor: string): Promise<boolean> {
  const now = deps.clock.now();
  const message = interruptedMessage(run.counts, describeInstance(deps.instance.describe(run.owner)));
  const marked = await markRunInterrupted(deps.db, run.id, {
    now,
    message,
    notice: { code: 'interrupted_after', params: { rows: run.counts.read, inserted: run.counts.inserted } },
  });
  if (!marked) return false;
  insertAudit(deps.sqlite, { at: now, actor, action: 'imports.interrupted', entity: 'import', entityId: run.id, after: { owner: run.owner, counts: run.counts } });
  deps.events.emit('import.finished', { importId: run.id, status: 'failed', message });
  deps.events.emit('data.changed', { domain: 'imports' });
  return true;
}

/**
 * Every 'running' run whose process is gone is marked interrupted; runs of another live process
 * are left alone, and so are this process's (one may be between being recorded and starting)
 * unless `includeOwn`: a database just opened (at start, or after a restore brought back a copy
 * taken mid-import) has none of this process's runs in progress. Returns the ids marked.
 */
export async function recoverDeadRuns(deps: ServiceDeps, options: { includeOwn?: boolean } = {}, actor = 'system'): Promise<number[]> {
  const marked: number[] = [];
  for (const run of await listRunningRuns(deps.db)) {
    const state = deps.instance.ownerState(run.owner);
    if (state === 'alive' || (state === 'self' && !options.includeOwn)) continue;
    if (await interruptRun(deps, run, actor)) marked.push(run.id);
  }
  return marked;
}

/**
 * The running run `importId` if nobody can stop it any more: its process is gone, or it is this
 * process's but no longer in progress here (its end could not be recorded). Else undefined.
 */
export async function deadRun(deps: ServiceDeps, importId: number, isActive: (importId: number) => boolean): Promise<RunningRun | undefined> {
  const run = (await listRunningRuns(deps.db)).find((candidate) => candidate.id === importId);
  if (!run) return undefined;
  const state = deps.instance.ownerState(run.owner);
  return state === 'alive' || (state === 'self' && isActive(run.id)) ? undefined : run;
}
