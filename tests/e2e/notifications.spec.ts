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

test('200 cases due at one instant: one desktop notification, at most three toasts below the header, centre lines adding up to 200, the right badge', async ({ app, page }) => {
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
  const headerBox = (await header.boundingBox())!;
  const before = (await desktopNotifications(app)).length;
  const toasts = page.locator('.mantine-Notification-root');
  const belowHeader = async () => {
    for (const toast of await toasts.all()) expect((await toast.boundingBox())!.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height);
  };

  // The 200 reach their 50 % warning at one instant: one desktop notification, one toast.
  await clock(app, { advanceMs: 7.5 * minute + 1000 });
  await expect(toasts.filter({ hasText: '200 个工单首次响应即将到期' })).toHaveCount(1);
  await expect.poll(async () => (await desktopNotifications(app)).length).toBe(before + 1);
  expect((await desktopNotifications(app)).slice(before).map((record) => record.notification?.title)).toEqual(['200 个工单首次响应即将到期']);
  expect(await toasts.count()).toBeLessThanOrEqual(3);
  await belowHeader();

  // The badge is the real count; the centre's lines add up to 200 and open below the header.
  await expect(page.getByTestId('notifications-unread')).toContainText('200');
  await page.getByTestId('notifications-bell').click();
  const popover = page.getByTestId('notifications-popover');
  await expect(popover).toBeVisible();
  expect((await popover.boundingBox())!.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height);
  const groups = page.getByTestId('notification-group');
  await expect(groups).toHaveCount(1);
  const sum = async () => (await groups.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))))).reduce((total, n) => total + n, 0);
  expect(await sum()).toBe(200);
  await expect(page.getByTestId('notifications-tab-sla')).toContainText('200');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();

  // The 80 % point and the breach: each one more desktop notification, never more than three toasts, a breach replacing its warning.
  await clock(app, { advanceMs: 4.5 * minute });
  await expect.poll(async () => (await desktopNotifications(app)).length).toBe(before + 2);
  expect(await toasts.count()).toBeLessThanOrEqual(3);
  await clock(app, { advanceMs: 3 * minute });
  await expect(toasts.filter({ hasText: '200 个工单首次响应已超时' })).toHaveCount(1);
  expect(await toasts.count()).toBeLessThanOrEqual(3);
  await belowHeader();
  const shown = (await desktopNotifications(app)).slice(before);
  expect(shown.map((record) => record.notification?.title)).toEqual(['200 个工单首次响应即将到期', '200 个工单首次响应即将到期', '200 个工单首次响应已超时']);

  await page.getByTestId('notifications-bell').click();
  await expect(page.getByTestId('notifications-unread')).toContainText('600');
  await expect(groups).toHaveCount(3);
  expect(await groups.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-count'))))).toEqual([200, 200, 200]);
  await page.screenshot({ path: 'test-results/notification-centre-grouped.png' });

  // Read per group: the badge follows at once.
  await groups.first().getByTestId('notification-mark-read').click();
  await expect(page.getByTestId('notifications-unread')).toContainText('400');
});

test('monitor alerts share the centre: their own tab, a line that opens the review, read per line and per tab, 通知设置 from the popover', async ({ app, page }) => {
  test.setTimeout(120_000);
  const start = Date.UTC(2026, 10, 24, 2, 0, 0);
  await clock(app, { at: start, freeze: true });
  const shop = (await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' })) as { id: number };
  const review = (await app.call('reviews.create', { shopId: shop.id, text: '垃圾东西，客服就是骗子', level: 'bad', postedAt: start - minute })) as { id: number };
  await app.call('reviews.create', { shopId: shop.id, text: '骗子商家，再也不买了', level: 'bad', postedAt: start - minute });
  await app.open(page, '/cases');
  await expect(page.getByTestId('notifications-unread')).toContainText('2');
  // Keyboard: the entry is a button in the header's tab order, Enter opens it, the tabs follow arrows.
  await page.getByTestId('notifications-bell').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notifications-popover')).toBeVisible();
  await page.getByTestId('notifications-tab-alerts').click();
  await expect(page.getByTestId('notifications-tab-alerts')).toHaveAttribute('aria-selected', 'true');
  // Both matched in the same instant: one line for the rule, opening into its reviews.
  const group = page.getByTestId('notification-group');
  await expect(group).toHaveAttribute('data-count', '2');
  await expect(group).toContainText('2 条评价触发监控“敏感词”');
  await page.getByTestId('notifications-tab-sla').click();
  await expect(page.getByTestId('notifications-empty')).toContainText('没有 SLA 提醒');
  await page.getByTestId('notifications-tab-alerts').click();
  await group.getByRole('button', { name: '展开 2 条评价' }).click();
  const members = page.getByTestId('notification-group-cases').getByRole('button', { name: '监控提醒：敏感词' });
  await expect(members).toHaveCount(2);
  // The older one opens its review in the inbox and is read; the badge follows.
  await members.last().click();
  await expect(page).toHaveURL(new RegExp(`/inbox\\?review=${review.id}`));
  await expect(page.getByTestId('notifications-unread')).toContainText('1');
  expect(((await app.call('alerts.list', { unreadOnly: true })) as { items: unknown[] }).items).toHaveLength(1);

  await page.getByTestId('notifications-bell').click();
  await page.getByTestId('notifications-tab-alerts').click();
  await page.getByTestId('notifications-mark-all').click();
  await expect(page.getByTestId('notifications-unread')).not.toContainText(/\d/);

  // 通知设置: this desk's choices; a warning kept in the centre is saved.
  await page.getByTestId('notifications-settings').click();
  const form = page.getByTestId('notification-preferences');
  await expect(form).toBeVisible();
  await page.getByTestId('notification-preference-sla_warning').click();
  await page.getByRole('option', { name: '仅记入通知中心' }).click();
  await expect(form.getByRole('status')).toContainText('通知设置已保存');
  expect(((await app.call('notifications.getPreferences', {})) as { channels: Record<string, string> }).channels.sla_warning).toBe('centre');
});
