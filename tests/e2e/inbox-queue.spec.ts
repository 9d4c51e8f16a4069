import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { InboxPage } from './pages/inbox-page';

// The inbox as a working queue: its layout at the two window sizes people use, in both languages.
const sizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
] as const;

test('inbox list and detail at 1440×900 and 1024×768 in zh-CN and English', async ({ app, page }) => {
  test.setTimeout(180_000);
  const tag = process.env.SHOT_TAG ?? 'after';
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  const inbox = new InboxPage(page);
  for (const language of ['中文', 'English'] as const) {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await app.open(page, '/inbox');
      if (language === 'English') await new AppShell(page).setLanguage('English');
      await expect(inbox.list.getByRole('row').nth(3)).toBeVisible();
      const name = `${language === '中文' ? 'zh' : 'en'}-${size.width}`;
      await page.screenshot({ path: `screenshots/inbox-queue-${name}-${tag}.png` });
      await inbox.list.getByRole('row').nth(2).click();
      await expect(inbox.detail.getByTestId('classification-explanation')).toBeVisible();
      await page.screenshot({ path: `screenshots/inbox-queue-detail-${name}-${tag}.png` });
      await page.keyboard.press('Escape');
    }
  }
});
