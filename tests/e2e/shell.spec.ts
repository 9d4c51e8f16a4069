import { expect, test } from './fixtures';
import { AppShell, areas } from './pages/app-shell';

test('opens in Chinese with every area reachable and a helpful empty state', async ({ app, page }) => {
  await app.open(page);
  const shell = new AppShell(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  for (const label of ['收件箱', '工单', '客户', '证据库', '申诉', '报表', '团队', '设置']) {
    await expect(page.getByRole('navigation').getByText(label, { exact: true })).toBeVisible();
  }
  for (const area of areas) {
    await shell.goTo(area);
    await expect(shell.nav(area)).toHaveAttribute('aria-current', 'page');
  }
  // The token left the address bar once stored.
  expect(page.url()).not.toContain('token=');
});

test('switches to English instantly and keeps it after a restart', async ({ app, page }) => {
  await app.open(page, '/inbox');
  const shell = new AppShell(page);
  await shell.setLanguage('English');
  await expect(page.getByRole('navigation').getByText('Inbox', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await app.restart();
  await app.open(page, '/inbox');
  await expect(page.getByRole('navigation').getByText('Team', { exact: true })).toBeVisible();
  await shell.setLanguage('中文');
  await expect(page.getByRole('navigation').getByText('团队', { exact: true })).toBeVisible();
});

test('loads demo data from an empty area', async ({ app, page }) => {
  await app.open(page, '/inbox');
  await page.getByRole('button', { name: '加载演示数据' }).first().click();
  await expect(page.getByText(/2.*8/).first()).toBeVisible();
  await new AppShell(page).goTo('team');
  await expect(page.getByTestId('staff-table').locator('tbody tr')).toHaveCount(8);
});

test('refuses to work without the token and says what to do', async ({ app, page }) => {
  await page.goto(`${app.url}/`);
  await expect(page.getByTestId('connection-error')).toBeVisible();
  const unknown = await fetch(`${app.url}/api/shops.nope`, { method: 'POST', headers: { 'x-reviewdesk-token': app.token }, body: '{}' });
  expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
});
