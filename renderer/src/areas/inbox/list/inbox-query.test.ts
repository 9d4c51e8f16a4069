import { describe, expect, it } from 'vitest';
import { clearedFilters, parseInboxQuery, patchInboxParams, toReviewFilters } from './inbox-query';

describe('inbox query', () => {
  it('round-trips filters through the URL and ignores values it does not know', () => {
    const params = patchInboxParams(new URLSearchParams('level=bad,awful&shop=x'), {
      categories: ['logistics', 'quality'],
      assignee: 'none',
      search: '快递',
      sort: 'sla_due',
    });
    const query = parseInboxQuery(params);
    expect(query).toMatchObject({
      levels: ['bad'],
      shopId: null,
      categories: ['logistics', 'quality'],
      assignee: 'none',
      search: '快递',
      sort: 'sla_due',
    });
  });

  it('turns the date range into whole days in the shop time zone', () => {
    const query = parseInboxQuery(new URLSearchParams('from=2026-11-01&to=2026-11-01&assignee=3'));
    const filters = toReviewFilters(query, 'Asia/Shanghai');
    expect(filters).toEqual({ assigneeId: 3, from: Date.UTC(2026, 9, 31, 16), to: Date.UTC(2026, 10, 1, 16) - 1 });
  });

  it('sorts by priority unless the URL says otherwise, and clearing drops every filter but keeps the sort', () => {
    expect(parseInboxQuery(new URLSearchParams('')).sort).toBe('priority');
    expect(parseInboxQuery(new URLSearchParams('sort=newest')).sort).toBe('newest');
    expect(patchInboxParams(new URLSearchParams('sort=newest'), { sort: 'priority' }).toString()).toBe('');
    const busy = new URLSearchParams('q=快递&level=bad&category=logistics&status=new&assignee=none&flag=burst&platform=jd&shop=2&from=2026-11-01&to=2026-11-02&sort=sla_due&review=7');
    expect(patchInboxParams(busy, clearedFilters).toString()).toBe('sort=sla_due&review=7');
  });
});
