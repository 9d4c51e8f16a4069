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
      const sla = inbox.detail.getByTestId('sla-panel');
      await sla.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `screenshots/inbox-queue-sla-${name}-${tag}.png` });
      // Every countdown pill fits inside the pane: none is cut off at its edge or by its cell.
      const pane = (await inbox.detail.boundingBox())!;
      for (const pill of await sla.locator('[data-testid^="sla-countdown-"]').all()) {
        const box = (await pill.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
        const clipped = await pill.evaluate((element) => [element, ...element.querySelectorAll('*')].some((part) => part.scrollWidth > part.clientWidth + 1));
        expect(clipped, `countdown ${await pill.textContent()} is cut off`).toBe(false);
      }
      await page.keyboard.press('Escape');
    }
  }
});

/** Rows of the list with (almost) their whole height on screen: at most a border's few pixels cut. */
async function fullyVisibleRows(page: import('@playwright/test').Page, viewportHeight: number): Promise<number> {
  return page.getByTestId('review-list').evaluate((list, innerHeight) => {
    const box = list.getBoundingClientRect();
    const bottom = Math.min(box.bottom, innerHeight);
    return [...list.querySelectorAll('[data-testid^="review-row-"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= bottom + 4;
    }).length;
  }, viewportHeight);
}

test('at 1024×768 the filters take one line and at least ten reviews show, in both languages', async ({ app, page }) => {
  await app.call('demo.load');
  const inbox = new InboxPage(page);
  for (const size of sizes) {
    await page.setViewportSize(size);
    for (const language of ['中文', 'English'] as const) {
      await app.open(page, '/inbox');
      if (language === 'English') await new AppShell(page).setLanguage('English');
      await expect(inbox.list.getByRole('row').nth(10)).toBeVisible();
      const search = await page.getByTestId('inbox-search').boundingBox();
      const more = await page.getByTestId('filters-more').boundingBox();
      const count = await page.getByTestId('review-count').boundingBox();
      // One line: the search box, 更多筛选 and the count share a row.
      expect(Math.abs(search!.y + search!.height / 2 - (more!.y + more!.height / 2))).toBeLessThan(4);
      expect(Math.abs(search!.y + search!.height / 2 - (count!.y + count!.height / 2))).toBeLessThan(4);
      expect(await fullyVisibleRows(page, size.height)).toBeGreaterThanOrEqual(size.width === 1024 ? 10 : 12);
      // No column is cut off: the list never scrolls sideways.
      expect(await inbox.list.evaluate((list) => list.scrollWidth - list.clientWidth)).toBeLessThanOrEqual(0);
    }
  }
});

test('清除筛选 empties the search box, removes every chip and leaves no filter in the URL', async ({ app, page }) => {
  await app.call('demo.load');
  const inbox = new InboxPage(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.open(page, '/inbox?sort=newest');
  await expect(inbox.list.getByRole('row').nth(3)).toBeVisible();
  await page.getByTestId('inbox-search').fill('快递');
  await page.getByTestId('inbox-search').press('Enter');
  await expect(page.getByTestId('filter-chip-search')).toBeVisible();
  await page.getByTestId('filters-more').click();
  await page.getByTestId('filters-more-menu').getByRole('checkbox', { name: '差评', exact: true }).click();
  await page.getByTestId('filters-more-menu').getByLabel('平台').selectOption({ label: '淘宝' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('filters-more')).toContainText('2');
  await expect(page).toHaveURL(/q=/);
  await expect(page).toHaveURL(/level=bad/);
  // Typed on but not yet searched when 清除筛选 is pressed: that goes too.
  await page.getByTestId('inbox-search').fill('快递 物流');
  await page.getByTestId('filters-clear').click();
  await expect(page.getByTestId('inbox-search')).toHaveValue('');
  await expect(page.getByTestId('filter-chips')).toHaveCount(0);
  await expect(page).not.toHaveURL(/q=|level=|platform=/);
  // The sort is not a filter: it stays.
  await expect(page).toHaveURL(/sort=newest/);
  const { total } = (await app.call('reviews.count', {})) as { total: number };
  await expect(page.getByTestId('review-count')).toHaveText(`共 ${total} 条`);
});

test('select all matching: a bulk assign acts on every case the filter matches, on the server', async ({ app, page }) => {
  await app.call('demo.load');
  const inbox = new InboxPage(page);
  const { items: staff } = (await app.call('staff.list', {})) as { items: { id: number; name: string; active: boolean; role: string }[] };
  const member = staff.find((candidate) => candidate.active && candidate.role === 'agent')!;
  const { total } = (await app.call('reviews.count', {})) as { total: number };
  const { cases } = (await app.call('reviews.countCases', {})) as { cases: number };
  expect(total).toBeGreaterThan(100);
  await app.open(page, '/inbox');
  await expect(inbox.list.getByRole('row').nth(3)).toBeVisible();
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('select-all-banner')).toContainText('已选择已加载的 100 条评价');
  await page.getByTestId('select-all-matching').click();
  await expect(page.getByTestId('bulk-selected')).toHaveText(`已选全部 ${total} 条符合筛选的评价`);
  await page.screenshot({ path: 'screenshots/inbox-queue-select-all-matching.png' });
  await page.getByTestId('bulk-actions').getByLabel('分配给…').selectOption({ label: member.name });
  await page.getByTestId('bulk-actions').getByRole('button', { name: '分配' }).click();
  await expect(page.getByRole('dialog')).toContainText(`把符合筛选的 ${cases} 个工单分配给 ${member.name}？`);
  await page.screenshot({ path: 'screenshots/inbox-queue-bulk-confirm.png' });
  await page.getByTestId('bulk-matching-confirm').click();
  await expect(page.getByText(new RegExp(`分配给 ${member.name}：处理了 ${cases} 个工单，其中 \\d+ 个有改动`))).toBeVisible();
  const mine = (await app.call('reviews.countCases', { filters: { assigneeId: member.id } })) as { cases: number };
  expect(mine.cases).toBeGreaterThanOrEqual(cases);
  await expect(page.getByTestId('bulk-actions')).toHaveCount(0);
});
