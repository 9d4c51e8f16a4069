import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { present } from '../../../tests/helpers/present';
import { startTestCore } from '../../../tests/helpers/test-core';
import { planDemoData } from './demo/demo-data';

const tempDir = useTempDirs();

describe('staff', () => {
  it('adds a member, lists it, and audits who did it with the after state', async () => {
    const { core, call } = await startTestCore(tempDir());
    const created = await call('staff.create', { name: '  赵雪 ', role: 'agent' });
    expect(created).toMatchObject({ name: '赵雪', role: 'agent', active: true });
    expect((await call('staff.list')).items).toEqual([created]);
    const audit = (await call('audit.list', { entity: 'staff' })).items;
    expect(audit[0]).toMatchObject({ actor: 'local', action: 'staff.create', entityId: String(created.id), before: null, after: created });
    await core.close();
  });

  it('refuses a duplicate name with CONFLICT on the name field and stores nothing', async () => {
    const { core, call } = await startTestCore(tempDir());
    await call('staff.create', { name: '李娜', role: 'supervisor' });
    const envelope = await core.call('staff.create', { name: '李娜', role: 'agent' });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('CONFLICT');
      expect(envelope.error.details?.issues?.[0]).toMatchObject({ path: 'name', reason: 'duplicate' });
    }
    expect((await call('staff.list')).items).toHaveLength(1);
    expect((await call('audit.list', { entity: 'staff' })).items).toHaveLength(1);
    await core.close();
  });

  it('refuses blank and over-long names as VALIDATION', async () => {
    const { core } = await startTestCore(tempDir());
    for (const name of ['   ', 'x'.repeat(41)]) {
      const envelope = await core.call('staff.create', { name, role: 'agent' });
      expect(!envelope.ok && envelope.error.details?.issues?.[0]?.path).toBe('name');
    }
    await core.close();
  });

  it('deactivates and reactivates, hiding inactive members unless asked', async () => {
    const { core, call } = await startTestCore(tempDir());
    const member = await call('staff.create', { name: '陈晨', role: 'agent' });
    await call('staff.update', { id: member.id, active: false });
    expect((await call('staff.list')).items).toEqual([]);
    expect((await call('staff.list', { includeInactive: true })).items[0]).toMatchObject({ active: false });
    await call('staff.update', { id: member.id, active: true });
    const actions = (await call('audit.list', { entity: 'staff' })).items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['staff.reactivate', 'staff.deactivate', 'staff.create']);
    await core.close();
  });

  it('keeps at least one active owner', async () => {
    const { core, call } = await startTestCore(tempDir());
    const owner = await call('staff.create', { name: '张敏', role: 'owner' });
    const demote = await core.call('staff.update', { id: owner.id, role: 'agent' });
    expect(!demote.ok && demote.error.code).toBe('CONFLICT');
    const deactivate = await core.call('staff.update', { id: owner.id, active: false });
    expect(!deactivate.ok && deactivate.error.details?.issues?.[0]?.reason).toBe('last_owner');
    await call('staff.create', { name: '王强', role: 'owner' });
    await call('staff.update', { id: owner.id, active: false });
    await core.close();
  });

  it('answers NOT_FOUND for a member that does not exist', async () => {
    const { core } = await startTestCore(tempDir());
    const envelope = await core.call('staff.update', { id: 999, name: '无名' });
    expect(!envelope.ok && envelope.error.code).toBe('NOT_FOUND');
    await core.close();
  });
});

describe('shops', () => {
  it('creates, renames and removes a shop, auditing each step and emitting data.changed', async () => {
    const { core, call } = await startTestCore(tempDir());
    const events: string[] = [];
    core.events.subscribe((message) => events.push(message.event === 'data.changed' ? message.payload.domain : message.event));
    const shop = await call('shops.create', { platform: 'douyin', name: '山野小铺' });
    const renamed = await call('shops.update', { id: shop.id, name: '山野小铺抖音店' });
    expect(renamed).toMatchObject({ id: shop.id, platform: 'douyin', name: '山野小铺抖音店' });
    await call('shops.remove', { id: shop.id });
    expect((await call('shops.list')).items).toEqual([]);
    const actions = (await call('audit.list', { entity: 'shop' })).items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['shops.remove', 'shops.update', 'shops.create']);
    expect(events).toEqual(['shops', 'shops', 'shops']);
    await core.close();
  });

  it('allows the same name on two platforms but not twice on one', async () => {
    const { core, call } = await startTestCore(tempDir());
    await call('shops.create', { platform: 'taobao', name: '木棉生活' });
    await call('shops.create', { platform: 'jd', name: '木棉生活' });
    const clash = await core.call('shops.create', { platform: 'taobao', name: '木棉生活' });
    expect(!clash.ok && clash.error.code).toBe('CONFLICT');
    const badPlatform = await core.call('shops.create', { platform: 'amazon', name: 'x' });
    expect(!badPlatform.ok && badPlatform.error.code).toBe('VALIDATION');
    await core.close();
  });
});

describe('preferences', () => {
  it('default to Chinese and the Shanghai time zone, and persist across restarts', async () => {
    const dataDir = tempDir();
    const first = await startTestCore(dataDir);
    expect(await first.call('settings.getPreferences')).toEqual({ language: 'zh-CN', colorScheme: 'auto', timeZone: 'Asia/Shanghai' });
    await first.call('settings.updatePreferences', { language: 'en', colorScheme: 'dark' });
    await first.core.close();
    const second = await startTestCore(dataDir);
    expect(await second.call('settings.getPreferences')).toMatchObject({ language: 'en', colorScheme: 'dark' });
    await second.core.close();
  });

  it('refuses an unknown language', async () => {
    const { core } = await startTestCore(tempDir());
    const envelope = await core.call('settings.updatePreferences', { language: 'fr' });
    expect(!envelope.ok && envelope.error.code).toBe('VALIDATION');
    await core.close();
  });
});

describe('demo data', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(planDemoData(7)).toEqual(planDemoData(7));
    expect(planDemoData(7)).not.toEqual(planDemoData(8));
  });

  it('makes two shops on different platforms and staff of every role', () => {
    const plan = planDemoData();
    expect(new Set(plan.shops.map((s) => s.platform)).size).toBe(2);
    expect(new Set(plan.staff.map((s) => s.role))).toEqual(new Set(['agent', 'supervisor', 'legal', 'owner']));
  });

  it('loads once: a second load adds nothing and keeps user edits', async () => {
    const { core, call } = await startTestCore(tempDir());
    expect(await call('demo.load')).toEqual({ shopsAdded: 2, staffAdded: 8, reviewsAdded: 492 });
    const first = present(
      (await call('staff.list')).items.find((s) => s.role === 'agent'),
      'a demo agent',
    );
    await call('staff.update', { id: first.id, role: 'legal' });
    expect(await call('demo.load')).toEqual({ shopsAdded: 0, staffAdded: 0, reviewsAdded: 0 });
    expect((await call('staff.list')).items).toHaveLength(8);
    expect((await call('staff.list')).items.find((s) => s.id === first.id)?.role).toBe('legal');
    await core.close();
  });
});

describe('maintenance', () => {
  it('leaves no half-written copy when a backup cannot be finished', async () => {
    const dataDir = tempDir();
    const { core, call } = await startTestCore(dataDir);
    const first = await call('maintenance.backup');
    // The clock is frozen, so the next backup wants the same name: make that name a folder so
    // the final rename fails after the copy was written.
    rmSync(first.path);
    mkdirSync(first.path);
    const envelope = await core.call('maintenance.backup', {});
    expect(envelope.ok).toBe(false);
    expect(readdirSync(join(dataDir, 'backups')).filter((name) => name.endsWith('.partial'))).toEqual([]);
    await core.close();
  });

  it('backs up to a readable copy and verifies the live database', async () => {
    const { core, call } = await startTestCore(tempDir());
    await call('demo.load');
    const backup = await call('maintenance.backup');
    expect(backup.path).toMatch(/backups[\\/]reviewdesk-.*-manual\.sqlite$/);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(await call('maintenance.verify')).toMatchObject({ ok: true, integrity: ['ok'], pendingMigrations: [] });
    await core.close();
  });
});
