import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expect, test, type AppServer } from './fixtures';
import { AppShell } from './pages/app-shell';
import { CasesListPage } from './pages/cases-list-page';

interface ListItem {
  caseId: number;
  status: string;
  category: string;
  assigneeId: number | null;
  buyerNick: string | null;
  orderNo: string | null;
}
interface ListPage {
  items: ListItem[];
  total: number;
}

const list = (app: AppServer, input: unknown) => app.call('cases.list', input) as Promise<ListPage>;

test('on demo data: search by order number, filter by category, bulk-assign every matching case', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.call('demo.load');
  const all = await list(app, { limit: 200 });
  expect(all.total).toBeGreaterThan(100);
  const cases = new CasesListPage(page);
  await app.open(page, '/cases?view=list');
  await expect(cases.total).toHaveText(`共 ${all.total} 个工单`);
  // Deadline order, as the API gives it.
  await expect(cases.rows.first()).toHaveAttribute('data-case-id', String(all.items[0]!.caseId));

  // Search by an order number finds that case.
  const withOrder = all.items.find((item) => item.orderNo)!;
  await cases.search.fill(withOrder.orderNo!);
  await expect(cases.row(withOrder.caseId)).toBeVisible();
  const byOrder = await list(app, { filter: { search: withOrder.orderNo } });
  await expect(cases.rows).toHaveCount(byOrder.items.length);
  await expect(cases.total).toHaveText(`共 ${byOrder.total} 个工单`);
  // A word found nowhere: the empty state says what to try and clears the filter.
  await cases.search.fill('没有这种评价zzz');
  await expect(page.getByText('没有符合条件的工单')).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).first().click();
  await expect(cases.search).toHaveValue('');
  await expect(cases.total).toHaveText(`共 ${all.total} 个工单`);

  // Filter: 物流延误 only; the total is the real count.
  await cases.tick('category', '物流延误');
  const logistics = await list(app, { filter: { categories: ['logistics'] }, limit: 200 });
  await expect(cases.total).toHaveText(`共 ${logistics.total} 个工单`);
  await expect(cases.rows.first()).toHaveAttribute('data-case-id', String(logistics.items[0]!.caseId));

  // Bulk over more than the loaded page: every case, to one agent. Cases an agent may not take
  // (quality belongs to supervisors, malicious to legal) are reported, the rest move.
  const { items: staff } = (await app.call('staff.list', {})) as { items: { id: number; name: string; role: string }[] };
  const agent = staff.find((member) => member.role === 'agent')!;
  await page.getByTestId('clear-filters').click();
  await expect(cases.total).toHaveText(`共 ${all.total} 个工单`);
  await page.getByTestId('select-loaded').check();
  await expect(page.getByTestId('bulk-count')).toHaveText('已选 100 个');
  await page.getByTestId('select-matching').click();
  await expect(page.getByTestId('bulk-count')).toHaveText(`已选全部符合条件的 ${all.total} 个`);
  await page.getByTestId('bulk-assign').click();
  await page.getByTestId(`bulk-assign-staff-${agent.id}`).click();
  await expect(page.getByTestId('bulk-confirm')).toContainText(`把 ${all.total} 个工单分配给 ${agent.name}？`);
  await page.getByTestId('bulk-confirm-button').click();
  await expect(page.getByTestId('bulk-result-text')).toBeVisible();
  const mine = await list(app, { filter: { assignees: [`staff:${agent.id}`] } });
  const foreign = await list(app, { filter: { categories: ['quality', 'malicious'] } });
  // Everything the agent may take is theirs now; the refused ones are listed with the reason.
  const logisticsNow = await list(app, { filter: { categories: ['logistics'], assignees: [`staff:${agent.id}`] } });
  expect(logisticsNow.total).toBe(logistics.total);
  expect(mine.total).toBeGreaterThanOrEqual(logistics.total);
  if (foreign.total > 0) await expect(page.getByTestId('bulk-failures')).toContainText('权限或角色不允许');
  await page.getByTestId('bulk-result').getByRole('button', { name: '关闭' }).click();
});

test('board: drag a card to another status, move one to another person from its menu by keyboard', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.call('demo.load');
  const cases = new CasesListPage(page);
  const fresh = await list(app, { filter: { statuses: ['new'] }, limit: 1 });
  const target = fresh.items[0]!;
  // Wide enough for 新建 … 已解决 side by side: a drag never has to scroll the board.
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.open(page, '/cases?view=board');
  await expect(cases.column('status:new')).toBeVisible();
  // Drag by mouse from 新建 to 联系中: the case records its first contact.
  await cases.card(target.caseId).dragTo(cases.column('status:contacting'));
  await expect(cases.column('status:contacting').locator(`[data-case-id="${target.caseId}"]`)).toBeVisible();
  expect(((await app.call('cases.get', { id: target.caseId })) as { status: string }).status).toBe('contacting');
  // A step back the lifecycle does not allow is refused with where the case can go.
  await cases.card(target.caseId).dragTo(cases.column('status:new'));
  await expect(page.getByTestId('board-refusal')).toContainText(`工单 #${target.caseId} 不能从「联系中」直接改为「新建」。可以改为：已提供方案、已解决、已关闭。`);
  expect(((await app.call('cases.get', { id: target.caseId })) as { status: string }).status).toBe('contacting');
  // 已关闭 from the card's menu asks first: closing before an outcome needs a supervisor.
  await page.getByTestId(`move-menu-${target.caseId}`).click();
  await page.getByTestId('move-to-status:closed').click();
  await expect(page.getByTestId('move-dialog')).toContainText('提前结案需要主管');
  await page.getByTestId('move-dialog').getByRole('button', { name: '取消' }).click();
  // Dropping on 已提供方案 asks for the compensation offered, then moves it.
  await cases.card(target.caseId).dragTo(cases.column('status:solution_offered'));
  await page.getByTestId('move-dialog').getByLabel('补偿金额（元，可不填）').fill('12.5');
  await page.getByTestId('move-confirm').click();
  await expect(cases.column('status:solution_offered').locator(`[data-case-id="${target.caseId}"]`)).toBeVisible();
  expect(((await app.call('cases.get', { id: target.caseId })) as { status: string }).status).toBe('solution_offered');

  // By assignee, with the keyboard: the card's menu moves it to another person.
  await page.getByTestId('board-grouping').getByText('按负责人').click();
  // The assignee columns are in (the status columns stay until they arrive).
  await expect(cases.column('pool:agent')).toBeVisible();
  const { items: staff } = (await app.call('staff.list', {})) as { items: { id: number; name: string; role: string }[] };
  const moving = (await list(app, { filter: { categories: ['logistics'], statuses: ['new'] }, limit: 1 })).items[0]!;
  const other = staff.find((member) => member.role === 'agent' && member.id !== moving.assigneeId)!;
  await expect(cases.card(moving.caseId)).toBeVisible();
  const menu = page.getByTestId(`move-menu-${moving.caseId}`);
  await menu.focus();
  await page.keyboard.press('Enter');
  const item = page.getByTestId(`move-to-staff:${other.id}`);
  await expect(item).toBeVisible();
  // Walk the menu with the arrow keys to the person, then Enter.
  for (let step = 0; step < 40; step++) {
    if (await item.evaluate((element) => element === element.ownerDocument.activeElement)) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cases.column(`staff:${other.id}`).locator(`[data-case-id="${moving.caseId}"]`)).toBeVisible();
  expect(((await app.call('cases.get', { id: moving.caseId })) as { assigneeId: number }).assigneeId).toBe(other.id);
});

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/${name}.png` });
}

test('screenshots of the list and the board (both groupings), zh-CN and English, 1440×900 and 1024×768', async ({ app, page }) => {
  test.setTimeout(180_000);
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  const cases = new CasesListPage(page);
  for (const language of ['中文', 'English'] as const) {
    const tag = language === '中文' ? 'zh' : 'en';
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await app.open(page, '/cases?view=list');
      if (language === 'English') await new AppShell(page).setLanguage('English');
      await expect(cases.rows.nth(3)).toBeVisible();
      await shoot(page, `cases-list-${tag}-${width}`);
      await cases.rows.nth(0).getByRole('checkbox').check();
      await cases.rows.nth(1).getByRole('checkbox').check();
      await expect(page.getByTestId('bulk-bar')).toBeVisible();
      await shoot(page, `cases-list-bulk-${tag}-${width}`);
      await app.open(page, '/cases?view=board');
      await expect(page.getByTestId('board-card').first()).toBeVisible();
      await shoot(page, `cases-board-status-${tag}-${width}`);
      await app.open(page, '/cases?view=board&group=assignee');
      await expect(page.getByTestId('board-card').first()).toBeVisible();
      await shoot(page, `cases-board-assignee-${tag}-${width}`);
    }
  }
});
