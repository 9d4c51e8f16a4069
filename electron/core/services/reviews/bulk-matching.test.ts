import { describe, expect, it } from 'vitest';
import { bulkMatchingBatch, type ReviewFilters } from '../../../../shared/contract';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { createShop, importFile } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';

const tempDir = useTempDirs();
const header = ['订单编号', '评价内容', '评价时间', '评价结果', '买家昵称', '宝贝名称'];
const day = (n: number, hour: number) => `2026-11-${String(n).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00`;

describe('bulk changes over a filter', () => {
  it('assigns every matching case in batches up to the confirmed newest case, and counts only real changes', async () => {
    const rows = Array.from({ length: bulkMatchingBatch * 3 + 150 }, (_, i) => [`B${i}`, i % 3 === 2 ? '很好用' : `快递太慢了${i}`, day(1 + (i % 27), i % 24), i % 3 === 2 ? '好评' : '差评', `买家${i}`, '杯子']);
    const test = await startTestCore(tempDir());
    const shopId = await createShop(test.call, 'taobao', '测试店');
    await importFile(test.core, test.call, { kind: 'text', text: csvText([header, ...rows], { delimiter: '\t' }) }, 'taobao', shopId);
    const member = (await test.call('staff.create', { name: '陈敏', role: 'agent' })).id as number;
    const filters: ReviewFilters = { levels: ['bad'] };

    const counted = await test.call('reviews.countCases', { filters });
    const upTo = counted.upTo!;
    expect(counted.cases).toBe(rows.filter((row) => row[3] === '差评').length);
    expect(counted.cases).toBeGreaterThan(bulkMatchingBatch * 2);
    // A review that arrives after the count is not swept into the change the person confirmed.
    const late = await test.call('reviews.create', { shopId, text: '后来的差评，物流太慢', level: 'bad', postedAt: Date.UTC(2026, 10, 28) });

    const run = async (assigneeId: number | null) => {
      let processed = 0;
      let updated = 0;
      let calls = 0;
      let after: number | undefined;
      do {
        const batch = await test.call('reviews.assignMatching', { filters, upTo, assigneeId, ...(after === undefined ? {} : { after }) });
        processed += batch.processed;
        updated += batch.updated;
        calls += 1;
        after = batch.next ?? undefined;
      } while (after !== undefined);
      return { processed, updated, calls };
    };
    const first = await run(member);
    expect(first).toEqual({ processed: counted.cases, updated: counted.cases, calls: 3 });
    const sqlite = test.core.services!.deps.sqlite;
    const assigned = sqlite.prepare("SELECT count(*) AS n FROM cases WHERE level = 'bad' AND assignee_id = ? AND id <= ?").get(member, counted.upTo) as { n: number };
    expect(assigned.n).toBe(counted.cases);
    // Back to the pool: the late case (routed to 陈敏 when it opened) is past the confirmed range and stays.
    expect(await run(null)).toEqual({ processed: counted.cases, updated: counted.cases, calls: 3 });
    expect((sqlite.prepare('SELECT assignee_id AS a FROM cases WHERE review_id = ?').get(late.id) as { a: number | null }).a).toBe(member);
    // Again: every case is already unassigned, so nothing is counted as changed.
    expect(await run(null)).toMatchObject({ processed: counted.cases, updated: 0 });

    const moved = await test.call('reviews.recategorizeMatching', { filters: { ...filters, search: '快递太慢了11' }, upTo, category: 'quality' });
    const expected = rows.filter((row) => row[3] === '差评' && row[1]!.includes('快递太慢了11')).length;
    expect(moved).toEqual({ processed: expected, updated: expected, next: null });
    await test.core.close();
  });

  it('refuses a batch whose newest case id is not a case id', async () => {
    const test = await startTestCore(tempDir());
    const refused = await test.core.call('reviews.assignMatching', { filters: {}, upTo: 0, assigneeId: null });
    expect(refused.ok).toBe(false);
    await test.core.close();
  });
});
