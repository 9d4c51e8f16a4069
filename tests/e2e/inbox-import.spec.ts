import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox-page';

// A platform export where the review text sits under 客户留言, a header no preset knows.
const csv = [
  '订单号,客户留言,评价时间,评分,买家昵称',
  'T20261101,快递三天都没到，催了好几次,2026-11-20 10:00:00,1,小林',
  'T20261102,枕头有异味，做工也很粗糙,2026-11-20 11:00:00,2,阿青',
  'T20261103,"客服态度很差，问了半天不回复",2026-11-20 12:00:00,1,大熊',
  'T20261104,很好用，五星好评,2026-11-20 13:00:00,5,豆豆',
  'T20261105,这一行的时间写错了,2026-13-45 99:00,1,路人',
].join('\r\n');

test('imports a CSV through the UI, maps an unknown column, and shows classified cases with their reasons', async ({ app, page }) => {
  await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' });
  await app.open(page, '/inbox');
  const inbox = new InboxPage(page);

  await inbox.openImport();
  await inbox.chooseFile('差评导出.csv', csv);

  // The known headers are matched; 评价内容 is required and missing until 客户留言 is chosen.
  await expect(page.getByTestId('mapping-orderNo')).toHaveValue('0');
  await expect(inbox.mappingRow('text')).toHaveAttribute('data-missing', 'true');
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await expect(page.getByTestId('unused-columns')).toContainText('客户留言');
  await inbox.mapField('text', '客户留言');
  await expect(inbox.mappingRow('text')).not.toHaveAttribute('data-missing', 'true');
  await expect(page.getByTestId('mapping-preview')).toContainText('快递三天都没到');

  await inbox.startImport();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).toContainText('导入完成');
  // The bad date went to the report, with its reason, and the report downloads as CSV.
  await expect(page.getByTestId('import-rejects')).toContainText('评价时间无法识别');
  const download = page.waitForEvent('download');
  await summary.getByRole('button', { name: '导出报告' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await summary.getByRole('button', { name: '查看收件箱' }).click();

  // Every imported review is listed with its category; the negative ones say why.
  await expect(inbox.row('快递三天都没到')).toContainText('物流延误');
  await expect(inbox.row('枕头有异味')).toContainText('产品质量');
  await expect(inbox.row('客服态度很差')).toContainText('服务态度');
  await expect(inbox.row('很好用')).toContainText('好评');

  await inbox.row('快递三天都没到').click();
  await expect(inbox.detail.getByTestId('classification-explanation')).toHaveText('规则「物流延误」命中：快递、催了');
  await expect(inbox.detail).toContainText('T20261101');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  // The next row opens (差评 first, then 好评: it may be the 好评, which has no case to explain).
  await expect(inbox.detail).toBeVisible();
  await expect(inbox.detail).not.toContainText('T20261101');
  await page.keyboard.press('Escape');
  await expect(inbox.detail).toHaveCount(0);

  // A reload keeps the search in the URL and marks the match.
  await page.keyboard.press('/');
  await page.keyboard.type('异味');
  await expect(inbox.list.getByRole('row')).toHaveCount(2);
  await page.reload();
  await expect(inbox.list.locator('mark').first()).toHaveText('异味');
});

test('imports rows pasted from a web table, with a report of the rows it refused', async ({ app, page }) => {
  await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' });
  await app.open(page, '/inbox');
  const inbox = new InboxPage(page);

  await page.getByRole('button', { name: '粘贴表格' }).click();
  await page.getByTestId('paste-text').fill(csv.replaceAll(',', '\t').replaceAll('"', ''));
  await page.getByRole('button', { name: '下一步：对应列' }).click();
  await inbox.mapField('text', '客户留言');
  await inbox.startImport();

  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-rejects')).toContainText('评价时间无法识别');
  await summary.getByRole('button', { name: '查看收件箱' }).click();
  await expect(inbox.row('客服态度很差')).toContainText('服务态度');
  await expect(page.getByTestId('review-count')).toHaveText('共 4 条');
});

test('says clearly when a file is not a table', async ({ app, page }) => {
  await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' });
  await app.open(page, '/inbox');
  const inbox = new InboxPage(page);
  await inbox.openImport();
  await inbox.chooseFile('截图.png', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'image/png');
  await expect(page.getByTestId('import-error')).toContainText('不是表格');
});

test('a broken byte in a UTF-8 export: read as UTF-8 with its confidence shown, imported, and the row named in the summary', async ({ app, page }) => {
  await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' });
  await app.open(page, '/inbox');
  const inbox = new InboxPage(page);
  const lines = csv.split('\r\n').map((line) => Buffer.from(`${line.replace('客户留言', '评价内容')}\r\n`, 'utf8'));
  const broken = lines[2] as Buffer;
  const at = broken.indexOf(Buffer.from('异味', 'utf8'));
  lines[2] = Buffer.concat([broken.subarray(0, at), Buffer.from([0xff]), broken.subarray(at)]);
  await inbox.openImport();
  await inbox.chooseFile('坏字节.csv', Buffer.concat(lines));

  await expect(page.getByTestId('detected-encoding')).toContainText('UTF-8');
  await expect(page.getByTestId('encoding-why')).toContainText('把握一般');
  await expect(page.getByTestId('encoding-why')).toContainText('1 处无效字节');
  await inbox.startImport();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary).toHaveAttribute('data-notice', 'undecodable_rows');
  await expect(summary).toContainText('有 1 行含有无法按 utf-8 解码的字节（第 3 行）');
});

test('a file with a 5,000-column header is refused with the reason, before any import', async ({ app, page }) => {
  await app.call('shops.create', { platform: 'taobao', name: '小王家居旗舰店' });
  await app.open(page, '/inbox');
  const inbox = new InboxPage(page);
  const header = Array.from({ length: 5_000 }, (_, index) => `列${index}`).join(',');
  await inbox.openImport();
  await inbox.chooseFile('很宽.csv', `${header}\r\n${header}\r\n`);
  await expect(page.getByTestId('import-error')).toContainText('表头不像评价导出');
  expect(await app.call('imports.list', {})).toMatchObject({ items: [] });
});

