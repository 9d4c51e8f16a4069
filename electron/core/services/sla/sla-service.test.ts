import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../../../shared/contract';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { maxSleepMs, SlaScheduler, type SchedulerTimers } from './sla-scheduler';
import { badgeCountCap, badgeText } from '../../../../shared/domain/sla';
import type { SlaService } from './sla-service';
import { firedEventsPerTick, tickTargetsMax } from './tick';
import { openSliceSize } from './timers';

const fakeTimers = (): SchedulerTimers => ({ setTimeout: () => 1, clearTimeout: () => {}, monotonic: () => 0 });
const minute = 60_000;
const makeTempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function boot(dir: string, at?: number) {
  const test = await startTestCore(dir, { slaTimers: fakeTimers() });
  if (at !== undefined) test.clock.set(at, { freeze: true });
  const events: { event: string; payload: any }[] = [];
  test.core.events.subscribe((message) => events.push(message));
  cleanups.push(() => test.core.close());
  return { ...test, events, poke: () => test.core.services!.slaScheduler.poke() };
}

type Booted = Awaited<ReturnType<typeof boot>>;

/** The value, or a test failure naming what was missing. */
function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

async function createShop(call: Booted['call']) {
  return (await call('shops.create', { platform: 'taobao', name: '木棉生活小店' })).id;
}

async function newCase(call: Booted['call'], shopId: number, text: string, now: number) {
  const review = await call('reviews.create', { shopId, text, level: 'bad', postedAt: now - minute });
  if (!review.case) throw new Error('a bad review opens a case');
  return review.case.id;
}

describe('SLA timers', () => {
  it('warns at 50 % and 80 %, breaches once, notifies and updates the badge', async () => {
    const dir = makeTempDir();
    const t = await boot(dir);
    const shopId = await createShop(t.call);
    const start = t.clock.now();
    const caseId = await newCase(t.call, shopId, '快递太慢了，物流延误三天', start);
    const sla = await t.call('sla.getCase', { caseId });
    expect(sla.targets.map((target) => [target.kind, target.targetMinutes])).toContainEqual(['first_response', 15]);
    const resolution = defined(sla.targets.find((target) => target.kind === 'resolution'), 'a resolution target');
    t.clock.advance(resolution.targetMinutes * minute * 0.5);
    t.poke();
    t.clock.advance(resolution.targetMinutes * minute * 0.5 + 1000);
    t.poke();
    t.poke();
    const fired = t.core.services!.deps.sqlite.prepare('SELECT target, point, due_at, fired_at FROM sla_events WHERE case_id = ?').all(caseId) as { target: string; point: string; due_at: number; fired_at: number }[];
    expect(fired.filter((row) => row.target === 'resolution').map((row) => row.point).sort()).toEqual(['breach', 'warn50', 'warn80']);
    for (const row of fired) expect(row.fired_at).toBeGreaterThanOrEqual(row.due_at);
    expect(t.platform.records.some((record) => record.type === 'notify' && record.notification.route === `/cases/${caseId}`)).toBe(true);
    expect(t.events.filter((e) => e.event === 'badge.changed').at(-1)?.payload).toEqual({ breached: 1 });
    const after = await t.call('sla.getCase', { caseId });
    expect(after.targets.find((target) => target.kind === 'resolution')?.state).toBe('breached');
    const { unread } = await t.call('notifications.list', {});
    expect(unread).toBeGreaterThan(0);
  });

  it('stores notifications as kind + params and shows desktop text in the chosen language', async () => {
    const t = await boot(makeTempDir());
    await t.call('settings.updatePreferences', { language: 'en' });
    const shopId = await createShop(t.call);
    const caseId = await newCase(t.call, shopId, '快递太慢了，物流延误三天', t.clock.now());
    t.clock.advance(15 * minute + 1000);
    t.poke();
    const desktop = t.platform.records.flatMap((record) => (record.type === 'notify' ? [record.notification] : []));
    expect(desktop.map((note) => note.title)).toContain(`SLA breached: case #${caseId} (Shipping delay)`);
    const { items } = await t.call('notifications.list', {});
    const breach = defined(items.find((item) => item.kind === 'sla_breach'), 'a breach notification');
    expect(breach.params).toMatchObject({ caseId, category: 'logistics', target: 'first_response' });
    await t.call('settings.updatePreferences', { language: 'zh-CN' });
    // Resolution (120 min) warns at 50 %: exactly on time, so not a late catch-up.
    t.clock.advance(45 * minute - 1000);
    t.poke();
    const later = t.platform.records.flatMap((record) => (record.type === 'notify' ? [record.notification.title] : []));
    expect(later.at(-1)).toMatch(/^SLA (预警|超时)/);
  });

  it('records first response on contacting, pauses and resumes, validates the lifecycle', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const caseId = await newCase(t.call, shopId, '质量太差，穿一次就坏了', t.clock.now());
    t.clock.advance(5 * minute);
    const contacted = await t.call('cases.transition', { caseId, to: 'contacting' });
    expect(contacted.firstResponseAt).toBe(t.clock.now());
    expect(contacted.targets[0]!.state).toBe('met');
    const paused = await t.call('cases.pause', { caseId, reason: 'waiting_buyer' });
    expect(paused.targets[1]!.dueAt).toBeNull();
    const remaining = paused.targets[1]!.remainingMs;
    t.clock.advance(600 * minute);
    t.poke();
    const still = await t.call('sla.getCase', { caseId });
    expect(still.targets[1]!.remainingMs).toBe(remaining);
    const resumed = await t.call('cases.resume', { caseId });
    expect(resumed.targets[1]!.dueAt).toBe(t.clock.now() + remaining);
    const bad = await t.core.call('cases.transition', { caseId, to: 'outcome' });
    expect(bad.ok).toBe(false);
  });

  it('refuses owner-only and above-threshold actions to an agent, and audits with the signed-in actor', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const agent = await t.call('staff.create', { name: '小王', role: 'agent' });
    await t.call('staff.setPin', { id: agent.id, pin: '1234' });
    expect((await t.core.call('auth.signIn', { staffId: agent.id, pin: '0000' })).ok).toBe(false);
    await t.call('auth.signIn', { staffId: agent.id, pin: '1234' });
    const policies = await t.call('sla.listPolicies', {});
    const logistics = defined(policies.items.find((p) => p.category === 'logistics'), 'the logistics policy');
    const denied = await t.core.call('sla.savePolicy', { ...pick(logistics), resolutionMinutes: 60, applyToOpenCases: true });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('FORBIDDEN');
    const caseId = await newCase(t.call, shopId, '恶意差评，竞争对手刷的', t.clock.now());
    await t.call('cases.transition', { caseId, to: 'contacting' });
    const offer = await t.core.call('cases.transition', { caseId, to: 'solution_offered', compensationCents: 20_000 });
    expect(offer.ok === false && offer.error.code).toBe('FORBIDDEN');
    const audit = await t.call('audit.list', { entity: 'case' });
    expect(audit.items.some((entry) => entry.actor === '小王' && entry.action === 'cases.transition')).toBe(true);
  });

  it('keeps the policy version with the case unless the edit applies to open cases', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const caseId = await newCase(t.call, shopId, '快递物流太慢', t.clock.now());
    const before = await t.call('sla.getCase', { caseId });
    const policy = defined((await t.call('sla.listPolicies', {})).items.find((p) => p.id === before.policy.id), "the case's policy");
    const kept = await t.call('sla.savePolicy', { ...pick(policy), resolutionMinutes: policy.resolutionMinutes + 60, applyToOpenCases: false });
    expect(kept.openCasesUpdated).toBe(0);
    // The settings list reloads on this even though no case moved.
    expect(t.events.some((e) => e.event === 'data.changed' && e.payload.domain === 'sla')).toBe(true);
    expect((await t.call('sla.getCase', { caseId })).policy.current).toBe(false);
    const moved = await t.call('sla.savePolicy', { ...pick(policy), resolutionMinutes: policy.resolutionMinutes + 120, applyToOpenCases: true });
    expect(moved.openCasesUpdated).toBe(1);
    expect((await t.call('sla.getCase', { caseId })).targets[1]!.targetMinutes).toBe(policy.resolutionMinutes + 120);
  });

  it('switches a recategorised case to the new category policy: fired points stay fired, new points fire once', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const start = t.clock.now();
    const caseId = await newCase(t.call, shopId, '快递太慢了，物流延误三天', start);
    expect((await t.call('sla.getCase', { caseId })).category).toBe('logistics');
    // Quality: 240 min, warnings at 30 % (a point logistics does not have), 50 % and 80 %.
    const quality = defined(
      (await t.call('sla.listPolicies', {})).items.find((p) => p.category === 'quality' && p.shopId === null && p.platform === null),
      'the quality default policy',
    );
    const saved = await t.call('sla.savePolicy', { ...pick(quality), warnAtPercents: [30, 50, 80], applyToOpenCases: false });
    t.clock.advance(5 * minute);
    await t.call('cases.transition', { caseId, to: 'contacting' });
    // Logistics resolution (120 min) warns at 50 %: minute 60.
    t.clock.advance(55 * minute);
    t.poke();
    const events = () => t.core.services!.deps.sqlite.prepare("SELECT point, fired_at AS firedAt FROM sla_events WHERE case_id = ? AND target = 'resolution' ORDER BY id").all(caseId) as { point: string; firedAt: number }[];
    expect(events()).toEqual([{ point: 'warn50', firedAt: start + 60 * minute }]);

    expect(await t.call('cases.recategorize', { caseIds: [caseId], category: 'quality' })).toEqual({ updated: 1 });
    const switched = await t.call('sla.getCase', { caseId });
    expect(switched.policy.versionId).toBe(saved.policy.versionId);
    const resolution = defined(switched.targets.find((target) => target.kind === 'resolution'), 'a resolution target');
    expect(resolution.targetMinutes).toBe(240);
    // Recomputed from the opened time, not from the switch.
    expect(resolution.dueAt).toBe(start + 240 * minute);
    expect(resolution.warnAt.map((w) => [w.percent, w.firedAt])).toEqual([
      [30, null],
      [50, start + 60 * minute],
      [80, null],
    ]);
    expect(switched.history.filter((entry) => entry.kind === 'policy_changed').map((entry) => entry.detail)).toEqual([`logistics→quality v${saved.policy.version}`]);

    // New point at 72 min fires once; the 50 % point (now at 120 min) already fired and stays quiet.
    t.clock.advance(12 * minute);
    t.poke();
    t.poke();
    t.clock.advance(48 * minute);
    t.poke();
    expect(events()).toEqual([
      { point: 'warn50', firedAt: start + 60 * minute },
      { point: 'warn30', firedAt: start + 72 * minute },
    ]);
    const notes = (await t.call('notifications.list', {})).items.filter((item) => item.kind === 'sla_warning' && item.params.target === 'resolution');
    expect(notes.map((item) => item.params.percent).sort()).toEqual([30, 50]);
  });
});

describe('rule-based reclassify', () => {
  it('moves a case whose category changed onto that category\'s policy, like a manual change', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const caseId = await newCase(t.call, shopId, '快递太慢了，质量也很差', t.clock.now());
    // The quality rule runs first and decides; switched off, logistics decides instead.
    expect((await t.call('sla.getCase', { caseId })).category).toBe('quality');
    const rules = (await t.call('rules.list', {})).category;
    const quality = defined(rules.find((rule) => rule.category === 'quality'), 'the quality rule');
    await t.call('rules.saveCategory', { ...quality, enabled: false });
    expect((await t.call('rules.reclassify', {})).changed).toBe(1);
    const after = await t.call('sla.getCase', { caseId });
    expect(after.category).toBe('logistics');
    expect(after.targets.find((target) => target.kind === 'resolution')?.targetMinutes).toBe(120);
    expect(after.history.some((entry) => entry.kind === 'policy_changed')).toBe(true);
  });
});

describe('SLA notification outbox', () => {
  const breachSetup = async (t: Booted) => {
    const shopId = await createShop(t.call);
    const caseId = await newCase(t.call, shopId, '快递太慢了，物流延误三天', t.clock.now());
    // A desktop that fails once: the breach is committed, its delivery is not.
    let failures = 1;
    const record = t.platform.notify.bind(t.platform);
    t.platform.notify = (notification) => {
      if (failures-- > 0) throw new Error('desktop down');
      record(notification);
    };
    t.clock.advance(15 * minute + 1000);
    t.poke();
    return caseId;
  };
  const counts = (t: Booted, caseId: number) => {
    const sqlite = t.core.services!.deps.sqlite;
    return {
      events: (sqlite.prepare("SELECT count(*) AS n FROM sla_events WHERE case_id = ? AND target = 'first_response' AND point = 'breach'").get(caseId) as { n: number }).n,
      rows: sqlite.prepare("SELECT held, delivered_at IS NOT NULL AS delivered FROM notifications WHERE kind = 'sla_breach' AND case_id = ?").all(caseId),
      shown: t.platform.records.filter((record) => record.type === 'notify' && record.notification.route === `/cases/${caseId}`).length,
    };
  };

  it('opens timers for an import\'s cases a slice per turn, re-arming the scheduler once at the end', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const sqlite = t.core.services!.deps.sqlite;
    const now = t.clock.now();
    const review = sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (?, 'taobao', ?, 'bad', '快递太慢', ?, ?)");
    const openCase = sqlite.prepare(
      "INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at) VALUES (?, ?, 'bad', ?, 'logistics', 'rule', 'high', ?, ?)",
    );
    const total = openSliceSize * 2 + 100;
    sqlite.transaction(() => {
      for (let i = 0; i < total; i++) openCase.run(review.run(shopId, `k${i}`, now, now).lastInsertRowid, shopId, now, now, now);
    })();
    const sla = t.core.services!.sla;
    let rearms = 0;
    sla.onChange = () => rearms++;
    const timed = () => (sqlite.prepare('SELECT count(*) AS n FROM case_sla').get() as { n: number }).n;
    const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

    sla.openMissingSoon();
    sla.openMissingSoon();
    expect(timed()).toBe(0);
    await nextTurn();
    expect(timed()).toBe(openSliceSize);
    expect(rearms).toBe(0);
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    expect(timed()).toBe(total);
    expect(rearms).toBe(1);
    const changed = t.events.filter((e) => e.event === 'sla.changed').map((e) => e.payload.caseIds.length);
    expect(changed.slice(-3)).toEqual([openSliceSize, openSliceSize, 100]);
    // Every case has both targets and a due time the inbox can sort by.
    expect(sqlite.prepare('SELECT count(*) AS n FROM case_sla_targets').get()).toEqual({ n: total * 2 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM cases WHERE due_at IS NULL').get()).toEqual({ n: 0 });
  });

  it('shows one desktop line, not a burst, when many cases reach a deadline at once', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const start = t.clock.now();
    for (let i = 0; i < 6; i++) await newCase(t.call, shopId, `快递太慢了，物流延误三天 ${i}`, start);
    const before = { shown: t.platform.records.length, events: t.events.length };
    t.clock.advance(15 * minute + 1000);
    t.poke();
    const shown = t.platform.records.slice(before.shown).flatMap((record) => (record.type === 'notify' ? [record.notification] : []));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ route: '/notifications', urgent: true });
    // One line per kind and point: the breaches first, the warnings that passed unseen (an away summary) after.
    expect(shown[0]).toMatchObject({ title: '6 个工单首次响应已超时', body: '另有：离开期间有 12 个 SLA 节点到期。打开通知中心查看。' });
    const created = t.events.slice(before.events).filter((e) => e.event === 'notification.created');
    // One event per group: the away summary's opens the away dialog, so it is never left out.
    expect(created.map((e) => [e.payload.kind, e.payload.groupCount])).toEqual([['away_summary', 1], ['sla_breach', 6]]);
    const sqlite = t.core.services!.deps.sqlite;
    expect(sqlite.prepare("SELECT count(*) AS n FROM notifications WHERE kind = 'sla_breach' AND delivered_at IS NOT NULL").get()).toEqual({ n: 6 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM notifications WHERE delivered_at IS NULL').get()).toEqual({ n: 0 });
  });

  it('counts for the badge only open cases whose breach fired and whose target is not met', async () => {
    const t = await boot(makeTempDir());
    const shopId = await createShop(t.call);
    const start = t.clock.now();
    const first = await newCase(t.call, shopId, '快递太慢了，物流延误三天', start);
    const second = await newCase(t.call, shopId, '质量太差，穿一次就坏了', start);
    await newCase(t.call, shopId, '客服态度很差', start);
    t.clock.advance(15 * minute + 1000);
    t.poke();
    const sla = t.core.services!.sla;
    expect(sla.breachedCount()).toBe(3);
    await t.call('cases.transition', { caseId: first, to: 'contacting' });
    await t.call('cases.transition', { caseId: second, to: 'contacting' });
    expect(sla.breachedCount()).toBe(1);

    // Past the cap the badge stops counting (999+); the summary still counts them all.
    const sqlite = t.core.services!.deps.sqlite;
    const now = t.clock.now();
    sqlite.transaction(() => {
      const review = sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (?, 'taobao', ?, 'bad', '快递太慢', ?, ?)");
      const openCase = sqlite.prepare("INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at) VALUES (?, ?, 'bad', ?, 'logistics', 'rule', 'high', ?, ?)");
      for (let i = 0; i < badgeCountCap + 5; i++) openCase.run(review.run(shopId, `cap${i}`, now, now).lastInsertRowid, shopId, now, now, now);
    })();
    sla.openMissing();
    t.clock.advance(7 * 24 * 3600_000);
    const lastNote = (sqlite.prepare('SELECT max(id) AS id FROM notifications').get() as { id: number }).id;
    const seen = t.events.length;
    t.poke();
    // Thousands of points fired in one tick: a few hundred reach the UI one by one, the rest as changed cases.
    const told = t.events.slice(seen);
    expect(told.filter((e) => e.event === 'sla.fired')).toHaveLength(firedEventsPerTick);
    expect(Math.max(...told.filter((e) => e.event === 'sla.changed').map((e) => e.payload.caseIds.length))).toBe(1000);
    // One tick takes tickTargetsMax targets; the rest are still due, so the scheduler ticks again.
    expect(sqlite.prepare('SELECT count(*) AS n FROM case_sla_targets WHERE next_fire_at <= ?').get(t.clock.now())).toEqual({ n: 2 * (badgeCountCap + 5) + 3 - tickTargetsMax });
    t.poke();
    expect(sqlite.prepare('SELECT count(*) AS n FROM case_sla_targets WHERE next_fire_at <= ?').get(t.clock.now())).toEqual({ n: 0 });
    // The whole catch-up is one away summary, counting every late point of both ticks.
    const away = sqlite.prepare("SELECT params_json AS params FROM notifications WHERE kind = 'away_summary' AND id > ?").all(lastNote) as { params: string }[];
    const late = sqlite.prepare('SELECT count(*) AS n FROM sla_events WHERE late = 1 AND fired_at = ?').get(t.clock.now()) as { n: number };
    expect(away.map((row) => JSON.parse(row.params))).toEqual([{ count: late.n }]);
    expect(t.events.filter((e) => e.event === 'badge.changed').at(-1)?.payload).toEqual({ breached: badgeCountCap });
    expect((await t.call('sla.summary', {})).breached).toBe(badgeCountCap + 8);
    expect(badgeText(badgeCountCap - 1)).toBe('999');
    expect(badgeText(badgeCountCap)).toBe('999+');
  });

  it('delivers on the next tick what a failing desktop left undelivered, exactly once', async () => {
    const t = await boot(makeTempDir());
    const caseId = await breachSetup(t);
    // Recorded with the event in one transaction, pending (not held by quiet hours), not shown.
    expect(counts(t, caseId)).toEqual({ events: 1, rows: [{ held: 0, delivered: 0 }], shown: 0 });
    t.poke();
    expect(counts(t, caseId)).toEqual({ events: 1, rows: [{ held: 0, delivered: 1 }], shown: 1 });
    t.poke();
    expect(counts(t, caseId)).toEqual({ events: 1, rows: [{ held: 0, delivered: 1 }], shown: 1 });
  });

  it('gives timers at start-up to older cases that have none, below the newest timed case too', async () => {
    const dir = makeTempDir();
    const first = await boot(dir);
    const shopId = await createShop(first.call);
    const start = first.clock.now();
    const older = await newCase(first.call, shopId, '快递太慢了，物流延误三天', start);
    await newCase(first.call, shopId, '质量太差，穿一次就坏了', start);
    const sqlite = first.core.services!.deps.sqlite;
    const timed = sqlite.prepare('SELECT count(*) AS n FROM case_sla WHERE case_id = ?');
    expect(timed.get(older)).toEqual({ n: 1 });
    // As a case from before the SLA migration: no timers, while a newer case has them.
    sqlite.prepare('DELETE FROM case_sla_targets WHERE case_id = ?').run(older);
    sqlite.prepare('DELETE FROM case_sla WHERE case_id = ?').run(older);
    await first.core.close();
    const t = await boot(dir, start);
    expect(t.core.services!.deps.sqlite.prepare('SELECT count(*) AS n FROM case_sla WHERE case_id = ?').get(older)).toEqual({ n: 1 });
  });

  it('delivers at start-up what the previous process committed but never delivered', async () => {
    const dir = makeTempDir();
    const first = await boot(dir);
    const caseId = await breachSetup(first);
    expect(counts(first, caseId)).toMatchObject({ events: 1, shown: 0 });
    const at = first.clock.now();
    await first.core.close();
    const t = await boot(dir, at);
    expect(counts(t, caseId)).toEqual({ events: 1, rows: [{ held: 0, delivered: 1 }], shown: 1 });
    t.poke();
    expect(counts(t, caseId)).toEqual({ events: 1, rows: [{ held: 0, delivered: 1 }], shown: 1 });
  });
});

describe('SLA scheduler resilience', () => {
  it('keeps running and re-arms at the longest sleep when the next wake-up throws', () => {
    const armed: { callback: () => void; ms: number }[] = [];
    const timers: SchedulerTimers = {
      setTimeout: (callback, ms) => armed.push({ callback, ms }),
      clearTimeout: () => {},
      monotonic: () => 0,
    };
    let ticks = 0;
    const sla = {
      onChange: () => {},
      tick: () => {
        ticks++;
        return [];
      },
      nextWakeAt: () => {
        throw new SyntaxError('Unexpected token');
      },
    } as unknown as SlaService;
    const logs: string[] = [];
    const scheduler = new SlaScheduler(sla, { now: () => 0 } as never, timers, (line) => logs.push(line));
    expect(() => scheduler.start()).not.toThrow();
    expect(armed.map((timer) => timer.ms)).toEqual([maxSleepMs]);
    expect(() => armed[0]!.callback()).not.toThrow();
    expect(ticks).toBe(2);
    expect(armed.map((timer) => timer.ms)).toEqual([maxSleepMs, maxSleepMs]);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/next wake-up failed.*Unexpected token/);
    scheduler.stop();
  });

  it('reads damaged notification settings as the defaults field by field', async () => {
    const t = await boot(makeTempDir());
    const sqlite = t.core.services!.deps.sqlite;
    const save = (value: string) =>
      sqlite.prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('notifications', ?, 0) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json").run(value);
    save('{not json');
    expect(() => t.core.services!.sla.nextWakeAt()).not.toThrow();
    expect(t.core.services!.notifications.settings()).toEqual({ desktop: true, quietHours: { enabled: false, start: '22:00', end: '08:00' }, soundForMalicious: true });
    save('{"desktop":"yes","quietHours":{"enabled":true,"start":"25:99"},"soundForMalicious":false}');
    expect(t.core.services!.notifications.settings()).toEqual({ desktop: true, quietHours: { enabled: false, start: '22:00', end: '08:00' }, soundForMalicious: false });
    save('{"quietHours":{"enabled":true,"start":"21:00"}}');
    expect(t.core.services!.notifications.settings().quietHours).toEqual({ enabled: true, start: '21:00', end: '08:00' });
    expect(() => t.core.services!.sla.nextWakeAt()).not.toThrow();
  });
});

function pick(policy: SlaPolicy) {
  const { id, category, shopId, platform, firstResponseMinutes, resolutionMinutes, ownerRole, warnAtPercents, escalation, pauseReasons, businessHours, requiresAppeal } = policy;
  return { id, category, shopId, platform, firstResponseMinutes, resolutionMinutes, ownerRole, warnAtPercents, escalation, pauseReasons, businessHours, requiresAppeal };
}

describe('SLA property: every warning and breach fires exactly once, never early', () => {
  it('holds over random case events, pauses, policy edits, restarts and clock jumps', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('open' as const) }),
      fc.record({ kind: fc.constant('contact' as const), pick: fc.nat(20) }),
      fc.record({ kind: fc.constant('pause' as const), pick: fc.nat(20) }),
      fc.record({ kind: fc.constant('resume' as const), pick: fc.nat(20) }),
      fc.record({ kind: fc.constant('edit' as const), minutes: fc.integer({ min: 5, max: 300 }), apply: fc.boolean() }),
      fc.record({ kind: fc.constant('restart' as const) }),
      fc.record({ kind: fc.constant('jump' as const), ms: fc.integer({ min: -120 * minute, max: 400 * minute }) }),
      fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 30 * minute }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 25 }), async (ops) => {
        const dir = makeTempDir();
        let t = await boot(dir);
        let now = t.clock.now();
        const shopId = await createShop(t.call);
        const cases: number[] = [];
        const sqlite = () => t.core.services!.deps.sqlite;
        for (const step of ops) {
          const target = cases.length && 'pick' in step ? cases[step.pick % cases.length] : undefined;
          if (step.kind === 'open') cases.push(await newCase(t.call, shopId, `物流慢 ${cases.length}`, now));
          else if (step.kind === 'contact' && target) await t.core.call('cases.transition', { caseId: target, to: 'contacting' });
          else if (step.kind === 'pause' && target) await t.core.call('cases.pause', { caseId: target, reason: 'waiting_buyer' });
          else if (step.kind === 'resume' && target) await t.core.call('cases.resume', { caseId: target });
          else if (step.kind === 'edit') {
            const policy = defined((await t.call('sla.listPolicies', {})).items.find((p) => p.category === 'logistics'), 'the logistics policy');
            await t.call('sla.savePolicy', { ...pick(policy), resolutionMinutes: step.minutes, applyToOpenCases: step.apply });
          } else if (step.kind === 'restart') {
            await t.core.close();
            t = await boot(dir, now);
          } else if (step.kind === 'jump' || step.kind === 'tick') {
            now = Math.max(now + step.ms, Date.UTC(2026, 10, 24));
            t.clock.set(now, { freeze: true });
          }
          t.poke();
          const early = sqlite().prepare('SELECT count(*) AS n FROM sla_events WHERE fired_at < due_at').get() as { n: number };
          expect(early.n).toBe(0);
        }
        // Far in the future every unmet, unpaused point has fired exactly once (UNIQUE makes > 1 impossible).
        now += 60 * 24 * 60 * minute;
        t.clock.set(now, { freeze: true });
        t.poke();
        const pending = sqlite()
          .prepare(`SELECT count(*) AS n FROM case_sla_targets t JOIN case_sla s ON s.case_id = t.case_id WHERE t.met_at IS NULL AND s.paused_reason IS NULL AND t.next_fire_at IS NOT NULL`)
          .get() as { n: number };
        expect(pending.n).toBe(0);
        const rows = sqlite().prepare('SELECT case_id, target, points_json FROM case_sla_targets t WHERE met_at IS NULL AND due_at IS NOT NULL').all() as { case_id: number; target: string; points_json: string }[];
        for (const row of rows) {
          for (const point of JSON.parse(row.points_json) as { key: string }[]) {
            const n = (sqlite().prepare('SELECT count(*) AS n FROM sla_events WHERE case_id = ? AND target = ? AND point = ?').get(row.case_id, row.target, point.key) as { n: number }).n;
            expect(n).toBe(1);
          }
        }
        await t.core.close();
        cleanups.length = 0;
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
