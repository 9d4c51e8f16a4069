import { afterEach, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../../shared/domain/roles';
import { nextRoleUp } from '../../../../shared/domain/sla';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import type { SchedulerTimers } from '../sla/sla-scheduler';

const fakeTimers = (): SchedulerTimers => ({ setTimeout: () => 1, clearTimeout: () => {}, monotonic: () => 0 });
const minute = 60_000;
const makeTempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function boot() {
  const test = await startTestCore(makeTempDir(), { slaTimers: fakeTimers() });
  cleanups.push(() => test.core.close());
  const shopId = (await test.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })).id;
  const staff = async (name: string, role: StaffRole) => (await test.call('staff.create', { name, role })).id;
  /** A bad review whose words the default rules file under `category`; returns its case id. */
  const open = async (text: string) => {
    const review = await test.call('reviews.create', { shopId, text, level: 'bad', postedAt: test.clock.now() - minute });
    if (!review.case) throw new Error('a bad review opens a case');
    return review.case.id;
  };
  const assigneeOf = async (caseId: number) => (await test.call('cases.get', { id: caseId })).assigneeId ?? null;
  const history = async (caseId: number) => (await test.call('sla.getCase', { caseId })).history.filter((entry) => ['assigned', 'pooled', 'escalated'].includes(entry.kind)).map((entry) => [entry.kind, entry.actor, entry.detail]);
  return { ...test, shopId, staff, open, assigneeOf, history };
}

const logistics = (n: number) => `快递太慢了，物流延误第${n}天`;

describe('case routing', () => {
  it('gives a new case to an active member of its policy owner role, least loaded first, round-robin on a tie', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const li = await t.staff('小李', 'agent');
    await t.staff('周主管', 'supervisor');
    // Logistics belongs to agents: never the supervisor, and the two agents take turns.
    const first = await t.open(logistics(1));
    const second = await t.open(logistics(2));
    const third = await t.open(logistics(3));
    expect([await t.assigneeOf(first), await t.assigneeOf(second), await t.assigneeOf(third)]).toEqual([wang, li, wang]);
    expect(await t.history(first)).toEqual([['assigned', 'system', '小王']]);
    // The first case moves to 小李: 小王 holds one open case, 小李 two. Round-robin alone would pick
    // 小李 (given case 2 after 小王's case 3); least-loaded picks 小王.
    await t.call('cases.assign', { caseIds: [first], assigneeId: li });
    const fourth = await t.open(logistics(4));
    expect(await t.assigneeOf(fourth)).toBe(wang);
  });

  it('skips deactivated staff and sends quality cases to supervisors, not agents', async () => {
    const t = await boot();
    await t.staff('小王', 'agent');
    const away = await t.staff('钱主管', 'supervisor');
    const zhou = await t.staff('周主管', 'supervisor');
    await t.call('staff.update', { id: away, active: false });
    const caseId = await t.open('质量太差，收到就破损了');
    expect((await t.call('sla.getCase', { caseId })).policy.ownerRole).toBe('supervisor');
    expect(await t.assigneeOf(caseId)).toBe(zhou);
  });

  it('puts a case in the role pool when nobody of the role is active; a member sees it and claims it once', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const li = await t.staff('小李', 'agent');
    await t.call('staff.update', { id: wang, active: false });
    await t.call('staff.update', { id: li, active: false });
    const caseId = await t.open(logistics(1));
    expect(await t.assigneeOf(caseId)).toBeNull();
    expect(await t.history(caseId)).toEqual([['pooled', 'system', 'agent']]);
    await t.call('staff.update', { id: wang, active: true });
    await t.call('staff.update', { id: li, active: true });
    await t.call('auth.signIn', { staffId: wang });
    // The agent's queue holds nothing of theirs yet; the pool holds the case.
    expect((await t.call('cases.myQueue', {})).items).toEqual([]);
    const pool = await t.call('cases.listPool', {});
    expect(pool.role).toBe('agent');
    expect(pool.items.map((item) => item.caseId)).toEqual([caseId]);
    await t.call('cases.take', { caseId, fromPool: true });
    expect((await t.call('cases.myQueue', {})).items.map((item) => item.caseId)).toEqual([caseId]);
    expect((await t.call('cases.listPool', {})).items).toEqual([]);
    expect((await t.history(caseId)).at(-1)).toEqual(['assigned', '小王', '小王']);
    // Someone who arrives second is told who has it, and nothing changes.
    await t.call('auth.signIn', { staffId: li });
    const late = await t.core.call('cases.take', { caseId, fromPool: true });
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '小王 has already claimed case ' + caseId + '.', details: { reason: 'claimed', assigneeName: '小王' } } });
    expect(await t.assigneeOf(caseId)).toBe(wang);
  });

  it('does not show a role the pool of another role', async () => {
    const t = await boot();
    const agent = await t.staff('小王', 'agent');
    const caseId = await t.open('质量太差，收到就破损了');
    await t.call('auth.signIn', { staffId: agent });
    expect((await t.call('cases.listPool', {})).items).toEqual([]);
    // Nobody signed in (the single-user desk): every unassigned case.
    await t.call('auth.signOut', {});
    expect((await t.call('cases.listPool', {})).items.map((item) => item.caseId)).toEqual([caseId]);
  });

  it('moves a breached case to the next role up of the escalation order and records it', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const zhou = await t.staff('周主管', 'supervisor');
    const caseId = await t.open(logistics(1));
    expect(await t.assigneeOf(caseId)).toBe(wang);
    const sla = await t.call('sla.getCase', { caseId });
    const firstResponse = sla.targets.find((target) => target.kind === 'first_response')!;
    t.clock.set(firstResponse.dueAt! + 1000, { freeze: true });
    t.core.services!.slaScheduler.poke();
    expect(await t.assigneeOf(caseId)).toBe(zhou);
    expect(await t.history(caseId)).toEqual([
      ['assigned', 'system', '小王'],
      ['escalated', 'system', 'supervisor'],
      ['assigned', 'system', '周主管'],
    ]);
    // The resolution breach goes one further up: no owner is active, so the owner pool holds it.
    const resolution = sla.targets.find((target) => target.kind === 'resolution')!;
    t.clock.set(resolution.dueAt! + 1000, { freeze: true });
    t.core.services!.slaScheduler.poke();
    expect(await t.assigneeOf(caseId)).toBeNull();
    expect((await t.history(caseId)).slice(-2)).toEqual([
      ['escalated', 'system', 'owner'],
      ['pooled', 'system', 'owner'],
    ]);
  });

  it('escalates breaches noticed late (the app was closed past both deadlines) once per breach, and never again after a restart', async () => {
    const dir = makeTempDir();
    const first = await startTestCore(dir, { slaTimers: fakeTimers() });
    const shopId = (await first.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })).id;
    await first.call('staff.create', { name: '小王', role: 'agent' });
    await first.call('staff.create', { name: '周主管', role: 'supervisor' });
    const review = await first.call('reviews.create', { shopId, text: logistics(1), level: 'bad', postedAt: first.clock.now() - minute });
    const caseId = review.case!.id;
    const resolutionDue = (await first.call('sla.getCase', { caseId })).targets.find((target) => target.kind === 'resolution')!.dueAt!;
    await first.core.close();

    // Opened again a day after the resolution deadline: the start-up tick catches up both breaches (and the warnings) at once.
    const again = await startTestCore(dir, { slaTimers: fakeTimers() });
    again.clock.set(resolutionDue + 24 * 60 * minute, { freeze: true });
    again.core.services!.slaScheduler.poke();
    const history = async (core = again) => (await core.call('sla.getCase', { caseId })).history.filter((entry) => ['assigned', 'pooled', 'escalated'].includes(entry.kind)).map((entry) => [entry.kind, entry.actor, entry.detail]);
    const expected = [
      ['assigned', 'system', '小王'],
      ['escalated', 'system', 'supervisor'],
      ['assigned', 'system', '周主管'],
      ['escalated', 'system', 'owner'],
      ['pooled', 'system', 'owner'],
    ];
    expect(await history()).toEqual(expected);
    expect((await again.call('cases.get', { id: caseId })).assigneeId ?? null).toBeNull();
    // Late breaches are summed up in the away summary, not one notification each.
    const notes = await again.call('notifications.list', {});
    expect(notes.items.map((item) => item.kind)).toEqual(['away_summary']);
    // Ticking again, or another restart, escalates nothing more.
    again.core.services!.slaScheduler.poke();
    expect(await history()).toEqual(expected);
    await again.core.close();
    const third = await startTestCore(dir, { slaTimers: fakeTimers() });
    cleanups.push(() => third.core.close());
    third.clock.set(resolutionDue + 25 * 60 * minute, { freeze: true });
    third.core.services!.slaScheduler.poke();
    expect(await history(third)).toEqual(expected);
  });

  it('hands the open cases of someone deactivated to a colleague of the role, then to the pool', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const li = await t.staff('小李', 'agent');
    const caseId = await t.open(logistics(1));
    expect(await t.assigneeOf(caseId)).toBe(wang);
    await t.call('staff.update', { id: wang, active: false });
    expect(await t.assigneeOf(caseId)).toBe(li);
    await t.call('staff.update', { id: li, active: false });
    expect(await t.assigneeOf(caseId)).toBeNull();
    expect((await t.history(caseId)).slice(-2)).toEqual([
      ['assigned', 'system', '小李'],
      ['pooled', 'system', 'agent'],
    ]);
  });

  it('keeps an assignee someone already chose, and records a manual reassignment under the actor', async () => {
    const t = await boot();
    await t.staff('小王', 'agent');
    const li = await t.staff('小李', 'agent');
    const owner = await t.staff('张敏', 'owner');
    const caseId = await t.open(logistics(1));
    await t.call('auth.signIn', { staffId: owner });
    await t.call('cases.assign', { caseIds: [caseId], assigneeId: li });
    expect((await t.history(caseId)).at(-1)).toEqual(['assigned', '张敏', '小李']);
    await t.call('cases.assign', { caseIds: [caseId], assigneeId: null });
    expect((await t.history(caseId)).at(-1)).toEqual(['pooled', '张敏', null]);
  });
});

describe('nextRoleUp', () => {
  it('walks the escalation order above the role now responsible', () => {
    const order: StaffRole[] = ['agent', 'supervisor', 'owner'];
    expect(nextRoleUp(order, 'agent')).toBe('supervisor');
    expect(nextRoleUp(order, 'supervisor')).toBe('owner');
    // Legal is not in the order: the next one above it, not the bottom of the order.
    expect(nextRoleUp(order, 'legal')).toBe('owner');
    expect(nextRoleUp(order, 'owner')).toBe('owner');
    expect(nextRoleUp(order, null)).toBe('agent');
  });
});
