import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';

const tempDir = useTempDirs();

describe('notification settings', () => {
  it('audits a change with the settings before and after, under the signed-in actor', async () => {
    const { core, call } = await startTestCore(tempDir());
    const agent = await call('staff.create', { name: '小王', role: 'agent' });
    await call('auth.signIn', { staffId: agent.id });
    const before = await call('notifications.getSettings');
    const after = await call('notifications.updateSettings', { quietHours: { enabled: true, start: '21:00', end: '07:30' }, soundForMalicious: false });
    expect(after).toEqual({ ...before, quietHours: { enabled: true, start: '21:00', end: '07:30' }, soundForMalicious: false });
    const entries = (await call('audit.list', { entity: 'settings' })).items.filter((entry) => entry.action === 'notifications.updateSettings');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: '小王', entity: 'settings', entityId: 'notifications', before, after });
    expect(await call('notifications.getSettings')).toEqual(after);
    await core.close();
  });
});
