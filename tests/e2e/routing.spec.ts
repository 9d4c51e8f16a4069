import { expect, test } from './fixtures';
import { signIn } from './pages/sign-in';
import { CasesPage } from './pages/cases-page';

interface Staff {
  id: number;
  name: string;
  role: string;
}

test('on demo data an agent sees assigned and pooled cases and claims one; after a switch the supervisor sees their own queue at once', async ({ app, page }) => {
  // Demo load, staff changes that re-route a few hundred cases, two sign-ins with PIN hashing.
  test.setTimeout(120_000);
  await app.call('demo.load');
  const { items: staff } = (await app.call('staff.list', {})) as { items: Staff[] };
  const agents = staff.filter((member) => member.role === 'agent');
  const agent = agents[0]!;
  const supervisor = staff.find((member) => member.role === 'supervisor')!;
  const { items: shops } = (await app.call('shops.list', {})) as { items: { id: number }[] };

  // Routing gave the agent demo cases of their own.
  const { items: given } = (await app.call('cases.myQueue', { staffId: agent.id, limit: 500 })) as { items: { caseId: number }[] };
  expect(given.length).toBeGreaterThan(0);
  // Every agent goes off shift: their open cases go back through routing and, with no agent left, wait in the agents' pool.
  for (const member of agents) await app.call('staff.update', { id: member.id, active: false });
  const pooled = given.slice(0, 2).map((item) => item.caseId);
  // The agent is back: two new logistics complaints go to them, the only agent on duty.
  await app.call('staff.update', { id: agent.id, active: true });
  const assigned: number[] = [];
  for (const text of ['快递太慢了，物流延误三天还没到', '物流太慢，快递一周才到']) {
    const review = (await app.call('reviews.create', { shopId: shops[0]!.id, text, level: 'bad', postedAt: Date.now() - 60_000 })) as { case: { id: number; assigneeId: number | null } };
    expect(review.case.assigneeId).toBe(agent.id);
    assigned.push(review.case.id);
  }
  await app.call('staff.setPin', { id: agent.id, pin: '2468' });
  await app.call('staff.setPin', { id: supervisor.id, pin: '1357' });
  await app.call('auth.updateSettings', { requireSignIn: true });

  const cases = new CasesPage(page);
  await app.open(page, '/cases');
  // A reload would drop this marker: the switch below must happen without one.
  await page.evaluate(() => ((globalThis as unknown as { routingMarker: number }).routingMarker = 1));
  await signIn(page, agent.id, '2468');
  await expect(page.getByTestId('operator-menu')).toHaveAccessibleName(new RegExp(agent.name));

  // The agent's own queue: the demo cases routing gave them, each showing them as the assignee.
  await expect(page.getByTestId('queue-owner')).toHaveText(`${agent.name} 的队列`);
  const mine = cases.queue.getByTestId('queue-row');
  for (const caseId of assigned) await expect(cases.queue.locator(`[data-case-id="${caseId}"]`)).toBeVisible();
  await expect(mine).toHaveCount(assigned.length);
  await expect(mine.filter({ hasNotText: agent.name })).toHaveCount(0);
  const mineBefore = await mine.count();

  // 待认领: the cases the agents held when they all went off shift.
  const pool = page.getByTestId('pool-section');
  await expect(pool).toContainText('待认领');
  await expect(pool).toContainText('普通客服');
  for (const caseId of pooled) await expect(pool.locator(`[data-testid="queue-row"][data-case-id="${caseId}"]`)).toBeVisible();

  // Claiming moves the case from the pool into the agent's queue.
  await pool.getByTestId(`claim-${pooled[0]}`).click();
  await expect(cases.queue.locator(`[data-case-id="${pooled[0]}"]`)).toContainText(agent.name);
  await expect(pool.locator(`[data-case-id="${pooled[0]}"]`)).toHaveCount(0);
  await expect(mine).toHaveCount(mineBefore + 1);
  // The case's workspace names who took it, and the way back is the queue.
  await cases.queue.locator(`[data-case-id="${pooled[0]}"]`).click();
  await expect(page.getByTestId('workspace-history-line').first()).toHaveText(`${agent.name} 接手了工单`);
  await page.getByTestId('workspace-back').click();

  // Sign out; the supervisor signs in on the same window and sees their own queue at once.
  await page.getByTestId('operator-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('queue-owner')).toHaveText('全部进行中的工单（未登录）');
  // Sign-in is required, so the dialog opens by itself once the session says nobody is signed in.
  await expect(page.getByTestId('sign-in')).toBeVisible();
  await signIn(page, supervisor.id, '1357');
  await expect(page.getByTestId('operator-menu')).toHaveAccessibleName(new RegExp(supervisor.name));
  await expect(page.getByTestId('queue-owner')).toHaveText(`${supervisor.name} 的队列`);
  await expect(mine.first()).toBeVisible();
  await expect(mine.filter({ hasNotText: supervisor.name })).toHaveCount(0);
  await expect(cases.queue.locator(`[data-case-id="${pooled[0]}"]`)).toHaveCount(0);
  // The agents' pool is not the supervisor's.
  await expect(pool.locator(`[data-case-id="${pooled[1]}"]`)).toHaveCount(0);
  await expect(pool).toContainText('主管');
  expect(await page.evaluate(() => (globalThis as unknown as { routingMarker?: number }).routingMarker)).toBe(1);
});
