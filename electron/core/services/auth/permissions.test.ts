import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';

const tempDir = useTempDirs();

describe('declared permissions', () => {
  it('refuses an owner-only method before its handler runs and audits the refusal', async () => {
    const { core, call } = await startTestCore(tempDir());
    await call('staff.create', { name: '张敏', role: 'owner' });
    const agent = await call('staff.create', { name: '赵雪', role: 'agent' });
    await call('auth.signIn', { staffId: agent.id });
    const calendar = { timeZone: 'Asia/Shanghai', week: [[], [], [], [], [], [], []], holidays: [], extraWorkdays: [] };
    const shop = await call('shops.create', { platform: 'taobao', name: '旗舰店' });

    const refused = await core.call('sla.saveCalendar', { shopId: shop.id, calendar });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(!refused.ok && refused.error.message).toMatch(/sla\.saveCalendar needs the owner/);
    expect((await call('sla.getCalendar', { shopId: shop.id })).configured).toBe(false);

    const { items } = await call('audit.list', { entity: 'method' });
    expect(items).toMatchObject([{ action: 'access.refused', entityId: 'sla.saveCalendar', actor: '赵雪', after: { required: 'owner', role: 'agent' } }]);
    await core.close();
  });

  it('asks for sign-in before a change when sign-in is required, but still lets people sign in', async () => {
    const { core, call } = await startTestCore(tempDir());
    const owner = await call('staff.create', { name: '张敏', role: 'owner' });
    await call('auth.signIn', { staffId: owner.id });
    await call('auth.updateSettings', { requireSignIn: true });
    await call('auth.signOut');

    const refused = await core.call('shops.create', { platform: 'jd', name: '京东店' });
    expect(!refused.ok && refused.error.message).toMatch(/sign in first/);
    expect((await call('shops.list')).items).toEqual([]);
    expect((await call('auth.signIn', { staffId: owner.id })).operator?.name).toBe('张敏');
    await core.close();
  });
});
