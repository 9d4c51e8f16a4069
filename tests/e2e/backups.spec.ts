import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { BackupsPage } from './pages/backups-page';

test('settings lists backups, backs up now, and restores one after a preview', async ({ app, page }) => {
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  await app.open(page, '/settings/data');
  const backups = new BackupsPage(page);
  await expect(backups.section()).toBeVisible();
  const before = await backups.rows().count();
  await backups.backUpNow();
  await expect(backups.rows()).toHaveCount(before + 1);
  const manual = backups.rows().filter({ hasText: '手动' });
  await expect(manual).toHaveCount(1);
  await backups.section().scrollIntoViewIfNeeded();
  await backups.section().screenshot({ path: 'screenshots/settings-backups.png' });

  // A shop added after the backup is gone once the backup is back.
  await app.call('shops.create', { platform: 'jd', name: '备份之后的店' });
  await manual.getByRole('button', { name: '恢复…' }).click();
  await expect(backups.preview().getByTestId('restore-counts')).toContainText('492');
  await page.screenshot({ path: 'screenshots/settings-restore-preview.png', animations: 'disabled' });
  await backups.confirmRestore();
  // The restore reopens the database (a full integrity check) and the window reloads.
  await expect(backups.rows().filter({ hasText: '恢复前' })).toHaveCount(1, { timeout: 20_000 });
  await page.getByTestId('settings-nav').getByRole('link', { name: '店铺' }).click();
  await expect(page.getByTestId('shops-table')).toBeVisible();
  await expect(page.getByTestId('shops-table')).not.toContainText('备份之后的店');
});
