import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventMessage, EventPayload } from '../../../../shared/contract/events';
import { createShop, importFile, writeFixture } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { changePollMs, type ChangeWatchTimers } from './external-changes';

const tempDir = useTempDirs();
const header = ['订单编号', '评价内容', '评价时间', '评价结果', '买家昵称'];

/** A Taobao export of `count` reviews, `bad` of them 差评 (each opens a case). */
function exportFile(dir: string, name: string, count: number, bad: number, prefix: string): string {
  const rows = Array.from({ length: count }, (_, i) => [
    `${prefix}${String(i).padStart(6, '0')}`,
    i < bad ? `质量太差了，第${i}个就坏了` : `很好，物流快 ${i}`,
    '2026-11-24 09:30:00',
    i < bad ? '差评' : '好评',
    `买家${i}`,
  ]);
  return writeFixture(dir, name, csvText([header, ...rows]));
}

/** The poll's timer, fired by the test: one call is one poll. */
function manualTimers() {
  const state = { pending: null as null | (() => void), delays: [] as number[] };
  const timers: ChangeWatchTimers = {
    setTimeout: (callback, ms) => {
      state.pending = callback;
      state.delays.push(ms);
      return 1;
    },
    clearTimeout: () => {
      state.pending = null;
    },
  };
  const fire = () => {
    const run = state.pending;
    if (!run) throw new Error('no poll is armed');
    state.pending = null;
    run();
  };
  return { timers, fire, state };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The app (background work, polling on the test's timer) and a CLI-like second core on the same folder. */
async function twoCores() {
  const dir = tempDir();
  const poll = manualTimers();
  const app = await startTestCore(dir, { changeTimers: poll.timers });
  closers.push(() => app.core.close());
  const seen: EventMessage[] = [];
  app.core.events.subscribe((message) => seen.push(message));
  const cli = await startTestCore(dir, { background: false, instanceKind: 'cli' });
  closers.push(() => cli.core.close());
  const arrived = () => seen.filter((m) => m.event === 'data.arrived').map((m) => m.payload as EventPayload<'data.arrived'>);
  const changed = () => new Set(seen.filter((m) => m.event === 'data.changed').map((m) => (m.payload as EventPayload<'data.changed'>).domain));
  return { dir, app, cli, poll, seen, arrived, changed };
}

describe('changes made by another process', () => {
  it('an import by another core is reported at the next poll, by domain and with its counts', async () => {
    const { dir, app, cli, poll, seen, arrived, changed } = await twoCores();
    expect(poll.state.delays[0]).toBe(changePollMs);
    poll.fire();
    expect(arrived()).toEqual([]);

    const shopId = await createShop(cli.call);
    const { run } = await importFile(cli.core, cli.call, { kind: 'path', path: exportFile(dir, 'cli.csv', 6, 2, '81') }, 'taobao', shopId);
    expect(run).toMatchObject({ status: 'done', counts: { inserted: 6, casesOpened: 2 } });
    expect(seen.filter((m) => m.event === 'data.changed')).toEqual([]);

    // Answering another process's rows must not write here: its import holds the write lock batch
    // after batch, and the CLI opens its cases' timers itself.
    const opened = vi.spyOn(app.core.services!.sla, 'openMissing');
    const ticked = vi.spyOn(app.core.services!.sla, 'tick');
    poll.fire();
    expect(opened).not.toHaveBeenCalled();
    expect(ticked).not.toHaveBeenCalled();
    expect(arrived()).toEqual([expect.objectContaining({ reviews: 6, cases: 2, evidence: 0 })]);
    expect([...changed()]).toEqual(expect.arrayContaining(['reviews', 'cases', 'imports', 'shops', 'audit', 'sla']));
    expect(changed().has('staff')).toBe(false);
    // The window's reload sees the rows the other process wrote.
    expect((await app.call('reviews.list', {})).items).toHaveLength(6);

    // Nothing new: the next poll is quiet.
    seen.length = 0;
    poll.fire();
    expect(seen).toEqual([]);
  });

  it("this process's own writes are not reported, even when they land in the same poll as another's", async () => {
    const { dir, app, cli, poll, seen, arrived } = await twoCores();
    const shopId = await createShop(app.call);
    await importFile(app.core, app.call, { kind: 'path', path: exportFile(dir, 'own.csv', 5, 1, '82') }, 'taobao', shopId);
    seen.length = 0;
    poll.fire();
    expect(seen).toEqual([]);

    await importFile(app.core, app.call, { kind: 'path', path: exportFile(dir, 'own-2.csv', 4, 1, '83') }, 'taobao', shopId);
    await importFile(cli.core, cli.call, { kind: 'path', path: exportFile(dir, 'other.csv', 3, 3, '84') }, 'taobao', shopId);
    poll.fire();
    expect(arrived()).toEqual([expect.objectContaining({ reviews: 3, cases: 3 })]);
  });

  it('a setting changed elsewhere reloads settings views without claiming anything arrived', async () => {
    const { app, cli, poll, seen, arrived, changed } = await twoCores();
    // A write of this process, taken into the marks at the quiet poll after it, is not blamed on the other.
    await createShop(app.call);
    poll.fire();
    seen.length = 0;
    // The time zone: a language or colour switch is not audited, so it marks nothing for others.
    await cli.call('settings.updatePreferences', { timeZone: 'Asia/Tokyo' });
    poll.fire();
    expect(arrived()).toEqual([expect.objectContaining({ reviews: 0, cases: 0, alerts: 0, evidence: 0 })]);
    expect(changed().has('settings')).toBe(true);
    expect(changed().has('reviews')).toBe(false);
    expect(changed().has('shops')).toBe(false);
  });

  it('a checkpoint by the other connection (the counter moves, no row does) reloads only the header counts', async () => {
    const { cli, poll, arrived, changed } = await twoCores();
    cli.core.services!.deps.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    poll.fire();
    expect([...changed()].sort()).toEqual(['alerts', 'notifications']);
    expect(arrived()).toEqual([expect.objectContaining({ reviews: 0, cases: 0 })]);
  });

  it('the CLI (no background work) does not poll, and a closed core stops polling', async () => {
    const dir = tempDir();
    const poll = manualTimers();
    const cli = await startTestCore(dir, { background: false, changeTimers: poll.timers });
    closers.push(() => cli.core.close());
    expect(poll.state.pending).toBeNull();

    const app = manualTimers();
    const running = await startTestCore(dir, { changeTimers: app.timers });
    expect(app.state.pending).not.toBeNull();
    await running.core.close();
    expect(app.state.pending).toBeNull();
  });

  it('a quiet poll costs one pragma; figures for the docs', async () => {
    const { dir, app, cli, poll } = await twoCores();
    const shopId = await createShop(cli.call);
    await importFile(cli.core, cli.call, { kind: 'path', path: exportFile(dir, 'big.csv', 2000, 200, '85') }, 'taobao', shopId);
    const watcher = app.core.services!.externalChanges;
    const before = { ...watcher.stats };
    poll.fire();
    const changeMs = watcher.stats.totalMs - before.totalMs;
    const quietStart = watcher.stats.totalMs;
    for (let i = 0; i < 200; i++) poll.fire();
    const quietMs = (watcher.stats.totalMs - quietStart) / 200;
    console.log(`[changes] quiet poll ${quietMs.toFixed(4)} ms, poll with 2000 new reviews ${changeMs.toFixed(2)} ms`);
    expect(watcher.stats.changes).toBe(before.changes + 1);
    expect(quietMs).toBeLessThan(1);
  });
});
