import { describe, expect, it } from 'vitest';
import { defaultNotificationChannels } from '../../../../shared/domain/sla';
import { useSlaTestCores } from '../../../../tests/helpers/sla-test-core';

const minute = 60_000;
const startCore = useSlaTestCores();

async function boot() {
  const test = await startCore();
  const events: { event: string; payload: any }[] = [];
  test.core.events.subscribe((message) => events.push(message));
  const shopId = (await test.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })).id;
  const agent = (await test.call('staff.create', { name: '小王', role: 'agent' })).id;
  const other = (await test.call('staff.create', { name: '小李', role: 'agent' })).id;
  const owner = (await test.call('staff.create', { name: '张敏', role: 'owner' })).id;
  const desktop = () => test.platform.records.flatMap((record) => (record.type === 'notify' ? [record.notification] : []));
  const review = (text: string) => test.call('reviews.create', { shopId, text, level: 'bad', postedAt: test.clock.now() - minute });
  return { ...test, events, agent, other, owner, desktop, review, poke: () => test.core.services!.slaScheduler.poke() };
}

describe('notification preferences per person', () => {
  it('are each person’s own: defaults first, an agent edits their own, only the owner edits someone else’s', async () => {
    const t = await boot();
    expect(await t.call('notifications.getPreferences', {})).toEqual({ staffId: null, channels: defaultNotificationChannels });
    await t.call('auth.signIn', { staffId: t.agent });
    expect((await t.call('notifications.getPreferences', {})).staffId).toBe(t.agent);
    const saved = await t.call('notifications.updatePreferences', { staffId: t.agent, channels: { sla_warning: 'centre' } });
    expect(saved.channels).toEqual({ ...defaultNotificationChannels, sla_warning: 'centre' });
    const refused = await t.core.call('notifications.updatePreferences', { staffId: t.other, channels: { sla_warning: 'centre' } });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    const bad = await t.core.call('notifications.updatePreferences', { staffId: t.agent, channels: { sla_warning: 'loud' } });
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION');
    await t.call('auth.signIn', { staffId: t.owner });
    await t.call('notifications.updatePreferences', { staffId: t.other, channels: { alert_bad: 'toast' } });
    expect((await t.call('notifications.getPreferences', { staffId: t.other })).channels.alert_bad).toBe('toast');
    // Someone else's choices are untouched by it; the desk's (nobody signed in) are its own.
    expect((await t.call('notifications.getPreferences', { staffId: t.agent })).channels).toMatchObject({ sla_warning: 'centre', alert_bad: 'desktop' });
    expect((await t.call('notifications.getPreferences', { staffId: null })).channels).toEqual(defaultNotificationChannels);
    const missing = await t.core.call('notifications.updatePreferences', { staffId: 999, channels: {} });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('decide what reaches the desktop for whoever is signed in; the centre and the window still hear of each', async () => {
    const t = await boot();
    await t.call('auth.signIn', { staffId: t.agent });
    await t.call('notifications.updatePreferences', { staffId: t.agent, channels: { sla_warning: 'toast', alert_bad: 'centre' } });
    for (let i = 0; i < 5; i++) await t.review(`快递太慢了，物流延误三天 ${i}`);
    await t.review('垃圾东西，客服就是骗子');
    t.clock.advance(7.5 * minute + 1000);
    t.poke();
    // Six warnings (a burst: the alerted review opened a case too) and one alert: nothing on the desktop for this person.
    expect(t.desktop()).toEqual([]);
    expect(t.events.filter((e) => e.event === 'notification.created').map((e) => e.payload.kind).sort()).toEqual(['review_alert', 'sla_warning']);
    const { unread, tabUnread } = await t.call('notifications.listGroups', {});
    expect({ unread, tabUnread }).toEqual({ unread: 7, tabUnread: { sla: 6, alerts: 1 } });
    // Signed out, the desk's defaults apply again: the next alert is on the desktop.
    await t.call('auth.signOut', {});
    await t.review('骗子商家');
    expect(t.desktop().map((note) => note.title)).toEqual(['监控提醒：敏感词']);
  });
});
