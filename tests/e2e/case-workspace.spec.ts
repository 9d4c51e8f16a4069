import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { signIn } from './pages/sign-in';
import { AppShell } from './pages/app-shell';
import { CaseWorkspacePage } from './pages/case-workspace-page';
import { CasesPage } from './pages/cases-page';
import { gradientPng } from './pages/evidence-files';

interface Staff {
  id: number;
  name: string;
  role: string;
}

interface Workspace {
  caseId: number;
  review: { text: string; followUpText: string | null; case: { flags: unknown[] } | null };
}

test('an agent takes a pooled case and works it from its workspace — reads the review, pastes a screenshot, records contact, offers a solution — without leaving the page; the supervisor then sees their own queue at once', async ({ app, page }) => {
  test.setTimeout(150_000);
  await app.call('demo.load');
  const { items: staff } = (await app.call('staff.list', {})) as { items: Staff[] };
  const agents = staff.filter((member) => member.role === 'agent');
  const supervisor = staff.find((member) => member.role === 'supervisor')!;
  const { items: shops } = (await app.call('shops.list', {})) as { items: { id: number }[] };
  // The demo's workloads follow the clock: take the agent who holds a case nobody has contacted yet.
  const queues = await Promise.all(
    agents.map(async (member) => ({ member, items: ((await app.call('cases.myQueue', { staffId: member.id, limit: 500 })) as { items: { caseId: number; status: string }[] }).items })),
  );
  const chosen = queues.find((queue) => queue.items.some((item) => item.status === 'new'));
  expect(chosen, 'the demo gives some agent a new case').toBeDefined();
  const agent = chosen!.member;
  const given = chosen!.items;
  // Every agent off shift sends their open cases to the agents' pool; the agent comes back and gets a new one.
  for (const member of agents) await app.call('staff.update', { id: member.id, active: false });
  // A case nobody has contacted yet, so the whole first hour of work happens here.
  const pooledId = given.find((item) => item.status === 'new')!.caseId;
  await app.call('staff.update', { id: agent.id, active: true });
  const fresh = (await app.call('reviews.create', { shopId: shops[0]!.id, text: '快递太慢了，物流延误三天还没到', level: 'bad', postedAt: Date.now() - 60_000 })) as { case: { id: number; assigneeId: number } };
  expect(fresh.case.assigneeId).toBe(agent.id);
  await app.call('staff.setPin', { id: agent.id, pin: '2468' });
  await app.call('staff.setPin', { id: supervisor.id, pin: '1357' });
  await app.call('auth.updateSettings', { requireSignIn: true });
  const { compensationApprovalCents } = (await app.call('auth.getSettings', {})) as { compensationApprovalCents: number };
  const amount = Math.max(1, Math.min(20, Math.floor(compensationApprovalCents / 100)));
  const pooledReview = ((await app.call('cases.getWorkspace', { caseId: pooledId })) as Workspace).review;

  const cases = new CasesPage(page);
  const workspace = new CaseWorkspacePage(page);
  await app.open(page, '/cases');
  // A reload would drop this marker: everything below happens in one page.
  await page.evaluate(() => ((globalThis as unknown as { workspaceMarker: number }).workspaceMarker = 1));
  await signIn(page, agent.id, '2468');
  await expect(page.getByTestId('queue-owner')).toHaveText(`${agent.name} 的队列`);
  await expect(cases.row(fresh.case.id)).toBeVisible();
  const pool = page.getByTestId('pool-section');
  await expect(pool.locator(`[data-testid="queue-row"][data-case-id="${pooledId}"]`)).toBeVisible();

  // Open the pooled case: its workspace, not a drawer.
  await pool.locator(`[data-testid="queue-row"][data-case-id="${pooledId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${pooledId}$`));
  await expect(workspace.root).toHaveAttribute('data-case-id', String(pooledId));
  await expect(workspace.reviewText).toHaveText(pooledReview.text);
  await expect(page.getByTestId('workspace-holder')).toContainText('待认领');

  // 我来处理, then it is gone: the agent holds the case.
  await workspace.action('take').click();
  await expect(page.getByTestId('workspace-holder')).toHaveText('由你负责');
  await expect(workspace.action('take')).toHaveCount(0);
  await expect(workspace.history.getByTestId('workspace-history-line').first()).toHaveText(`${agent.name} 接手了工单`);

  // A screenshot pasted anywhere on the page lands in the case's evidence.
  await workspace.pastePng(gradientPng());
  await expect(workspace.evidence.getByTestId('evidence-add-result').first()).toHaveAttribute('data-status', 'added');
  await expect(workspace.evidence.getByTestId('evidence-gallery').getByTestId('evidence-thumb-image')).toHaveCount(1);

  // Record contact, by its button.
  await workspace.action('contact').click();
  await expect(workspace.history.getByTestId('workspace-history-line').first()).toHaveText(`${agent.name} 开始联系买家`);
  await expect(page.getByTestId('workspace-countdown-first_response')).toBeVisible();

  // Typing in the note field never fires a shortcut: "c" and "o" stay text.
  await page.getByTestId('workspace-note-input').click();
  await page.keyboard.type('已电话联系 call back 周五');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByTestId('workspace-note-save').click();
  await expect(workspace.history.getByTestId('workspace-history-line').first()).toHaveText(`${agent.name} 备注`);
  await expect(workspace.history).toContainText('已电话联系 call back 周五');

  // Offer a solution with an amount, by its shortcut (O) once focus has left the field.
  await page.getByTestId('workspace-review-text').click();
  await page.keyboard.press('o');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('offer-amount').fill(String(amount));
  await dialog.getByRole('button', { name: '提供方案' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(workspace.history.getByTestId('workspace-history-line').first()).toHaveText(`${agent.name} 提供了方案：补偿 ¥${amount}`);
  await expect(page.getByTestId('workspace-compensation-current')).toHaveText(`当前方案：补偿 ¥${amount}`);
  // Routing's own step names the system and the role, not "system".
  await expect(workspace.history).not.toContainText('→');

  // Never left the page.
  await expect(page).toHaveURL(new RegExp(`#/cases/${pooledId}$`));
  expect(await page.evaluate(() => (globalThis as unknown as { workspaceMarker?: number }).workspaceMarker)).toBe(1);

  // Sign out; the supervisor signs in on the same window and, back on the list, sees their own queue at once.
  await page.getByTestId('operator-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await signIn(page, supervisor.id, '1357');
  await expect(page.getByTestId('operator-menu')).toHaveAccessibleName(new RegExp(supervisor.name));
  await page.getByTestId('workspace-back').click();
  await expect(page.getByTestId('queue-owner')).toHaveText(`${supervisor.name} 的队列`);
  await expect(cases.queue.getByTestId('queue-row').first()).toBeVisible();
  await expect(cases.queue.getByTestId('queue-row').filter({ hasNotText: supervisor.name })).toHaveCount(0);
  await expect(cases.row(pooledId)).toHaveCount(0);
  expect(await page.evaluate(() => (globalThis as unknown as { workspaceMarker?: number }).workspaceMarker)).toBe(1);
});

test('old links /cases?case=<id> and the inbox open the workspace', async ({ app, page }) => {
  const shop = (await app.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })) as { id: number };
  const review = (await app.call('reviews.create', { shopId: shop.id, text: '质量太差，收到就破损了', level: 'bad', rating: 1, postedAt: Date.now() - 60_000 })) as { id: number; case: { id: number } };
  await app.open(page, `/cases?case=${review.case.id}`);
  await expect(page).toHaveURL(new RegExp(`#/cases/${review.case.id}$`));
  await expect(page.getByTestId('workspace-review-text')).toHaveText('质量太差，收到就破损了');
  await app.open(page, `/inbox?review=${review.id}`);
  await page.getByTestId('detail-open-case').click();
  await expect(page).toHaveURL(new RegExp(`#/cases/${review.case.id}$`));
  await expect(page.getByTestId('workspace-back')).toHaveText('返回收件箱');
  await page.getByTestId('workspace-back').click();
  await expect(page).toHaveURL(/#\/inbox\?review=/);
  // A case that does not exist says so, with the way back.
  await app.open(page, '/cases/99999');
  await expect(page.getByTestId('case-workspace')).toBeVisible();
  await expect(page.getByTestId('workspace-back')).toBeVisible();
});

// Screenshots for people to look at (screenshots/ is not committed).
test('case workspace screenshots at 1440×900 and 1024×768 in zh-CN and English', async ({ app, page }) => {
  test.setTimeout(150_000);
  mkdirSync('screenshots', { recursive: true });
  await app.call('demo.load');
  // The richest case of the demo: a follow-up and flags, so every panel has something in it.
  const { items } = (await app.call('cases.myQueue', { limit: 200 })) as { items: { caseId: number }[] };
  let chosen = items[0]!.caseId;
  let best = -1;
  for (const item of items.slice(0, 80)) {
    const found = (await app.call('cases.getWorkspace', { caseId: item.caseId })) as Workspace;
    const score = (found.review.followUpText ? 2 : 0) + (found.review.case?.flags.length ? 1 : 0);
    if (score > best) [best, chosen] = [score, item.caseId];
    if (score === 3) break;
  }
  const workspace = new CaseWorkspacePage(page);
  for (const language of ['zh', 'en'] as const) {
    for (const [width, height] of [
      [1440, 900],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await app.open(page, `/cases/${chosen}`);
      if (language === 'en') await new AppShell(page).setLanguage('English');
      await expect(workspace.reviewText).toBeVisible();
      await expect(page.getByTestId('workspace-sla')).toBeVisible();
      await page.screenshot({ path: `screenshots/case-workspace-${language}-${width}.png` });
      await page.screenshot({ path: `screenshots/case-workspace-${language}-${width}-full.png`, fullPage: true });
    }
  }
});
