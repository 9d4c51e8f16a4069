import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertImportRun } from '../../db/queries/imports';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { startTestCore } from '../../tests/helpers/test-core';
import { createShop } from '../../tests/helpers/inbox';
import type { Core } from './core';
import { instancesDir } from './process-marker';
import { vaultTmpDir } from './services/evidence/vault-paths';
import type { SchedulerTimers } from './services/sla/sla-scheduler';

const tempDir = useTempDirs();

const deadId = '0c0ffee0-0000-4000-8000-000000000002';

/** What a process killed mid-add leaves: its marker (record, unlocked lock) and a vault temporary file. */
function leftByDeadProcess(dataDir: string) {
  mkdirSync(instancesDir(dataDir), { recursive: true });
  writeFileSync(join(instancesDir(dataDir), `${deadId}.lock`), '');
  writeFileSync(join(instancesDir(dataDir), `${deadId}.json`), JSON.stringify({ id: deadId, kind: 'cli', pid: process.pid, startedAt: 1 }));
  mkdirSync(vaultTmpDir(dataDir), { recursive: true });
  writeFileSync(join(vaultTmpDir(dataDir), `${deadId}.a.part`), 'x');
}

/** SLA scheduler timers that record when the scheduler first armed (its start). */
function recordingTimers(log: string[]): SchedulerTimers {
  return {
    setTimeout: () => {
      log.push('sla armed');
      return null;
    },
    clearTimeout: () => {},
    monotonic: () => 0,
  };
}

describe('start-up order with onOpen', () => {
  it('answers queries at onOpen, with dead runs already recovered; files, the SLA start and changes follow, before startCore resolves', async () => {
    const dir = tempDir();
    const first = await startTestCore(dir);
    const shopId = await createShop(first.call);
    leftByDeadProcess(dir);
    const importId = await insertImportRun(first.core.services!.deps.db, { shopId, platform: 'taobao', fileName: 'a.csv', origin: 'cli', format: 'csv', encoding: 'utf-8', mapping: {}, now: 1, actor: 'cli', owner: deadId });
    await first.core.close();

    const log: string[] = [];
    let atOpen: Promise<unknown> = Promise.resolve();
    const second = await startTestCore(dir, {
      slaTimers: recordingTimers(log),
      onOpen: (core: Core) => {
        log.push('open');
        // What the dead process left on disk is still there: only the runs are recovered yet.
        expect(readdirSync(vaultTmpDir(dir))).toEqual([`${deadId}.a.part`]);
        atOpen = Promise.all([
          core.call('imports.get', { importId }).then((envelope) => {
            log.push('query answered');
            return envelope;
          }),
          core.call('shops.create', { platform: 'jd', name: '开店后' }).then((envelope) => {
            log.push('change answered');
            return envelope;
          }),
        ]);
      },
    });
    log.push('startCore resolved');
    try {
      const [run, created] = (await atOpen) as [{ ok: boolean; value?: { status: string } }, { ok: boolean }];
      // The query saw the run recovered; the change waited for the whole start.
      expect(run).toMatchObject({ ok: true, value: { status: 'failed' } });
      expect(created.ok).toBe(true);
      expect(log).toEqual(['open', 'query answered', 'sla armed', 'startCore resolved', 'change answered']);
      // The rest of the recovery still happened at this start.
      expect(readdirSync(vaultTmpDir(dir))).toEqual([]);
      expect(readdirSync(instancesDir(dir)).filter((name) => name.startsWith(deadId))).toEqual([]);
    } finally {
      await second.core.close();
    }
  });

  it('close called at onOpen waits for the start, and the start still recovers what a dead process left', async () => {
    const dir = tempDir();
    const first = await startTestCore(dir);
    await first.core.close();
    leftByDeadProcess(dir);
    let closing: Promise<void> | undefined;
    const log: string[] = [];
    await startTestCore(dir, {
      slaTimers: recordingTimers(log),
      onOpen: (core: Core) => {
        closing = core.close().then(() => void log.push('closed'));
      },
    });
    await closing;
    expect(log).toEqual(['sla armed', 'closed']);
    expect(readdirSync(vaultTmpDir(dir))).toEqual([]);
  });

  it('without onOpen, startCore resolves with everything started, as before', async () => {
    const dir = tempDir();
    const log: string[] = [];
    const { core } = await startTestCore(dir, { slaTimers: recordingTimers(log) });
    try {
      expect(log).toEqual(['sla armed']);
      expect(core.status().state).toBe('ready');
    } finally {
      await core.close();
    }
  });
});
