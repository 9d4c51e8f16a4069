import { expect, test } from './fixtures';

// The create/edit dialogs share one shell (FormModal, FormActions, useSubmit): these drive the
// ones no other spec opens, through saving, a refusal shown on its field, and cancelling.

test('manual entry saves a review, shows a refusal on its field and keeps what was typed', async ({ app, page }) => {
  const shop = (await app.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })) as { id: number };
  await app.open(page, '/inbox');
  await page.getByRole('button', { name: '手动录入' }).first().click();
  const dialog = page.getByRole('dialog', { name: '手动录入评价' });
  await expect(dialog).toBeVisible();

  // Saved with text of spaces only: the backend refuses it on the field, the dialog stays open
  // with what was typed.
  await dialog.getByLabel('评价等级').selectOption({ label: '差评' });
  await dialog.getByLabel('买家昵称').fill('买家甲');
  await dialog.getByLabel('评价内容').fill('   ');
  await dialog.getByRole('button', { name: '保存评价' }).click();
  await expect(dialog.getByLabel('评价内容')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('买家昵称')).toHaveValue('买家甲');
  await page.screenshot({ path: 'screenshots/form-modal-manual-entry.png' });

  await dialog.getByLabel('评价内容').fill('快递太慢了，一个星期才到');
  await dialog.getByRole('button', { name: '保存评价' }).click();
  await expect(dialog).toBeHidden();
  const stored = (await app.call('reviews.list', { filters: { shopId: shop.id } })) as { items: { text: string; level: string }[] };
  expect(stored.items).toEqual([expect.objectContaining({ text: '快递太慢了，一个星期才到', level: 'bad', buyerNick: '买家甲' })]);
});

test('a category rule is created, refused when its name is blank, and cancelling changes nothing', async ({ app, page }) => {
  const before = (await app.call('rules.list')) as { category: { name: string }[] };
  await app.open(page, '/inbox');
  await page.getByRole('tab', { name: '规则' }).click();
  await page.getByRole('button', { name: '新建分类规则' }).click();
  const dialog = page.getByRole('dialog', { name: '新建分类规则' });

  await dialog.getByLabel('规则名称').fill('   ');
  await dialog.getByLabel('关键词').fill('压坏');
  await dialog.getByLabel('关键词').press('Enter');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByLabel('规则名称')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('规则名称').fill('包装压坏');
  await page.screenshot({ path: 'screenshots/form-modal-category-rule.png' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('category-rules')).toContainText('包装压坏');

  await page.getByRole('button', { name: '新建分类规则' }).click();
  await dialog.getByLabel('规则名称').fill('不会保存');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  const after = (await app.call('rules.list')) as { category: { name: string }[] };
  expect(after.category.map((rule) => rule.name)).toContain('包装压坏');
  expect(after.category.map((rule) => rule.name)).not.toContain('不会保存');
  expect(after.category).toHaveLength(before.category.length + 1);
});

test('a shop added in settings is renamed on Enter, and the dialog opens with the current name each time', async ({ app, page }) => {
  await app.open(page, '/settings');
  await page.getByLabel('平台').selectOption({ label: '抖音' });
  await page.getByLabel('店铺名称').fill('山野小铺');
  await page.getByRole('button', { name: '添加店铺' }).click();
  await expect(page.getByText('已添加店铺 山野小铺')).toBeVisible();
  await expect(page.getByLabel('店铺名称')).toHaveValue('');
  await page.getByRole('button', { name: '重命名 山野小铺' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑店铺：名称与主营品类' });
  const name = dialog.getByLabel('店铺名称');
  await expect(name).toHaveValue('山野小铺');
  await name.fill('山野小铺旗舰店');
  await name.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('店铺已重命名为 山野小铺旗舰店')).toBeVisible();

  await page.getByRole('button', { name: '重命名 山野小铺旗舰店' }).click();
  await expect(name).toHaveValue('山野小铺旗舰店');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const shops = (await app.call('shops.list')) as { items: { name: string }[] };
  expect(shops.items).toEqual([expect.objectContaining({ name: '山野小铺旗舰店', platform: 'douyin' })]);
});
