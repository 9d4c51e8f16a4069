import { describe, expect, it } from 'vitest';
import { caseCategories } from '../../../../shared/domain/reviews';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { planDemoReviews } from './demo-reviews';

const tempDir = useTempDirs();

describe('demo reviews', () => {
  it('are the same for a seed and differ between shops', () => {
    const now = Date.UTC(2026, 11, 2, 3, 0);
    expect(planDemoReviews(1, { platform: 'jd', index: 0 }, now)).toBe(planDemoReviews(1, { platform: 'jd', index: 0 }, now));
    expect(planDemoReviews(1, { platform: 'jd', index: 0 }, now)).not.toBe(planDemoReviews(1, { platform: 'jd', index: 1 }, now));
    expect(planDemoReviews(1, { platform: 'jd', index: 0 }, now)).not.toBe(planDemoReviews(2, { platform: 'jd', index: 0 }, now));
  });

  it('load through the import pipeline: ~30% cases in every category, flags and a burst, nothing twice', async () => {
    const { core, call } = await startTestCore(tempDir());
    await call('demo.load');
    const sqlite = core.services!.deps.sqlite;
    const { reviews } = sqlite.prepare('SELECT count(*) AS reviews FROM reviews').get() as { reviews: number };
    const categories = (sqlite.prepare('SELECT DISTINCT category FROM cases ORDER BY category').all() as { category: string }[]).map((row) => row.category);
    const { cases } = sqlite.prepare('SELECT count(*) AS cases FROM cases').get() as { cases: number };
    const flags = (sqlite.prepare('SELECT DISTINCT type FROM review_flags ORDER BY type').all() as { type: string }[]).map((row) => row.type);
    expect(reviews).toBe(492);
    expect(cases / reviews).toBeGreaterThan(0.25);
    expect(cases / reviews).toBeLessThan(0.4);
    expect(categories).toEqual([...caseCategories].sort());
    expect(flags).toEqual(['burst', 'competitor', 'extortion']);
    expect((await call('alerts.list', {})).unread).toBeGreaterThan(0);
    expect((await call('demo.load')).reviewsAdded).toBe(0);
    await core.close();
  });
});
