import { afterEach, describe, expect, it } from 'vitest';
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
  const events: { event: string; payload: any }[] = [];
  test.core.events.subscribe((message) => events.push(message));
  cleanups.push(() => test.core.close());
  const shopId = (await test.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })).id;
  /** Opens `count` logistics cases at the clock's now (first response 15 min, warned at 50 % and 80 %). */
  const openCases = async (count: number) => {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const review = await test.call('reviews.create', { shopId, text: `快递太慢了，物流延误三天 ${i}`, level: 'bad', postedAt: test.clock.now() - minute });
      if (!review.case) throw new Error('a bad review opens a case');
      ids.push(review.case.id);
    }
    return ids;
  };
  const desktop = () => test.platform.records.flatMap((record) => (record.type === 'notify' ? [record.notification] : []));
  return { ...test, events, openCases, desktop, poke: () => test.core.services!.slaScheduler.poke() };
}

describe('notifications that scale', () => {
  it('200 cases due at one instant: one desktop digest, one centre line of 200 that opens into its cases, the real unread count', async () => {
    const t = await boot();
    const ids = await t.openCases(200);
    const seen = t.events.length;
    // Past the 50 % warning of the 15-minute first response, within the grace (not a late catch-up).
    t.clock.advance(7.5 * minute + 1000);
    t.poke();

    const shown = t.desktop();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: '200 个工单首次响应即将到期', route: '/notifications' });

    const { groups, hasMore, unread, tabUnread } = await t.call('notifications.listGroups', {});
    // The badge: the real count, every one of them unread, all on the SLA tab.
    expect(unread).toBe(200);
    expect(tabUnread).toEqual({ sla: 200, alerts: 0 });
    expect(hasMore).toBe(false);
    expect(groups.map((group) => [group.head.kind, group.head.params.target, group.head.params.percent, group.count, group.unread])).toEqual([['sla_warning', 'first_response', 50, 200, 200]]);
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(200);

    // The app hears of the group once (its toast), not of 200 cases.
    const created = t.events.slice(seen).filter((e) => e.event === 'notification.created');
    expect(created.map((e) => [e.payload.groupKey, e.payload.groupCount])).toEqual([[groups[0]!.key, 200]]);

    // Expanded, the line lists its cases, paged (not stopped at 50), each with the route of its case.
    const first = await t.call('notifications.list', { groupKey: groups[0]!.key, limit: 150 });
    expect(first).toMatchObject({ hasMore: true, unread: 200 });
    const rest = await t.call('notifications.list', { groupKey: groups[0]!.key, limit: 150, beforeId: first.items.at(-1)!.id });
    expect(rest.hasMore).toBe(false);
    const lines = [...first.items, ...rest.items];
    expect(lines.map((item) => item.caseId).sort((a, b) => a! - b!)).toEqual(ids);
    expect(new Set(lines.map((item) => item.route))).toEqual(new Set(ids.map((id) => `/cases/${id}`)));

    // Opening one case reads one line; marking the group read reads the rest.
    await t.call('notifications.markRead', { ids: [lines[0]!.id] });
    expect((await t.call('notifications.listGroups', {})).groups[0]).toMatchObject({ count: 200, unread: 199 });
    expect(await t.call('notifications.markRead', { groupKey: groups[0]!.key })).toEqual({ updated: 199 });
    expect((await t.call('notifications.listGroups', {})).unread).toBe(0);
  });

  it('names the most pressing line first when warnings and breaches come due together', async () => {
    const t = await boot();
    await t.openCases(5);
    t.clock.advance(7.5 * minute + 1000);
    t.poke();
    await t.openCases(4);
    t.clock.advance(4.5 * minute);
    t.poke();
    // The first five breach (15 min) in the same tick as the new four reach 50 %.
    t.clock.advance(3 * minute);
    t.poke();
    expect(t.desktop().map((note) => note.title)).toEqual(['5 个工单首次响应即将到期', '5 个工单首次响应即将到期', '5 个工单首次响应已超时']);
    expect(t.desktop().at(-1)).toMatchObject({ body: '另有：4 个工单首次响应即将到期。打开通知中心查看。', urgent: true });
    const { groups, unread } = await t.call('notifications.listGroups', {});
    expect(unread).toBe(19);
    expect(groups.map((group) => [group.head.kind, group.head.params.percent ?? null, group.count])).toEqual([
      ['sla_breach', null, 5],
      ['sla_warning', 50, 4],
      ['sla_warning', 80, 5],
      ['sla_warning', 50, 5],
    ]);
  });

  it('shows each case on its own when only a few are due (one centre line still)', async () => {
    const t = await boot();
    const [caseId] = await t.openCases(2);
    t.clock.advance(7.5 * minute + 1000);
    t.poke();
    expect(t.desktop().map((note) => note.route).sort()).toEqual([`/cases/${caseId}`, `/cases/${caseId! + 1}`]);
    expect((await t.call('notifications.listGroups', {})).groups.map((group) => group.count)).toEqual([2]);
  });

  it('writes the digest in the language chosen', async () => {
    const t = await boot();
    await t.call('settings.updatePreferences', { language: 'en' });
    await t.openCases(5);
    t.clock.advance(7.5 * minute + 1000);
    t.poke();
    expect(t.desktop().at(-1)).toMatchObject({ title: '5 cases: first response due soon', body: 'Open the notification centre to see them.' });
  });

  it('pages the whole history, not only the newest 50', async () => {
    const t = await boot();
    // Three cases opened a minute apart: three ticks, three lines.
    for (let i = 0; i < 3; i++) {
      await t.openCases(1);
      t.clock.advance(minute);
    }
    for (let i = 0; i < 3; i++) {
      t.clock.set(t.clock.now() + (i === 0 ? 4.5 * minute + 1000 : minute), { freeze: true });
      t.poke();
    }
    const page = await t.call('notifications.listGroups', { limit: 2 });
    expect(page.hasMore).toBe(true);
    const next = await t.call('notifications.listGroups', { before: page.next!, limit: 2 });
    expect(next).toMatchObject({ hasMore: false, next: null });
    expect([...page.groups, ...next.groups].map((group) => group.count)).toEqual([1, 1, 1]);
    expect(new Set([...page.groups, ...next.groups].map((group) => group.key)).size).toBe(3);
    expect(next.groups[0]!.key).toMatch(/^sla_warning:first_response:50:/);
    const refused = await t.core.call('notifications.list', { limit: 500 });
    expect(refused.ok).toBe(false);
  });

  it('lists monitor alerts in the same centre, on their own tab, read with their alert either way', async () => {
    const t = await boot();
    await t.openCases(1);
    const review = await t.call('reviews.create', { shopId: (await t.call('shops.list')).items[0]!.id, text: '垃圾东西，客服就是骗子', level: 'bad', postedAt: t.clock.now() - minute });
    // Shown on the desktop after the review's commit, through the same outbox.
    expect(t.desktop().map((note) => note.title)).toEqual(['监控提醒：敏感词']);
    expect(t.desktop()[0]).toMatchObject({ route: `/inbox?review=${review.id}` });
    const all = await t.call('notifications.listGroups', { tab: 'all' });
    expect(all.unread).toBe(1);
    expect(all.tabUnread).toEqual({ sla: 0, alerts: 1 });
    const alerts = await t.call('notifications.listGroups', { tab: 'alerts' });
    expect(alerts.groups.map((group) => [group.head.kind, group.head.params.ruleName, group.head.route])).toEqual([['review_alert', '敏感词', `/inbox?review=${review.id}`]]);
    expect((await t.call('notifications.listGroups', { tab: 'sla' })).groups).toEqual([]);
    // Read in the centre: the alert is read too; marked unread-all from the alerts API, the other way round.
    await t.call('notifications.markRead', { ids: [alerts.groups[0]!.head.id] });
    expect((await t.call('alerts.list', {})).unread).toBe(0);
    const second = await t.call('reviews.create', { shopId: review.shopId, text: '骗子商家', level: 'bad', postedAt: t.clock.now() - minute });
    expect(second.id).toBeGreaterThan(review.id);
    expect((await t.call('notifications.listGroups', {})).unread).toBe(1);
    await t.call('alerts.markRead', { all: true });
    expect((await t.call('notifications.listGroups', {})).unread).toBe(0);
    // Marking all of one tab leaves the other's.
    await t.call('reviews.create', { shopId: review.shopId, text: '骗子骗子', level: 'bad', postedAt: t.clock.now() - minute });
    t.clock.advance(7.5 * minute + 1000);
    t.poke();
    await t.call('notifications.markRead', { all: true, tab: 'sla' });
    expect((await t.call('notifications.listGroups', {})).tabUnread).toEqual({ sla: 0, alerts: 1 });
  });
});
