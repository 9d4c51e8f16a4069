import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';
import { gradientPng, toneWav } from './pages/evidence-files';
import { EvidencePage } from './pages/evidence-page';

/** The parts of <audio> and <img> the test reads (tests are type-checked without the DOM library). */
interface Media {
  duration: number;
  currentTime: number;
  seeking: boolean;
  play(): Promise<void>;
  pause(): void;
}
interface Picture {
  complete: boolean;
  naturalWidth: number;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('drops files on a case, sees thumbnails, plays the recording and sees the custody history', async ({ app, page }) => {
  const png = gradientPng();
  const wav = toneWav(2);
  const evidence = new EvidencePage(page);
  await app.open(page, '/evidence/case/42');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/工单 #42 的证据/);

  await evidence.addFiles([
    { name: '聊天截图 2026-11-20.png', mimeType: 'image/png', buffer: png },
    { name: '客户来电录音.wav', mimeType: 'audio/wav', buffer: wav },
    // A picture pretending to be a recording: stored, but flagged.
    { name: '假录音.mp3', mimeType: 'audio/mpeg', buffer: gradientPng(40, 30, [200, 40, 40]) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
  ]);

  // One result per file: three added, the empty one refused with the reason in words.
  await expect(evidence.results).toHaveCount(4);
  await expect(evidence.result('聊天截图 2026-11-20.png')).toHaveAttribute('data-status', 'added');
  await expect(evidence.result('客户来电录音.wav')).toHaveAttribute('data-status', 'added');
  await expect(evidence.result('假录音.mp3')).toHaveAttribute('data-status', 'added');
  await expect(evidence.result('empty.txt')).toHaveAttribute('data-status', 'refused');
  await expect(evidence.result('empty.txt')).toContainText('文件是空的');
  // The drop's results (the files went in batches; each row has its own outcome).
  await page.screenshot({ path: 'screenshots/evidence-drop-results-zh-light.png' });

  // Thumbnails: the picture is really loaded through the guarded /evidence route.
  await expect(evidence.cards).toHaveCount(3);
  const thumb = evidence.card('聊天截图 2026-11-20.png').getByTestId('evidence-thumb-image');
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: Picture) => img.complete && img.naturalWidth)).toBe(160);
  await expect(evidence.card('假录音.mp3').getByTestId('evidence-flag')).toHaveText('扩展名不符');
  await expect(evidence.card('客户来电录音.wav')).toContainText('0:02');

  // The recording plays and seeks (the route answers Range requests).
  await evidence.open('客户来电录音.wav');
  const audio = evidence.audio;
  await expect(audio).toBeVisible();
  await expect.poll(() => audio.evaluate((a: Media) => a.duration)).toBeGreaterThan(1.9);
  await audio.evaluate((a: Media) => a.play());
  await expect.poll(() => audio.evaluate((a: Media) => a.currentTime)).toBeGreaterThan(0.2);
  await audio.evaluate((a: Media) => {
    a.pause();
    a.currentTime = 1.5;
  });
  await expect.poll(() => audio.evaluate((a: Media) => Math.abs(a.currentTime - 1.5) < 0.05 && !a.seeking)).toBe(true);
  await expect(evidence.viewer.getByTestId('evidence-details-sha')).toHaveText(sha256(wav));
  await expect(evidence.viewer.getByTestId('evidence-links')).toContainText('工单 #42');

  // Custody: the add and the link to the case, with who and the hash.
  const custody = await evidence.showCustody();
  await expect(custody.locator('[data-action="evidence.add"]')).toContainText('添加了「客户来电录音.wav」');
  await expect(custody.locator('[data-action="evidence.add"]')).toContainText(`SHA-256 ${sha256(wav).slice(0, 16)}`);
  await expect(custody.locator('[data-action="evidence.link"]')).toContainText('关联到工单 #42');
  await expect(custody.getByText('本机用户').first()).toBeVisible();
});

test('the same bytes again are reported as already there; a pasted screenshot without an upload goes as bytes', async ({ app, page }) => {
  const png = gradientPng(64, 48);
  const evidence = new EvidencePage(page);
  await app.open(page, '/evidence');
  await evidence.addFiles([{ name: 'a.png', mimeType: 'image/png', buffer: png }]);
  await expect(evidence.result('a.png')).toHaveAttribute('data-status', 'added');
  await evidence.addFiles([{ name: 'copy of a.png', mimeType: 'image/png', buffer: png }]);
  await expect(evidence.result('copy of a.png')).toHaveAttribute('data-status', 'duplicate');
  await expect(evidence.cards).toHaveCount(1);

  // Ctrl+V with an image on the clipboard (a synthetic paste event carrying a File). With no
  // upload available (as for a pasted image in the app, which has no path) it goes as bytes.
  await page.route('**/upload?*', (route) => route.abort());
  const addBytes = page.waitForRequest('**/api/evidence.addBytes');
  const pasted = gradientPng(50, 50, [20, 160, 90]);
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(${JSON.stringify([...pasted])})], 'image.png', { type: 'image/png' }));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  })()`);
  expect((await addBytes).postDataJSON()).toMatchObject({ name: expect.stringMatching(/^粘贴的截图 .+\.png$/), base64: pasted.toString('base64') });
  await expect(evidence.result('粘贴的截图')).toHaveAttribute('data-status', 'added');
  await expect(evidence.cards).toHaveCount(2);
});
