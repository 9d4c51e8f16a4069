import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { AppShell } from './pages/app-shell';
import { gradientPng, simplePdf, toneWav } from './pages/evidence-files';
import { EvidencePage } from './pages/evidence-page';

// Screenshots of the evidence vault for people to look at (screenshots/ is not committed).
test('evidence vault: gallery, list, viewers and trash in zh-CN light and dark', async ({ app, page }) => {
  test.setTimeout(180_000);
  mkdirSync('screenshots', { recursive: true });
  const link = { targetType: 'case', targetId: '42' };
  const files: [string, Buffer | string][] = [
    ['聊天截图 买家承认收到货 2026-11-20 21.03.55.png', gradientPng(320, 240)],
    ['物流签收.png', gradientPng(240, 320, [16, 185, 129])],
    ['客户来电录音 2026-11-21.wav', toneWav(3)],
    ['质检报告-批次2026-11.pdf', simplePdf()],
    ['旺旺聊天记录导出.html', '<html><body><p>买家：东西收到了，挺好的</p><script>alert(1)</script></body></html>'],
    ['假录音.mp3', gradientPng(60, 40, [220, 38, 38])],
    ['IMG_2041.HEIC', Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(200, 7)])],
  ];
  const sources = [];
  for (const [name, bytes] of files) sources.push(await app.upload(name, bytes));
  await app.call('evidence.add', { sources, link });
  const trashed = (await app.call('evidence.add', { sources: [await app.upload('重复的截图.png', gradientPng(100, 100, [120, 120, 120]))] })) as {
    items: { evidence: { id: number } }[];
  };
  await app.call('evidence.trash', { id: trashed.items[0]!.evidence.id });

  const shell = new AppShell(page);
  const evidence = new EvidencePage(page);
  await app.open(page, '/evidence');
  for (const [scheme, file] of [
    ['浅色', 'light'],
    ['深色', 'dark'],
  ] as const) {
    await shell.setColorScheme(scheme);
    await shell.goTo('evidence');
    await expect(evidence.cards).toHaveCount(7);
    await expect.poll(() => page.getByTestId('evidence-thumb-image').evaluateAll((images) => images.every((image) => (image as unknown as { complete: boolean }).complete))).toBe(true);
    await page.screenshot({ path: `screenshots/evidence-gallery-zh-${file}.png`, fullPage: true });

    await page.getByText('列表', { exact: true }).click();
    await expect(page.getByTestId('evidence-row')).toHaveCount(7);
    await page.screenshot({ path: `screenshots/evidence-list-zh-${file}.png`, fullPage: true });
    await page.getByText('缩略图', { exact: true }).click();

    await evidence.open('聊天截图 买家承认收到货 2026-11-20 21.03.55.png');
    await expect(evidence.viewer.locator('img')).toBeVisible();
    await expect.poll(() => evidence.viewer.locator('img').evaluate((img) => (img as unknown as { complete: boolean }).complete)).toBe(true);
    await page.screenshot({ path: `screenshots/evidence-viewer-image-zh-${file}.png` });
    await evidence.showCustody();
    await page.screenshot({ path: `screenshots/evidence-viewer-custody-zh-${file}.png` });
    await evidence.closeViewer();

    await evidence.open('客户来电录音 2026-11-21.wav');
    await expect.poll(() => evidence.audio.evaluate((a) => (a as unknown as { duration: number }).duration)).toBeGreaterThan(2);
    await page.screenshot({ path: `screenshots/evidence-viewer-audio-zh-${file}.png` });
    await evidence.closeViewer();

    await evidence.open('质检报告-批次2026-11.pdf');
    await expect(evidence.viewer.getByTestId('evidence-pdf')).toHaveAttribute('data-loaded', 'true');
    await page.screenshot({ path: `screenshots/evidence-viewer-pdf-zh-${file}.png` });
    await evidence.closeViewer();

    await evidence.open('旺旺聊天记录导出.html');
    await expect(evidence.viewer.getByTestId('evidence-text')).toContainText('<script>alert(1)</script>');
    await page.screenshot({ path: `screenshots/evidence-viewer-text-zh-${file}.png` });
    await evidence.closeViewer();

    await page.getByRole('tab', { name: '回收站' }).click();
    await expect(page.getByTestId('evidence-trash-table')).toBeVisible();
    await page.screenshot({ path: `screenshots/evidence-trash-zh-${file}.png`, fullPage: true });
    await page.getByRole('button', { name: '清空回收站' }).click();
    await expect(page.getByRole('dialog')).toContainText('将永久删除 1 件证据');
    await page.screenshot({ path: `screenshots/evidence-trash-confirm-zh-${file}.png` });
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('tab', { name: '全部证据' }).click();

    await page.getByRole('button', { name: '校验证据库' }).click();
    await expect(page.getByTestId('evidence-verify-result')).toHaveAttribute('data-ok', 'true');
    await page.screenshot({ path: `screenshots/evidence-verify-zh-${file}.png` });
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  }

  await app.open(page, '/evidence/case/42');
  await expect(evidence.cards).toHaveCount(7);
  await page.screenshot({ path: 'screenshots/evidence-case-panel-zh-dark.png', fullPage: true });
});
