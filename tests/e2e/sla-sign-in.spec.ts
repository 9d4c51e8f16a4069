import { expect, test } from './fixtures';
import { signIn } from './pages/sign-in';

test('an agent signed in with a PIN sees SLA policies as owner-only; the owner saves a new version', async ({ app, page }) => {
  const agent = (await app.call('staff.create', { name: '小王', role: 'agent' })) as { id: number };
  const owner = (await app.call('staff.create', { name: '张敏', role: 'owner' })) as { id: number };
  // Nobody is signed in and sign-in is optional, so these calls act with owner rights.
  await app.call('staff.setPin', { id: agent.id, pin: '2468' });
  await app.call('staff.setPin', { id: owner.id, pin: '1357' });
  await app.call('auth.updateSettings', { requireSignIn: true });

  // Sign-in is required: the dialog opens by itself. A wrong PIN is refused in plain words.
  await app.open(page, '/settings/sla');
  await signIn(page, agent.id, '0000');
  await expect(page.getByTestId('sign-in')).toContainText('PIN 码不正确，或该成员已停用。');
  await page.getByTestId('sign-in').getByLabel('PIN 码').fill('2468');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('operator-menu')).toHaveAccessibleName(/小王/);

  // The agent may not edit policies: the reason is spelled out and the controls are disabled.
  const policies = page.getByTestId('sla-policies');
  await expect(page.getByTestId('owner-only').first()).toHaveText('只有店主可以修改这些设置。当前操作人：小王（普通客服）。');
  await expect(policies.getByTestId('policy-logistics').getByRole('button', { name: '编辑' })).toBeDisabled();
  // The section navigation marks the owner-only sections with a lock; sign-in settings are one.
  await page.getByTestId('settings-nav').getByRole('link', { name: '登录与权限' }).click();
  await expect(page.getByTestId('access-settings').getByRole('switch')).toBeDisabled();
  await page.goBack();
  await expect(policies).toBeVisible();
  // The backend refuses too, whatever the UI shows.
  await expect(app.call('sla.savePolicy', { category: 'logistics', shopId: null, platform: null, firstResponseMinutes: 15, resolutionMinutes: 150, ownerRole: 'agent', warnAtPercents: [50], escalation: ['agent'], pauseReasons: [], businessHours: true, requiresAppeal: false, applyToOpenCases: false })).rejects.toThrow(/FORBIDDEN/);

  // Switch to the owner: the same row can be edited and saving shows version 2.
  await page.getByTestId('operator-menu').click();
  await page.getByRole('menuitem', { name: '切换' }).click();
  await signIn(page, owner.id, '1357');
  await expect(page.getByTestId('operator-menu')).toHaveAccessibleName(/张敏/);
  await expect(page.getByTestId('owner-only')).toHaveCount(0);
  const row = policies.getByTestId('policy-logistics');
  await expect(row).toContainText('第 1 版');
  await row.getByRole('button', { name: '编辑' }).click();
  await page.getByLabel('解决（分钟）').fill('150');
  await page.getByTestId('policy-save').click();
  await expect(page.getByText('已保存为第 2 版，0 张工单已更新')).toBeVisible();
  await expect(row).toContainText('第 2 版');
  await expect(row).toContainText('150');
});
