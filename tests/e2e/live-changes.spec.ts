import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox-page';

const shop = '小王家居旗舰店';
const csv = [
  '订单编号,评价内容,评价时间,评价结果,买家昵称',
  'L20261101,快递三天都没到，催了好几次,2026-11-20 10:00:00,差评,小林',
  'L20261102,枕头有异味，做工也很粗糙,2026-11-20 11:00:00,差评,阿青',
  'L20261103,客服态度很差，问了半天不回复,2026-11-20 12:00:00,差评,大熊',
  'L20261104,很好用，五星好评,2026-11-20 13:00:00,好评,豆豆',
  'L20261105,包装很用心,2026-11-20 14:00:00,好评,路人',
  'L20261106,颜色和图片一样,2026-11-20 15:00:00,好评,小米',
].join('\r\n');

/** `reviewdesk import …` as a person runs it beside the open window: its own process on the same data folder. */
function runCli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

test('a CLI import while the inbox is open shows up within 2 s, with a notice of what arrived', async ({ app, page }) => {
  await app.call('shops.create', { platform: 'taobao', name: shop });
  await app.open(page, '/inbox');
  const inbox = new InboxPage(page);
  await expect(page.getByTestId('inbox-import')).toBeVisible();
  await expect(inbox.row('快递三天都没到')).toHaveCount(0);

  const dir = mkdtempSync(join(tmpdir(), 'reviewdesk-cli-'));
  try {
    const file = join(dir, 'cli-export.csv');
    writeFileSync(file, csv);
    const result = await runCli(['import', file, '--platform', 'taobao', '--shop', shop, '--data-dir', app.dataDir, '--json']);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, inserted: 6 });
    const finished = Date.now();

    // Seen by the open window without a reload: the rows, and one notice saying what came.
    await expect(inbox.row('快递三天都没到')).toBeVisible({ timeout: 2_000 });
    await expect(inbox.row('颜色和图片一样')).toBeVisible({ timeout: 2_000 - (Date.now() - finished) });
    const notice = page.getByTestId('arrivals-notice');
    await expect(notice).toContainText('新导入 6 条评价', { timeout: Math.max(1, 2_000 - (Date.now() - finished)) });
    await expect(notice).toContainText('新开 3 个工单');
    console.log(`[live] CLI import visible in the open inbox ${Date.now() - finished} ms after the CLI exited`);
    await expect(notice).toHaveCount(1);
    await page.screenshot({ path: 'screenshots/live-cli-import-notice.png' });

    // The import history lists the run with where it came from, its counts and its report.
    await page.getByRole('tab', { name: '导入记录' }).click();
    const row = page.getByTestId('import-history-row').filter({ hasText: 'cli-export.csv' });
    await expect(row).toContainText('命令行');
    await expect(row).toContainText('完成');
    await expect(row.getByRole('cell')).toHaveText([/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'cli-export.csv', `${shop}淘宝`, '命令行', '完成', '6', '6', '0', '0', '3', '', '']);
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: '下载 cli-export.csv 的导入报告' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await page.screenshot({ path: 'screenshots/inbox-import-history.png' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the import history, open in English at 1024 px, lists a CLI run as it lands', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.call('shops.create', { platform: 'taobao', name: shop });
  await app.call('settings.updatePreferences', { language: 'en' });
  await app.open(page, '/inbox/imports');
  await expect(page.getByTestId('import-history-empty')).toContainText('No files imported yet.');

  const dir = mkdtempSync(join(tmpdir(), 'reviewdesk-cli-'));
  try {
    const file = join(dir, 'night-export.csv');
    writeFileSync(file, csv);
    const result = await runCli(['import', file, '--platform', 'taobao', '--shop', shop, '--data-dir', app.dataDir]);
    expect(result.code, result.err).toBe(0);
    const row = page.getByTestId('import-history-row').filter({ hasText: 'night-export.csv' });
    await expect(row).toContainText('Command line', { timeout: 2_000 });
    await expect(row).toContainText('Done');
    await expect(page.getByTestId('arrivals-notice')).toContainText('6 new review(s) imported, 3 case(s) opened');
    // The last column (the report) is reachable: scrolled into view inside the table, not cut off.
    const button = row.getByRole('button', { name: 'Download the import report of night-export.csv' });
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport();
    await page.screenshot({ path: 'screenshots/inbox-import-history-en-1024.png' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
