import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { InboxPage } from './pages/inbox-page';

// Screenshots of the inbox for people to look at (screenshots/ is not committed).
const texts = [
  '快递三天都没到，催了好几次也没人管',
  '枕头有异味，做工也很粗糙，退货又麻烦',
  '客服态度很差，问了半天不回复',
  '尺码偏小，和图片不一样，差评',
  '少发了一个枕套，联系客服说没办法',
  '同行来的吧？给我钱就改好评',
  '还行吧，一般般',
  '很好用，五星好评，回购了',
];

/** A few hundred varied rows as a platform export would have them, tab-separated like a pasted table. */
function sampleRows(count: number): string {
  const lines = ['订单号\t评价内容\t评价时间\t评分\t买家昵称\t商品名称\t追评'];
  for (let i = 0; i < count; i += 1) {
    const text = texts[i % texts.length]!;
    const rating = i % texts.length >= 6 ? 5 - (i % 2) : 1 + (i % 2);
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(i % 24).padStart(2, '0');
    const followUp = i % 5 === 0 ? '追评：后来还是没解决' : '';
    lines.push(`T2026${String(100000 + i)}\t${text}\t2026-11-${day} ${hour}:${String(i % 60).padStart(2, '0')}:00\t${rating}\t买家${i % 37}\t记忆棉枕头\t${followUp}`);
  }
  return lines.join('\n');
}

test('inbox, mapping step and rules in zh-CN light and dark', async ({ app, page }) => {
  test.setTimeout(180_000);
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  const { total } = (await app.call('reviews.count', {})) as { total: number };
  if (total === 0) {
    const shops = (await app.call('shops.list')) as { items: { id: number; platform: string }[] };
    const shop = shops.items[0]!;
    const { importId } = (await app.call('imports.start', {
      source: { kind: 'text', text: sampleRows(400) },
      platform: shop.platform,
      shopId: shop.id,
      mapping: { orderNo: 0, text: 1, postedAt: 2, rating: 3, buyerNick: 4, product: 5, followUpText: 6 },
    })) as { importId: number };
    await expect.poll(async () => ((await app.call('imports.get', { importId })) as { status: string }).status, { timeout: 30_000 }).toBe('done');
  }

  const shell = new AppShell(page);
  const inbox = new InboxPage(page);
  await app.open(page, '/inbox');
  for (const combo of [
    { scheme: '浅色', file: 'zh-light' },
    { scheme: '深色', file: 'zh-dark' },
  ] as const) {
    await shell.setColorScheme(combo.scheme);
    await app.open(page, '/inbox');
    await expect(inbox.list.getByRole('row').nth(3)).toBeVisible();
    await page.screenshot({ path: `screenshots/inbox-list-${combo.file}.png` });
    await inbox.list.getByRole('row').nth(2).click();
    await expect(inbox.detail.getByTestId('classification-explanation')).toBeVisible();
    await page.screenshot({ path: `screenshots/inbox-detail-${combo.file}.png` });
    await page.keyboard.press('Escape');

    // Pasted rows reach the same mapping step as a file, without depending on the upload route.
    await page.getByRole('button', { name: '粘贴表格' }).click();
    await page.getByTestId('import-shop').selectOption({ index: 1 });
    await page.getByTestId('paste-text').fill(
      ['订单号\t客户留言\t评价时间\t评分\t买家昵称', 'T1\t快递三天才到，盒子都压坏了\t2026-11-20 10:00\t1\t小林', 'T2\t质量不错\t2026-11-20 11:00\t5\t阿青', 'T3\t\t2026-11-20 12:00\t1\t大熊'].join('\n'),
    );
    await page.getByRole('button', { name: '下一步：对应列' }).click();
    await expect(inbox.mappingRow('text')).toHaveAttribute('data-missing', 'true');
    await page.screenshot({ path: `screenshots/inbox-mapping-${combo.file}.png` });
    await inbox.mapField('text', '客户留言');
    await inbox.startImport();
    await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: `screenshots/inbox-import-report-${combo.file}.png` });
    await page.getByRole('button', { name: '查看收件箱' }).click();

    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notifications-tab-alerts').click();
    await expect(page.getByTestId('notifications-list')).toBeVisible();
    await page.screenshot({ path: `screenshots/inbox-alerts-${combo.file}.png` });
    await page.keyboard.press('Escape');

    await inbox.list.getByRole('checkbox').nth(1).check();
    await inbox.list.getByRole('checkbox').nth(2).check();
    await expect(page.getByTestId('bulk-actions')).toBeVisible();
    await page.screenshot({ path: `screenshots/inbox-bulk-${combo.file}.png` });
    await page.getByRole('button', { name: '取消选择' }).click();

    await page.getByRole('tab', { name: '规则' }).click();
    await expect(page.getByTestId('category-rules')).toBeVisible();
    await page.screenshot({ path: `screenshots/inbox-rules-${combo.file}.png`, fullPage: true });
  }
});
