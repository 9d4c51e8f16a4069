import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';

const minute = 60_000;

async function clock(app: { url: string; token: string }, body: { at?: number; advanceMs?: number; freeze?: boolean }) {
  await fetch(`${app.url}/__test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-reviewdesk-token': app.token },
    body: JSON.stringify(body),
  });
}

// Screenshots of the cases area and SLA settings for people to look at (screenshots/ is not committed).
test('queue, board, SLA panel and policies in zh-CN light and dark', async ({ app, page }) => {
  test.setTimeout(180_000);
  mkdirSync('screenshots', { recursive: true });
  const start = Date.UTC(2026, 10, 24, 2, 0, 0);
  await clock(app, { at: start, freeze: true });
  const shop = (await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' })) as { id: number };
  for (const [name, role] of [['王小明', 'agent'], ['李娜', 'agent'], ['陈主管', 'supervisor'], ['赵律师', 'legal']] as const) {
    await app.call('staff.create', { name, role });
  }
  const staff = (await app.call('staff.list', {})) as { items: { id: number; role: string }[] };
  const shopId = shop.id;
  const texts = [
    '快递三天都没到，物流太慢了',
    '质量太差，穿一次就坏了',
    '客服态度很差，问了半天不回复',
    '同行来的吧？给我钱就改好评',
    '少发了一个枕套，联系客服说没办法',
    '尺码偏小，和图片不一样',
    '物流慢得离谱，包装还破了',
  ];
  const caseIds: number[] = [];
  for (const [index, text] of texts.entries()) {
    const review = (await app.call('reviews.create', { shopId, text, rating: 1, postedAt: start - index * minute })) as { case: { id: number } };
    caseIds.push(review.case.id);
    await clock(app, { advanceMs: 7 * minute });
  }
  const agents = staff.items.filter((member) => member.role !== 'owner');
  for (const [index, caseId] of caseIds.entries()) {
    if (index === 6) continue;
    const assignee = agents[index % Math.max(agents.length, 1)];
    if (assignee) await app.call('cases.assign', { caseIds: [caseId], assigneeId: assignee.id });
  }
  await app.call('cases.transition', { caseId: caseIds[0]!, to: 'contacting' });
  await app.call('cases.pause', { caseId: caseIds[4]!, reason: 'waiting_buyer' });
  await clock(app, { advanceMs: 10 * minute });

  const shell = new AppShell(page);
  // The clock jumps make points fire late, so the "while you were away" summary opens. The clock is
  // frozen from here on, so whether it shows is the backend's answer, not a matter of waiting.
  async function ackAway() {
    const away = (await app.call('sla.awaySummary', {})) as { items: unknown[] };
    if (away.items.length > 0) await page.getByTestId('away-ack').click();
    await expect(page.getByTestId('away-summary')).toHaveCount(0);
  }
  await expect.poll(async () => ((await app.call('sla.awaySummary', {})) as { items: unknown[] }).items.length).toBeGreaterThan(0);
  await app.open(page, '/cases');
  await expect(page.getByTestId('away-summary')).toBeVisible();
  await page.screenshot({ path: 'screenshots/cases-away-summary-zh-light.png' });
  await ackAway();
  for (const combo of [
    { scheme: '浅色', file: 'zh-light' },
    { scheme: '深色', file: 'zh-dark' },
  ] as const) {
    await shell.setColorScheme(combo.scheme);
    await app.open(page, '/cases');
    await ackAway();
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    await page.screenshot({ path: `screenshots/cases-queue-${combo.file}.png` });
    await page.getByTestId('tab-board').click();
    await expect(page.getByTestId('board-column').first()).toBeVisible();
    await page.screenshot({ path: `screenshots/cases-board-${combo.file}.png` });
    await app.open(page, `/cases?case=${caseIds[0]}`);
    await ackAway();
    await expect(page.getByTestId('sla-panel')).toBeVisible();
    await page.screenshot({ path: `screenshots/cases-sla-panel-${combo.file}.png` });
    await app.open(page, '/settings/sla');
    await ackAway();
    await page.getByTestId('sla-policies').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/settings-sla-policies-${combo.file}.png` });
    await page.getByTestId('notifications-bell').click();
    await expect(page.getByTestId('notifications-list')).toBeVisible();
    await page.screenshot({ path: `screenshots/notification-centre-${combo.file}.png` });
    await page.keyboard.press('Escape');
  }
});
