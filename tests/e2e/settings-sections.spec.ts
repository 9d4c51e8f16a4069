import { mkdirSync } from 'node:fs';
import { expect, test, type AppServer } from './fixtures';
import { InboxPage } from './pages/inbox-page';
import type { Page } from '@playwright/test';

const shopName = '山野小铺';
// A header no built-in preset knows (客户留言), so the import needs the mapping it was given.
const csv = ['订单号,客户留言,评价时间,评分', 'T1,快递三天都没到,2026-11-20 10:00:00,1', 'T2,做工粗糙有异味,2026-11-20 11:00:00,2', 'T3,很好用,2026-11-20 12:00:00,5'].join('\r\n');
// The next export: same columns, another order.
const reordered = ['评分,评价时间,客户留言,订单号', '1,2026-11-21 09:00:00,包装破了,T4', '5,2026-11-21 10:00:00,还不错,T5'].join('\r\n');

async function importThroughApi(app: AppServer, shopId: number, name: string, content: string) {
  const source = await app.upload(name, content);
  const { importId } = (await app.call('imports.start', { source, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, rating: 3 } })) as { importId: number };
  await expect.poll(async () => ((await app.call('imports.get', { importId })) as { status: string }).status).toBe('done');
  return importId;
}

const hashPath = (page: Page) => new URL(page.url()).hash.replace(/^#/, '').split('?')[0];

test('settings sections: click, keyboard, deep link, Back and Forward', async ({ app, page }) => {
  await app.open(page, '/settings');
  const nav = page.getByTestId('settings-nav');
  // /settings opens the first section, replacing the bare address.
  await expect(page.getByTestId('settings-section-shops')).toBeVisible();
  await expect.poll(() => hashPath(page)).toBe('/settings/shops');
  await expect(nav.getByRole('link', { name: '店铺' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: '时效与工作时间' }).click();
  await expect(page.getByTestId('sla-policies')).toBeVisible();
  await expect(page.getByTestId('shops-table')).toHaveCount(0);
  await expect.poll(() => hashPath(page)).toBe('/settings/sla');

  await page.goBack();
  await expect(page.getByTestId('settings-section-shops')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('settings-section-sla')).toBeVisible();

  // Keyboard: Tab reaches the links, arrows move between them, Enter opens one.
  await nav.getByRole('link', { name: '时效与工作时间' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('link', { name: '通知' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(nav.getByRole('link', { name: '操作日志' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(nav.getByRole('link', { name: '店铺' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('activity-filters')).toBeVisible();
  await expect.poll(() => hashPath(page)).toBe('/settings/activity');

  // Deep links, and an unknown section lands on the first one.
  await app.open(page, '/settings/data');
  await expect(page.getByTestId('settings-section-data')).toBeVisible();
  await expect(nav.getByRole('link', { name: '数据与备份' })).toHaveAttribute('aria-current', 'page');
  await app.open(page, '/settings/nope');
  await expect(page.getByTestId('settings-section-shops')).toBeVisible();
});

test('policy cards name the calendar they count, as the working-hours section says', async ({ app, page }) => {
  const shop = (await app.call('shops.create', { platform: 'taobao', name: shopName })) as { id: number };
  await app.open(page, '/settings/sla');
  const quality = page.getByTestId('policy-quality').getByTestId('policy-calendar');
  await expect(quality).toHaveText('按店铺工作时间计时；店铺尚未设置工作时间（1 家），全天候计时（24/7）');
  await expect(page.getByTestId('working-hours')).toContainText('尚未设置：全天候计时');

  const day = [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }];
  await app.call('sla.saveCalendar', { shopId: shop.id, calendar: { timeZone: 'Asia/Shanghai', week: [day, day, day, day, day, [], []], holidays: [], extraWorkdays: [] } });
  await expect(quality).toHaveText(`${shopName}：周一至周五 09:00-12:00, 13:30-18:00`);
  await expect(page.getByTestId('working-hours')).not.toContainText('尚未设置');

  // A policy that does not count working hours says so.
  const policies = (await app.call('sla.listPolicies', {})) as { items: { id: number; category: string; current: boolean; [key: string]: unknown }[] };
  const logistics = policies.items.find((p) => p.category === 'logistics' && p.current)!;
  const { id, category, shopId, platform, firstResponseMinutes, resolutionMinutes, ownerRole, warnAtPercents, escalation, pauseReasons, requiresAppeal } = logistics;
  await app.call('sla.savePolicy', { id, category, shopId, platform, firstResponseMinutes, resolutionMinutes, ownerRole, warnAtPercents, escalation, pauseReasons, requiresAppeal, businessHours: false, applyToOpenCases: false });
  await expect(page.getByTestId('policy-logistics').getByTestId('policy-calendar')).toHaveText('全天候计时（24/7），不看工作时间');
});

test('the activity log says what happened in words, filters and pages, and ignores theme switches', async ({ app, page }) => {
  const shop = (await app.call('shops.create', { platform: 'taobao', name: shopName })) as { id: number };
  await app.call('staff.create', { name: '王小明', role: 'agent' });
  await importThroughApi(app, shop.id, '十一月差评.csv', csv);
  await app.open(page, '/settings/activity');
  const list = page.getByTestId('activity-list');
  await expect(list.getByTestId('activity-entry').filter({ hasText: '导入了' })).toHaveText(/本机用户 导入了 山野小铺 的 3 条评价（十一月差评\.csv）/);
  await expect(list).toContainText('本机用户 添加了成员 王小明');
  await expect(list).toContainText(`本机用户 添加了店铺 ${shopName}`);
  await expect(list).not.toContainText('imports.finish');

  // A theme switch is not an event of the desk.
  const total = await page.getByTestId('activity-total').textContent();
  await page.getByTestId('color-scheme-switch').getByText('深色', { exact: true }).click();
  await page.getByTestId('color-scheme-switch').getByText('浅色', { exact: true }).click();
  await page.reload();
  await expect(page.getByTestId('activity-total')).toHaveText(total!);

  // Filter by kind, then clear; the filter is in the address, so Back undoes it.
  await page.getByTestId('activity-filters').getByLabel('类别').selectOption({ label: '导入' });
  await expect(list.getByTestId('activity-entry')).toHaveCount(1);
  await page.goBack();
  await expect(list.getByTestId('activity-entry')).not.toHaveCount(1);
  await page.getByTestId('activity-filters').getByLabel('从').fill('2020-01-01');
  await page.getByTestId('activity-filters').getByLabel('到').fill('2020-01-02');
  await expect(page.getByTestId('activity-empty')).toHaveText('没有符合筛选条件的记录。');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(list).toBeVisible();

  // More than a page: paged, not capped.
  for (let i = 0; i < 26; i++) await app.call('shops.create', { platform: 'jd', name: `分店${i}` });
  await page.reload();
  const pages = page.getByTestId('activity-pages');
  await expect(pages).toBeVisible();
  await pages.getByRole('button', { name: '2' }).click();
  await expect(list).toContainText('导入了 山野小铺 的 3 条评价');

  // A hand-edited address: a page past the end shows the last page, a malformed kind is ignored.
  await app.open(page, '/settings/activity?page=99&kind=no%20such');
  await expect(list.getByTestId('activity-entry').first()).toBeVisible();
  await expect.poll(() => new URL(page.url()).hash).toContain('page=2');
  await expect(page.getByTestId('activity-pages')).toBeVisible();
});

test('import history re-opens a run’s column mapping for a new file', async ({ app, page }) => {
  const shop = (await app.call('shops.create', { platform: 'taobao', name: shopName })) as { id: number };
  await importThroughApi(app, shop.id, '十一月差评.csv', csv);
  await app.open(page, '/inbox/imports');
  const row = page.getByTestId('import-history-row').filter({ hasText: '十一月差评.csv' });
  await row.getByRole('button', { name: '查看 十一月差评.csv 的列映射' }).click();
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toContainText('评价内容客户留言');
  await mapping.getByTestId('reuse-mapping').click();

  // The dialog opens on the run's shop; the new file's columns are found by those names.
  const inbox = new InboxPage(page);
  await inbox.chooseFile('十二月差评.csv', reordered);
  await expect(page.getByTestId('mapping-text')).toHaveValue('2');
  await expect(page.getByTestId('mapping-orderNo')).toHaveValue('3');
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await inbox.startImport();
  await expect(page.getByTestId('import-summary')).toContainText('导入完成', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-history-row')).toHaveCount(2);
  await expect(page.getByTestId('import-history-row').filter({ hasText: '十二月差评.csv' })).toContainText('导入对话框');
});

test('screenshots: settings sections, activity log and import history at two sizes in both languages', async ({ app, page }) => {
  test.setTimeout(240_000);
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  const shops = (await app.call('shops.list', {})) as { items: { id: number; platform: string }[] };
  await importThroughApi(app, shops.items.find((shop) => shop.platform === 'taobao')!.id, '十一月差评.csv', csv);
  for (const language of ['zh-CN', 'en'] as const) {
    await app.call('settings.updatePreferences', { language });
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      const suffix = `${language}-${width}`;
      for (const section of ['shops', 'access', 'sla', 'notifications', 'watch', 'data', 'preferences', 'activity']) {
        await app.open(page, `/settings/${section}`);
        await expect(page.getByTestId(`settings-section-${section}`)).toBeVisible();
        if (section === 'activity') await expect(page.getByTestId('activity-list')).toBeVisible();
        if (section === 'sla') await expect(page.getByTestId('policy-calendar').first()).not.toBeEmpty();
        await page.screenshot({ path: `screenshots/settings-${section}-${suffix}.png` });
      }
      await app.open(page, '/inbox/imports');
      await expect(page.getByTestId('import-history-row').first()).toBeVisible();
      await page.screenshot({ path: `screenshots/import-history-${suffix}.png` });
      await page.getByTestId('import-history-row').first().getByRole('button', { name: language === 'en' ? /column mapping/ : /列映射/ }).click();
      await expect(page.getByTestId('import-mapping')).toBeVisible();
      await page.screenshot({ path: `screenshots/import-history-mapping-${suffix}.png` });
      await page.keyboard.press('Escape');
    }
  }
});
