import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { BackupsPage } from './pages/backups-page';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test.describe('a damaged database', () => {
  test.use({
    // A fixture whose value is the preparation step (Playwright reads a bare function as a fixture).
    prepareDataDir: async ({}, use) =>
      use((dataDir: string) => {
        execFileSync(process.execPath, ['out/main/cli.js', 'seed', '--demo', '--data-dir', dataDir]);
        const fd = openSync(join(dataDir, 'reviewdesk.sqlite'), 'r+');
        writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 0); // overwrite the first page
        closeSync(fd);
      }),
  });

  test('shows the start-up error screen with the path and a way to the backups, and touches nothing', async ({ app, page }) => {
    const dbPath = join(app.dataDir, 'reviewdesk.sqlite');
    const before = sha(dbPath);
    await app.open(page);
    const screen = page.getByTestId('startup-error');
    await expect(screen).toBeVisible();
    await expect(screen).toContainText(dbPath);
    await expect(screen).toContainText(join(app.dataDir, 'backups'));
    await page.getByRole('button', { name: '打开备份文件夹' }).click();
    const opened = async () =>
      ((await (await fetch(`${app.url}/__test/platform`, { headers: { 'x-reviewdesk-token': app.token } })).json()) as {
        value: unknown[];
      }).value;
    await expect.poll(opened).toEqual([{ type: 'openPath', path: join(app.dataDir, 'backups') }]);

    await page.reload();
    await expect(screen).toBeVisible();
    expect(sha(dbPath)).toBe(before);
  });
});

test.describe('a damaged database with a good backup', () => {
  test.use({
    prepareDataDir: async ({}, use) =>
      use((dataDir: string) => {
        execFileSync(process.execPath, ['out/main/cli.js', 'seed', '--demo', '--data-dir', dataDir]);
        execFileSync(process.execPath, ['out/main/cli.js', 'backup', '--data-dir', dataDir]);
        // Pages in the middle: the header still says SQLite, the integrity check at open fails.
        const path = join(dataDir, 'reviewdesk.sqlite');
        const fd = openSync(path, 'r+');
        const middle = Math.floor(statSync(path).size / 2 / 4096) * 4096;
        writeSync(fd, Buffer.alloc(4 * 4096, 0x41), 0, 4 * 4096, middle);
        closeSync(fd);
      }),
  });

  test('restores the latest good backup from the error screen after a preview; the app comes up ready', async ({ app, page }) => {
    const dbPath = join(app.dataDir, 'reviewdesk.sqlite');
    const damaged = sha(dbPath);
    await app.open(page);
    await expect(page.getByTestId('startup-error')).toBeVisible();
    await page.getByRole('button', { name: '恢复最近的正常备份' }).click();
    const backups = new BackupsPage(page);
    await expect(backups.preview()).toContainText('手动');
    await expect(backups.preview().getByTestId('restore-counts')).toContainText('492');
    await page.screenshot({ path: 'screenshots/startup-restore-preview.png', animations: 'disabled' });
    await backups.confirmRestore();

    // The restore checks the backup, swaps it in and opens it (a full integrity check).
    await expect(page.getByTestId('startup-error')).toBeHidden({ timeout: 20_000 });
    await expect(page.getByTestId('inbox-import')).toBeVisible();
    const verify = JSON.parse(execFileSync(process.execPath, ['out/main/cli.js', 'verify', '--data-dir', app.dataDir, '--json']).toString()) as { ok: boolean };
    expect(verify.ok).toBe(true);
    const asides = readdirSync(join(app.dataDir, 'backups')).filter((name) => name.endsWith('-before-restore.sqlite'));
    expect(asides).toHaveLength(1);
    expect(sha(join(app.dataDir, 'backups', asides[0]!))).toBe(damaged);
  });
});
