import { describe, expect, it } from 'vitest';
import type { CaseListFilter } from '../../../../shared/contract';
import type { CaseListSort } from '../../../../shared/domain/case-order';
import type { StaffRole } from '../../../../shared/domain/roles';
import { useSlaTestCores } from '../../../../tests/helpers/sla-test-core';

const minute = 60_000;
const startCore = useSlaTestCores();

async function boot() {
  const test = await startCore();
  const shopId = (await test.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })).id;
  const jdShop = (await test.call('shops.create', { platform: 'jd', name: '京东旗舰店' })).id;
  const staff = async (name: string, role: StaffRole) => (await test.call('staff.create', { name, role })).id;
  const open = async (text: string, extra: { buyerNick?: string; orderNo?: string; shopId?: number } = {}) => {
    const review = await test.call('reviews.create', { shopId, text, level: 'bad', postedAt: test.clock.now() - minute, ...extra });
    if (!review.case) throw new Error('a bad review opens a case');
    return review.case.id;
  };
  const sqlite = () => test.core.services!.deps.sqlite;
  /** Every id of a query, page by page. */
  const allPages = async (filter: CaseListFilter, sort: CaseListSort, limit: number) => {
    const ids: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await test.call('cases.list', { filter, sort, limit, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((item) => item.caseId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 100);
    return ids;
  };
  const list = async (filter: CaseListFilter) => (await test.call('cases.list', { filter, limit: 200 })).items.map((item) => item.caseId).sort((a, b) => a - b);
  return { ...test, shopId, jdShop, staff, open, sqlite, allPages, list };
}

describe('cases.list', () => {
  it('finds a case by review text, buyer nick, order number and case id', async () => {
    const t = await boot();
    const a = await t.open('快递太慢了，等了十天', { buyerNick: 'tb_小鱼儿', orderNo: 'TB20261201001' });
    const b = await t.open('质量太差，穿一次就起球', { buyerNick: 'jd_老张', orderNo: 'JD778899' });
    expect(await t.list({ search: '起球' })).toEqual([b]);
    expect(await t.list({ search: '等了十天' })).toEqual([a]);
    expect(await t.list({ search: '小鱼' })).toEqual([a]);
    expect(await t.list({ search: 'JD7788' })).toEqual([b]);
    expect(await t.list({ search: `#${b}` })).toEqual([b]);
    // Words are AND: both must be found, each anywhere.
    expect(await t.list({ search: '老张 起球' })).toEqual([b]);
    expect(await t.list({ search: '老张 十天' })).toEqual([]);
    // LIKE wildcards are plain characters.
    expect(await t.list({ search: '%' })).toEqual([]);
  });

  it('filters by status, category, assignee (person, unassigned, pool), shop, platform and SLA state', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const logistics = await t.open('快递太慢了，物流延误');
    const quality = await t.open('质量太差，收到就破损了');
    const jd = await t.open('物流延误，京东也慢', { shopId: t.jdShop });
    // 小王 (agent) got the logistics cases; quality belongs to supervisors, none active: the supervisor pool.
    expect(await t.list({ assignees: [`staff:${wang}`] })).toEqual([logistics, jd]);
    expect(await t.list({ assignees: ['pool:supervisor'] })).toEqual([quality]);
    expect(await t.list({ assignees: ['unassigned'] })).toEqual([quality]);
    expect(await t.list({ assignees: ['pool:legal'] })).toEqual([]);
    expect(await t.list({ categories: ['quality'] })).toEqual([quality]);
    expect(await t.list({ shopIds: [t.jdShop] })).toEqual([jd]);
    expect(await t.list({ platforms: ['jd'] })).toEqual([jd]);
    expect(await t.list({ platforms: ['taobao'], categories: ['logistics'] })).toEqual([logistics]);
    await t.call('cases.transition', { caseId: logistics, to: 'contacting' });
    expect(await t.list({ statuses: ['contacting'] })).toEqual([logistics]);
    expect(await t.list({ statuses: ['new'] })).toEqual([quality, jd]);
    // SLA state: the 15-minute first response is due within the hour (the contacted case's next
    // target is its resolution, days away); then it breaches; a pause stops it.
    expect(await t.list({ sla: ['due_soon'] })).toEqual([quality, jd]);
    expect(await t.list({ sla: ['breached'] })).toEqual([]);
    t.clock.advance(20 * minute);
    expect(await t.list({ sla: ['breached'] })).toEqual([quality, jd]);
    await t.call('cases.pause', { caseId: jd, reason: 'waiting_buyer' });
    expect(await t.list({ sla: ['paused'] })).toEqual([jd]);
    expect(await t.list({ sla: ['breached', 'paused'] })).toEqual([quality, jd]);
    // The logistics case's first response is met: its resolution target is days away.
    expect(await t.list({ sla: ['on_time'] })).toEqual([logistics]);
  });

  it('sorts by deadline, malicious first and then by severity on equal deadlines; the queues share the tiebreak', async () => {
    const t = await boot();
    const plain = await t.open('物流延误，快递太慢');
    const malicious = await t.open('恶意差评，同行来刷的');
    const critical = await t.open('物流延误，我要去12315投诉');
    const sqlite = t.sqlite();
    // Same deadline for all three.
    sqlite.prepare('UPDATE cases SET due_at = ?').run(t.clock.now() + 10 * minute);
    const rows = sqlite.prepare('SELECT id, category, severity FROM cases ORDER BY id').all();
    expect(rows).toEqual([
      { id: plain, category: 'logistics', severity: 'medium' },
      { id: malicious, category: 'malicious', severity: 'high' },
      { id: critical, category: 'logistics', severity: 'critical' },
    ]);
    expect((await t.call('cases.list', {})).items.map((item) => item.caseId)).toEqual([malicious, critical, plain]);
    expect((await t.call('cases.myQueue', {})).items.map((item) => item.caseId)).toEqual([malicious, critical, plain]);
    expect((await t.call('cases.listPool', {})).items.map((item) => item.caseId)).toEqual([malicious, critical, plain]);
    // An earlier deadline still wins over severity.
    sqlite.prepare('UPDATE cases SET due_at = due_at - 1 WHERE id = ?').run(plain);
    expect((await t.call('cases.list', {})).items.map((item) => item.caseId)).toEqual([plain, malicious, critical]);
    expect((await t.call('cases.list', { sort: 'severity' })).items.map((item) => item.caseId)).toEqual([malicious, critical, plain]);
    expect((await t.call('cases.list', { sort: 'newest' })).items.map((item) => item.caseId)).toEqual([critical, malicious, plain]);
  });

  it('pages without duplicates or gaps in every order, totals the whole match, refuses a foreign cursor', async () => {
    const t = await boot();
    const ids: number[] = [];
    for (let n = 0; n < 23; n++) ids.push(await t.open(n % 3 === 0 ? `恶意差评，同行刷的${n}` : `物流延误第${n}天，快递太慢`));
    const sqlite = t.sqlite();
    // Many equal deadlines (ties resolved by rank then id), a few distinct, one closed (no deadline).
    sqlite.prepare('UPDATE cases SET due_at = ? WHERE id % 4 <> 0').run(t.clock.now() + 5 * minute);
    await t.call('cases.transition', { caseId: ids[5]!, to: 'closed' });
    for (const sort of ['deadline', 'newest', 'severity'] as const) {
      for (const limit of [1, 4, 7]) {
        const paged = await t.allPages({}, sort, limit);
        expect(new Set(paged).size).toBe(paged.length);
        expect([...paged].sort((a, b) => a - b)).toEqual(ids);
        // Paging gives the very order of one big page.
        expect(paged).toEqual((await t.call('cases.list', { sort, limit: 200 })).items.map((item) => item.caseId));
      }
    }
    expect((await t.call('cases.list', { limit: 5 })).total).toBe(23);
    expect((await t.call('cases.list', { filter: { categories: ['malicious'] }, limit: 2 })).total).toBe(8);
    // The closed case sorts last by deadline.
    expect((await t.allPages({}, 'deadline', 10)).at(-1)).toBe(ids[5]);
    const first = await t.call('cases.list', { sort: 'deadline', limit: 2 });
    await expect(t.call('cases.list', { sort: 'newest', cursor: first.nextCursor! })).rejects.toThrow(/VALIDATION/);
    await expect(t.call('cases.list', { cursor: 'bm9wZQ' })).rejects.toThrow(/VALIDATION/);
  });
});

describe('bulk actions', () => {
  it('bulk-assigns a filter selection, reporting the cases the person may not take', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const li = await t.staff('小李', 'agent');
    const logistics = [await t.open('物流延误一'), await t.open('物流延误二'), await t.open('物流延误三')];
    const quality = await t.open('质量太差，破损');
    const result = await t.call('cases.bulkAssign', { selection: { filter: {} }, to: { staffId: li } });
    // 小李 already held one logistics case; the quality case belongs to supervisors.
    expect(result).toMatchObject({ matched: 4, updated: 2, unchanged: 1, failedCount: 1 });
    expect(result.failures).toEqual([expect.objectContaining({ caseId: quality, reason: 'forbidden' })]);
    expect(await t.list({ assignees: [`staff:${li}`] })).toEqual(logistics);
    expect(await t.list({ assignees: [`staff:${wang}`] })).toEqual([]);
    // Back to the agents' pool: nobody holds them, agents can claim them; the history says so.
    const pooled = await t.call('cases.bulkAssign', { selection: { caseIds: [logistics[0]!, 999_999] }, to: { pool: 'agent' } });
    expect(pooled).toMatchObject({ matched: 2, updated: 1, failedCount: 1, failures: [expect.objectContaining({ caseId: 999_999, reason: 'not_found' })] });
    expect(await t.list({ assignees: ['pool:agent'] })).toEqual([logistics[0]]);
    const history = (await t.call('sla.getCase', { caseId: logistics[0]! })).history.filter((entry) => entry.kind === 'pooled').map((entry) => entry.detail);
    expect(history).toEqual(['agent']);
    // Quality work cannot go to the agents' pool.
    const refused = await t.call('cases.bulkAssign', { selection: { caseIds: [quality] }, to: { pool: 'agent' } });
    expect(refused).toMatchObject({ updated: 0, failures: [expect.objectContaining({ reason: 'forbidden' })] });
  });

  it('bulk-transitions through the lifecycle rules and reports each case that cannot move', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const zhou = await t.staff('周主管', 'supervisor');
    const a = await t.open('物流延误一');
    const b = await t.open('物流延误二');
    const c = await t.open('物流延误三');
    await t.call('cases.transition', { caseId: b, to: 'contacting' });
    await t.call('cases.transition', { caseId: c, to: 'contacting' });
    await t.call('cases.transition', { caseId: c, to: 'resolved' });
    // resolved: a (new) and c (already resolved... unchanged) cannot; b can.
    const resolved = await t.call('cases.bulkTransition', { selection: { caseIds: [a, b, c] }, to: 'resolved' });
    expect(resolved).toMatchObject({ matched: 3, updated: 1, unchanged: 1, failedCount: 1 });
    expect(resolved.failures).toEqual([expect.objectContaining({ caseId: a, reason: 'not_allowed', from: 'new' })]);
    // Closing before an outcome needs a supervisor: an agent's bulk close is refused per case.
    await t.call('auth.signIn', { staffId: wang });
    const closed = await t.call('cases.bulkTransition', { selection: { filter: { statuses: ['new', 'resolved'] } }, to: 'closed' });
    expect(closed).toMatchObject({ matched: 3, updated: 0, failedCount: 3 });
    expect(closed.failures.map((failure) => failure.reason)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    await t.call('auth.signIn', { staffId: zhou });
    expect(await t.call('cases.bulkTransition', { selection: { filter: { statuses: ['new'] } }, to: 'closed', note: '重复工单' })).toMatchObject({ matched: 1, updated: 1 });
    const history = (await t.call('sla.getCase', { caseId: a })).history.filter((entry) => entry.kind === 'transition').map((entry) => entry.detail);
    expect(history).toEqual(['new→closed: 重复工单']);
    // Steps that need something per case are not bulk steps.
    await expect(t.call('cases.bulkTransition', { selection: { caseIds: [b] }, to: 'outcome' as 'closed' })).rejects.toThrow(/VALIDATION/);
  });
});

describe('cases.boardView', () => {
  it('groups by status with real totals, and by assignee with each role pool', async () => {
    const t = await boot();
    const wang = await t.staff('小王', 'agent');
    const away = await t.staff('钱主管', 'supervisor');
    await t.call('staff.update', { id: away, active: false });
    for (let n = 0; n < 5; n++) await t.open(`物流延误第${n}天`);
    const quality = await t.open('质量太差，破损');
    const status = await t.call('cases.boardView', { groupBy: 'status', perColumn: 2 });
    expect(status.columns.map((column) => column.key)).toEqual(['status:new', 'status:contacting', 'status:solution_offered', 'status:resolved', 'status:guidance_sent', 'status:outcome', 'status:closed']);
    expect(status.columns[0]).toMatchObject({ counts: { total: 6 } });
    expect(status.columns[0]!.items).toHaveLength(2);
    const byAssignee = await t.call('cases.boardView', { groupBy: 'assignee', perColumn: 3 });
    // The deactivated supervisor holds nothing: no column. Every role has its pool column.
    expect(byAssignee.columns.map((column) => column.key)).toEqual([`staff:${wang}`, 'pool:agent', 'pool:supervisor', 'pool:legal', 'pool:owner']);
    expect(byAssignee.columns[0]).toMatchObject({ name: '小王', counts: { total: 5 } });
    expect(byAssignee.columns[0]!.items).toHaveLength(3);
    expect(byAssignee.columns[2]).toMatchObject({ counts: { total: 1 }, items: [expect.objectContaining({ caseId: quality })] });
    // The filter applies to both groupings.
    const filtered = await t.call('cases.boardView', { groupBy: 'assignee', filter: { categories: ['quality'] } });
    expect(filtered.columns.map((column) => column.counts.total)).toEqual([0, 0, 1, 0, 0]);
    // The badges: past the 15-minute first response every case is breached, a paused one counts as paused.
    t.clock.advance(20 * minute);
    await t.call('cases.pause', { caseId: quality, reason: 'waiting_buyer' });
    const late = await t.call('cases.boardView', { groupBy: 'status' });
    expect(late.columns[0]!.counts).toEqual({ total: 6, breached: 5, paused: 1, warning: 0 });
    const pausedOnly = await t.call('cases.boardView', { groupBy: 'assignee', filter: { sla: ['paused'] } });
    // The quality case breached its first response before the pause, so it was escalated one role up: the owners' pool.
    expect(pausedOnly.columns.find((column) => column.key === 'pool:owner')!.counts).toEqual({ total: 1, breached: 0, paused: 1, warning: 0 });
  });
});
