import { expect, test } from './fixtures';

const minute = 60_000;

async function clock(app: { url: string; token: string }, body: { at?: number; advanceMs?: number; freeze?: boolean }): Promise<void> {
  const response = await fetch(`${app.url}/__test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-reviewdesk-token': app.token },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

async function desktopNotifications(app: { url: string; token: string }) {
  const response = await fetch(`${app.url}/__test/platform`, { headers: { 'x-reviewdesk-token': app.token } });
  return ((await response.json()) as { value: { type: string; notification?: { title: string } }[] }).value.filter((record) => record.type === 'notify');
}

test('200 cases due at one instant: one desktop notification, at most three toasts below the header, one centre line of 200', async ({ app, page }) => {
  test.setTimeout(180_000);
  const start = Date.UTC(2026, 10, 24, 2, 0, 0);
  await clock(app, { at: start, freeze: true });
  const shop = (await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' })) as { id: number };
  for (let i = 0; i < 200; i++) {
    const review = (await app.call('reviews.create', { shopId: shop.id, text: `快递三天都没到，物流太慢了 ${i}`, level: 'bad', postedAt: start - minute })) as { case: { category: string } };
    expect(review.case.category).toBe('logistics');
  }
  await app.open(page, '/inbox');
  const header = page.locator('.mantine-AppShell-header');
  await expect(header).toBeVisible();
  const before = (await desktopNotifications(app)).length;

  // Past the 50 % warning of the 15-minute first response, then the 80 % one, then the breach.
  const toasts = page.locator('.mantine-Notification-root');
  await clock(app, { advanceMs: 7.5 * minute + 1000 });
  await expect(toasts.filter({ hasText: '200 个工单首次响应即将到期' })).toHaveCount(1);
  await clock(app, { advanceMs: 4.5 * minute });
  await expect.poll(async () => (await desktopNotifications(app)).length).toBe(before + 2);
  expect(await toasts.count()).toBeLessThanOrEqual(3);
  await clock(app, { advanceMs: 3 * minute });
  await expect(toasts.filter({ hasText: '200 个工单首次响应已超时' })).toHaveCount(1);
  expect(await toasts.count()).toBeLessThanOrEqual(3);
  const shown = (await desktopNotifications(app)).slice(before);
  expect(shown.map((record) => record.notification?.title)).toEqual(['200 个工单首次响应即将到期', '200 个工单首次响应即将到期', '200 个工单首次响应已超时']);

  // No toast covers the header (its language switch, sign-in and bells stay clickable).
  const headerBox = (await header.boundingBox())!;
  for (const toast of await toasts.all()) {
    const box = (await toast.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height);
  }
  await page.getByTestId('notifications-bell').click();
  await expect(page.getByTestId('notifications-unread')).toContainText('600');
  const groups = page.getByTestId('notification-group');
  await expect(groups).toHaveCount(3);
  const counts = await groups.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))));
  expect(counts).toEqual([200, 200, 200]);
  await page.screenshot({ path: 'test-results/notification-centre-grouped.png' });
});
