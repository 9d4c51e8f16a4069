import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';

// Screenshots of the shell for people to look at (screenshots/ is not committed). They also
// check that each combination renders its areas without errors.
const combos = [
  { language: '中文', scheme: '浅色', file: 'zh-light' },
  { language: '中文', scheme: '深色', file: 'zh-dark' },
  { language: 'English', scheme: 'Light', file: 'en-light' },
  { language: 'English', scheme: 'Dark', file: 'en-dark' },
] as const;

test('shell in zh-CN and English, light and dark', async ({ app, page }) => {
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  const shell = new AppShell(page);
  await app.open(page, '/team');
  for (const combo of combos) {
    await shell.setLanguage(combo.language);
    await shell.setColorScheme(combo.scheme);
    await shell.goTo('team');
    await expect(page.getByTestId('staff-table').locator('tbody tr')).toHaveCount(8);
    await page.screenshot({ path: `screenshots/team-${combo.file}.png` });
    await shell.goTo('inbox');
    await page.screenshot({ path: `screenshots/inbox-${combo.file}.png` });
    await shell.goTo('settings');
    await expect(page.getByTestId('shops-table')).toBeVisible();
    await page.screenshot({ path: `screenshots/settings-${combo.file}.png`, fullPage: true });
  }
});
