import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { InboxPage } from './pages/inbox-page';

// English is the second language: its longer words are where layouts break. Screenshots of the
// busiest screens with demo data, for people to look at (screenshots/ is not committed).
test('inbox, cases, evidence and settings in English', async ({ app, page }) => {
  test.setTimeout(180_000);
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  await app.open(page, '/inbox');
  await new AppShell(page).setLanguage('English');
  const inbox = new InboxPage(page);
  await expect(inbox.list.getByRole('row').nth(3)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await page.screenshot({ path: 'screenshots/en-inbox-list.png' });
  await inbox.list.getByRole('row').nth(2).click();
  await expect(inbox.detail.getByTestId('classification-explanation')).toBeVisible();
  await page.screenshot({ path: 'screenshots/en-inbox-detail.png' });
  await page.keyboard.press('Escape');

  await app.open(page, '/cases');
  await expect(page.getByTestId('sla-summary')).toBeVisible();
  await page.screenshot({ path: 'screenshots/en-cases-queue.png' });
  await page.getByTestId('tab-board').click();
  await page.screenshot({ path: 'screenshots/en-cases-board.png' });

  await app.open(page, '/evidence');
  await page.screenshot({ path: 'screenshots/en-evidence.png' });
  await app.open(page, '/settings');
  await page.screenshot({ path: 'screenshots/en-settings.png', fullPage: true });
});
