import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { TeamPage } from './pages/team-page';

test('adds a staff member who is still there after a reload', async ({ app, page }) => {
  await app.open(page, '/team');
  const team = new TeamPage(page);
  await team.addMember('赵雪', 'supervisor');
  await expect(team.table).toContainText('赵雪');
  await expect(team.table).toContainText('客服主管');
  await expect(team.nameField).toHaveValue('');

  await page.reload();
  await expect(team.table).toContainText('赵雪');
  // The row came from the database, not the page's memory.
  const stored = (await app.call('staff.list')) as { items: { name: string; role: string }[] };
  expect(stored.items).toEqual([expect.objectContaining({ name: '赵雪', role: 'supervisor' })]);
});

test('shows validation errors from the backend on the name field, in the current language', async ({ app, page }) => {
  await app.open(page, '/team');
  const team = new TeamPage(page);

  await team.addMember('   ', 'agent');
  await expect(team.nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('请填写名称（只有空格不算）')).toBeVisible();

  await team.addMember('名'.repeat(41), 'agent');
  await expect(page.getByText('名称最多 40 个字符')).toBeVisible();

  await new AppShell(page).setLanguage('English');
  await team.addMember('x'.repeat(41), 'agent');
  await expect(page.getByText('Names can be at most 40 characters')).toBeVisible();

  await team.addMember('Li Na', 'agent');
  await team.addMember('Li Na', 'legal');
  await expect(team.nameField).toHaveAttribute('aria-invalid', 'true');
  const stored = (await app.call('staff.list')) as { items: unknown[] };
  expect(stored.items).toHaveLength(1);
});

test('deactivating asks first and can be undone', async ({ app, page }) => {
  await app.call('staff.create', { name: '陈晨', role: 'agent' });
  await app.open(page, '/team');
  await page.getByRole('button', { name: '停用 陈晨' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('陈晨');
  await dialog.getByRole('button', { name: '停用' }).click();
  await expect(page.getByTestId('staff-table')).toHaveCount(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('staff-table')).toContainText('陈晨');
});
