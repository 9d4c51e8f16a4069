import { expect, test } from './fixtures';
import { CasesPage } from './pages/cases-page';

const minute = 60_000;

/** Drives the backend's clock through the test route. */
async function clock(app: { url: string; token: string }, body: { at?: number; advanceMs?: number; freeze?: boolean; reset?: boolean }): Promise<number> {
  const response = await fetch(`${app.url}/__test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-reviewdesk-token': app.token },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as { ok: boolean; value: { now: number } };
  return envelope.value.now;
}

async function platformRecords(app: { url: string; token: string }) {
  const response = await fetch(`${app.url}/__test/platform`, { headers: { 'x-reviewdesk-token': app.token } });
  return ((await response.json()) as { value: { type: string; notification?: { title: string; route?: string } }[] }).value;
}

test('a countdown turns to warning, then breached, with the notification recorded and the badge updated', async ({ app, page }) => {
  test.setTimeout(120_000);
  const start = Date.UTC(2026, 10, 24, 2, 0, 0);
  await clock(app, { at: start, freeze: true });

  const shop = (await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' })) as { id: number };
  const review = (await app.call('reviews.create', {
    shopId: shop.id,
    text: '快递三天都没到，物流太慢了，催了也没用',
    rating: 1,
    postedAt: start - minute,
  })) as { case: { id: number; category: string } };
  const caseId = review.case.id;
  if (review.case.category !== 'logistics') await app.call('cases.recategorize', { caseIds: [caseId], category: 'logistics' });
  // Logging contact meets the 15-minute first response; the 2-hour resolution target remains.
  await app.call('cases.transition', { caseId, to: 'contacting' });

  const cases = new CasesPage(page);
  await app.open(page, '/cases');
  const countdown = cases.countdown(caseId);
  await expect(countdown).toHaveAttribute('data-state', 'running');
  await expect(countdown).toContainText(/^\s*[12]:\d\d:\d\d/);
  await expect(cases.breachedBadge).toHaveCount(0);

  // Past the 50 % warning point of the 2-hour target.
  await clock(app, { advanceMs: 61 * minute });
  await expect(countdown).toHaveAttribute('data-state', 'warning');
  await expect(countdown).toContainText('即将超时');

  // Step the clock onto each point, as a running app's timer would wake: 80 % at minute 96, then
  // the deadline. A single long jump would be a wall-clock jump to the app, and the points it
  // skipped would fire late into the "while you were away" summary (right for real sleeps).
  await clock(app, { advanceMs: 35 * minute });
  await expect(countdown).toHaveAttribute('data-state', 'warning');

  // Past the deadline.
  await clock(app, { advanceMs: 25 * minute });
  await expect(countdown).toHaveAttribute('data-state', 'breached');
  await expect(countdown).toContainText('已超时');

  await expect
    .poll(async () => (await platformRecords(app)).some((record) => record.type === 'notify' && record.notification?.route === `/cases/${caseId}`))
    .toBe(true);
  await expect(cases.breachedBadge).toHaveText('1');

  // Every point fired within the grace of its instant: nothing late, so no away summary.
  expect((await app.call('sla.awaySummary', {})) as { counts: { late: number } }).toMatchObject({ counts: { late: 0 } });
  await expect(page.getByTestId('away-ack')).toHaveCount(0);

  // The notification centre lists it, and clicking opens the case with its SLA panel.
  await page.getByTestId('notifications-bell').click();
  await page.getByTestId('notifications-list').locator('[data-kind="sla_breach"]').first().click();
  await expect(page.getByTestId('sla-panel')).toBeVisible();
  await expect(page.getByTestId('sla-target-resolution')).toHaveAttribute('data-state', 'breached');
});
