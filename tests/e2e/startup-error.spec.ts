import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';

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
