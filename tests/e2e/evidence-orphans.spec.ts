import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/**
 * A file in the vault that no evidence names, as an add killed between storing a file and
 * recording it leaves one: the vault check shows it with its size, and the owner cleans it after
 * a confirmation that says how many and how much.
 */
test('the vault check lists orphan files and cleans them after a confirmation', async ({ app, page }) => {
  const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(app.dataDir, 'vault', 'objects', sha256.slice(0, 2), sha256.slice(2)), bytes);

  await app.open(page, '/evidence');
  await page.getByRole('button', { name: '校验证据库' }).click();
  const orphans = page.getByTestId('evidence-verify-orphans');
  await expect(orphans).toContainText('1 个没有对应证据的孤立文件（共 3.0 MB）');
  await page.screenshot({ path: 'screenshots/evidence-verify-orphans-zh.png' });

  await orphans.getByRole('button', { name: '清理孤立文件' }).click();
  const confirm = page.getByRole('dialog', { name: '永久删除孤立文件？' });
  await expect(confirm).toContainText('将永久删除 1 个没有任何证据引用的文件（共 3.0 MB）');
  await confirm.getByRole('button', { name: '删除 1 个文件' }).click();
  await expect(page.getByText('已删除 1 个孤立文件，释放了 3.0 MB')).toBeVisible();
  await expect(orphans).toHaveCount(0);

  const report = (await app.call('evidence.verify')) as { unreferenced: string[] };
  expect(report.unreferenced).toEqual([]);
  const audit = (await app.call('audit.list', { entity: 'evidence' })) as { items: { action: string; after: { removed: number } | null }[] };
  expect(audit.items.find((entry) => entry.action === 'evidence.cleanOrphans')?.after).toMatchObject({ removed: 1, freedBytes: bytes.length });
});
