import { describe, expect, it } from 'vitest';
import { useSlaTestCores } from '../../../../tests/helpers/sla-test-core';
import { parseEventDetail } from './case-workspace';

const minute = 60_000;
const startCore = useSlaTestCores();

async function boot() {
  const test = await startCore();
  const shopId = (await test.call('shops.create', { platform: 'taobao', name: '木棉生活小店' })).id;
  const wang = (await test.call('staff.create', { name: '王小明', role: 'agent' })).id;
  const li = (await test.call('staff.create', { name: '李娜', role: 'agent' })).id;
  const review = await test.call('reviews.create', { shopId, orderNo: 'TB20261124001', buyerNick: 'tb_买家01', product: '纯棉四件套', sku: '1.8m 灰色', text: '快递太慢了，物流延误第三天', level: 'bad', rating: 1, postedAt: test.clock.now() - minute });
  if (!review.case) throw new Error('a bad review opens a case');
  return { ...test, shopId, wang, li, caseId: review.case.id, reviewId: review.id };
}

describe('case workspace', () => {
  it('answers with the review, its order and buyer, the SLA and who holds the case in one call', async () => {
    const t = await boot();
    const page = await t.call('cases.getWorkspace', { caseId: t.caseId });
    expect(page.review).toMatchObject({ id: t.reviewId, text: '快递太慢了，物流延误第三天', orderNo: 'TB20261124001', sku: '1.8m 灰色', rating: 1, product: '纯棉四件套' });
    expect(page.buyer.nick).toBe('tb_买家01');
    expect(page.sla.caseId).toBe(t.caseId);
    expect(page.sla.targets.map((target) => target.kind)).toEqual(['first_response', 'resolution']);
    // Routing gave it to the least loaded agent; the history names routing as the system and the assignee with their role.
    expect(page.assignee).toMatchObject({ id: t.wang, name: '王小明', role: 'agent' });
    const assigned = page.history.find((entry) => entry.kind === 'assigned');
    expect(assigned).toMatchObject({ actor: { name: 'system', builtIn: 'system', role: null }, assignee: { name: '王小明', builtIn: null, role: 'agent' }, detail: null });
    expect(page.history[0]).toMatchObject({ kind: 'opened', policyVersion: 1 });
  });

  it('takes each step apart into statuses, outcome, note and the compensation offered, under the name of who did it', async () => {
    const t = await boot();
    await t.call('auth.signIn', { staffId: t.wang });
    await t.call('cases.transition', { caseId: t.caseId, to: 'contacting', note: '已电话联系买家' });
    await t.call('cases.transition', { caseId: t.caseId, to: 'solution_offered', compensationCents: 1500 });
    await t.call('cases.pause', { caseId: t.caseId, reason: 'waiting_buyer', note: '等买家回复' });
    const page = await t.call('cases.getWorkspace', { caseId: t.caseId });
    const steps = page.history.filter((entry) => entry.kind === 'transition');
    expect(steps.map((entry) => [entry.from, entry.to, entry.text, entry.compensationCents, entry.actor.name, entry.actor.role])).toEqual([
      ['new', 'contacting', '已电话联系买家', null, '王小明', 'agent'],
      ['contacting', 'solution_offered', null, 1500, '王小明', 'agent'],
    ]);
    expect(page.history.find((entry) => entry.kind === 'paused')).toMatchObject({ pauseReason: 'waiting_buyer', text: '等买家回复' });
    // The amount saved used to appear only in the audit log.
    expect(page.compensation).toEqual([{ cents: 1500, at: t.clock.now(), actor: { name: '王小明', builtIn: null, role: 'agent' } }]);
  });

  it('keeps a note in the case history under the operator, but out of the SLA history', async () => {
    const t = await boot();
    await t.call('auth.signIn', { staffId: t.li });
    await t.call('cases.addNote', { caseId: t.caseId, text: '买家说周末前要答复' });
    const page = await t.call('cases.getWorkspace', { caseId: t.caseId });
    expect(page.history.at(-1)).toMatchObject({ kind: 'note', text: '买家说周末前要答复', actor: { name: '李娜', role: 'agent' } });
    expect((await t.call('sla.getCase', { caseId: t.caseId })).history.some((entry) => (entry.kind as string) === 'note')).toBe(false);
  });

  it('refuses an empty note and a case that does not exist', async () => {
    const t = await boot();
    const empty = await t.core.call('cases.addNote', { caseId: t.caseId, text: '   ' });
    expect(empty.ok ? null : empty.error.code).toBe('VALIDATION');
    const missing = await t.core.call('cases.getWorkspace', { caseId: 9999 });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const noteMissing = await t.core.call('cases.addNote', { caseId: 9999, text: '备注' });
    expect(noteMissing.ok ? null : noteMissing.error.code).toBe('NOT_FOUND');
  });
});

describe('parseEventDetail', () => {
  it('reads the details the lifecycle, the clock and routing write, and gives up on anything else', () => {
    expect(parseEventDetail('transition', 'outcome→closed (review_removed): 买家已删评')).toEqual({ from: 'outcome', to: 'closed', outcome: 'review_removed', text: '买家已删评' });
    expect(parseEventDetail('transition', 'new→contacting')).toEqual({ from: 'new', to: 'contacting' });
    expect(parseEventDetail('transition', 'new→somewhere')).toBeNull();
    expect(parseEventDetail('escalated', 'supervisor')).toEqual({ role: 'supervisor' });
    expect(parseEventDetail('pooled', 'nobody')).toBeNull();
    expect(parseEventDetail('policy_changed', 'logistics→quality v3')).toEqual({ policyVersion: 3 });
    expect(parseEventDetail('paused', 'waiting_platform')).toEqual({ pauseReason: 'waiting_platform' });
  });
});
