import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';

// Frame-drop reports (掉帧) no default rule catches: they land in 其他 until agents move them to 产品质量.
const symptoms = ['掉帧', '老是掉帧', '打开就掉帧', '掉帧重启', '频繁掉帧'];
const products = ['这个平板', '新手机', '电脑', '手表', '这台机器', '游戏机'];
const endings = ['气死了', '太失望', '怎么回事', '无语', '不推荐'];

function exportText(): string {
  const lines = ['订单号\t评价内容\t评价时间\t评分'];
  for (let i = 0; i < 12; i++) lines.push(`C${100 + i}\t${products[i % products.length]}用了${(i % 9) + 2}天，${symptoms[i % symptoms.length]}，${endings[(i * 3) % endings.length]}\t2026-11-23 10:${String(i).padStart(2, '0')}:00\t1`);
  for (let i = 0; i < 20; i++) lines.push(`L${100 + i}\t第${i}单，快递太慢了，等了一个星期\t2026-11-23 11:${String(i).padStart(2, '0')}:00\t1`);
  return lines.join('\n');
}

test('the rules screen learns from corrections and adds a suggested keyword to the rule in one click', async ({ app, page }) => {
  test.setTimeout(120_000);
  mkdirSync('screenshots', { recursive: true });
  const shop = (await app.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })) as { id: number };
  const { importId } = (await app.call('imports.start', {
    source: { kind: 'text', text: exportText() },
    platform: 'taobao',
    shopId: shop.id,
    mapping: { orderNo: 0, text: 1, postedAt: 2, rating: 3 },
  })) as { importId: number };
  await expect.poll(async () => ((await app.call('imports.get', { importId })) as { status: string }).status, { timeout: 30_000 }).toBe('done');

  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open(page, '/inbox/rules');
  const learning = page.getByRole('region', { name: '从人工改分类中学习' });
  await expect(learning.getByText('还没有人工纠正', { exact: false })).toBeVisible();

  // Agents correct the crash reports (as the case panel does).
  const page1 = (await app.call('reviews.list', { filters: { search: '掉帧' }, limit: 100 })) as { items: { case: { id: number } }[] };
  await app.call('cases.recategorize', { caseIds: page1.items.map((item) => item.case.id), category: 'quality' });

  const suggestions = learning.getByTestId('keyword-suggestions');
  await expect(suggestions).toBeVisible();
  await expect(learning.getByTestId('model-state')).toContainText('人工纠正 12 条');
  await page.screenshot({ path: 'screenshots/rules-learning-zh-1440.png', fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await learning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/rules-learning-zh-1024.png', fullPage: true });

  await new AppShell(page).setLanguage('English');
  await expect(page.getByRole('region', { name: 'Learning from corrections' }).getByTestId('keyword-suggestions')).toBeVisible();
  await page.screenshot({ path: 'screenshots/rules-learning-en-1024.png', fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'screenshots/rules-learning-en-1440.png', fullPage: true });
  await new AppShell(page).setLanguage('中文');

  // One click (keyboard works too: the button is focusable) adds the keyword to 产品质量.
  const add = learning.getByRole('button', { name: '把关键词 掉帧 加入规则 产品质量' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('已把「掉帧」加入规则「产品质量」')).toBeVisible();
  await expect(learning.getByRole('button', { name: '把关键词 掉帧 加入规则 产品质量' })).toHaveCount(0);
  const rules = (await app.call('rules.list')) as { category: { name: string; keywords: string[] }[] };
  expect(rules.category.find((rule) => rule.name === '产品质量')!.keywords).toContain('掉帧');
});
