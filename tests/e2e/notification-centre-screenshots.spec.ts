import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';

const minute = 60_000;

async function clock(app: { url: string; token: string }, body: { at?: number; advanceMs?: number; freeze?: boolean }) {
  const response = await fetch(`${app.url}/__test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-reviewdesk-token': app.token },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

// The merged notification centre, each tab and its settings, for people to look at (screenshots/ is not committed).
test('notification centre: every tab and 通知设置 at 1440×900 and 1024×768 in zh-CN and English, nothing over the header', async ({ app, page }) => {
  test.setTimeout(180_000);
  mkdirSync('screenshots', { recursive: true });
  const start = Date.UTC(2026, 10, 24, 2, 0, 0);
  await clock(app, { at: start, freeze: true });
  const shop = (await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' })) as { id: number };
  await app.call('staff.create', { name: '王小明', role: 'agent' });
  // Twelve cases at one instant (a group), then two on their own a few minutes apart.
  for (let i = 0; i < 12; i++) await app.call('reviews.create', { shopId: shop.id, text: `快递三天都没到，物流太慢了 ${i}`, level: 'bad', postedAt: start - minute });
  await clock(app, { advanceMs: 3 * minute });
  await app.call('reviews.create', { shopId: shop.id, text: '客服态度很差，问了半天不回复', level: 'bad', postedAt: start });
  await clock(app, { advanceMs: 2 * minute });
  await app.call('reviews.create', { shopId: shop.id, text: '垃圾东西，客服就是骗子，差评', level: 'bad', postedAt: start });
  await clock(app, { advanceMs: 30_000 });
  await app.call('reviews.create', { shopId: shop.id, text: '骗子商家，给我返现就改好评', level: 'bad', postedAt: start });
  // Step onto the points as a running app's timer would: the twelve warn at 50 %, then the next ones.
  for (const step of [2, 1, 2, 1]) await clock(app, { advanceMs: step * minute });
  await expect.poll(async () => ((await app.call('notifications.listGroups', {})) as { groups: unknown[] }).groups.length).toBeGreaterThan(3);

  const shell = new AppShell(page);
  await app.open(page, '/cases');
  const header = page.locator('.mantine-AppShell-header');
  for (const language of ['中文', 'English'] as const) {
    await shell.setLanguage(language);
    const lang = language === '中文' ? 'zh' : 'en';
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size);
      const headerBox = (await header.boundingBox())!;
      for (const tab of ['all', 'sla', 'alerts'] as const) {
        if (!(await page.getByTestId('notifications-popover').isVisible())) await page.getByTestId('notifications-bell').click();
        await page.getByTestId(`notifications-tab-${tab}`).click();
        await expect(page.getByTestId('notifications-list')).toBeVisible();
        const box = (await page.getByTestId('notifications-popover').boundingBox())!;
        // Below the header, inside the window.
        expect(box.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        await page.screenshot({ path: `screenshots/notification-centre-${tab}-${lang}-${size.width}.png` });
      }
      await page.getByTestId('notifications-settings').click();
      await expect(page.getByTestId('notification-preferences')).toBeVisible();
      await page.screenshot({ path: `screenshots/notification-settings-${lang}-${size.width}.png` });
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('notification-preferences')).toHaveCount(0);
    }
  }
});
