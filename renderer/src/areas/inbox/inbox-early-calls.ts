import { defaultTimeZone } from '../../../../shared/domain/preferences';
import type { EarlyCallsClient } from '../../api/early-calls';
import { parseInboxQuery, toReviewFilters } from './list/inbox-query';
import { pageSize } from './list/use-review-pages';

/**
 * The calls the inbox makes on its first render, made as soon as the backend is ready: their
 * answers then arrive while the shell's first frame renders, and the rows follow it at once.
 * Each input is exactly the one the screen's hooks send, or the screen would simply ask again.
 * Resolves once the answers the rows are drawn from (the first page, shop and staff names) are
 * in: the screen's first render can then draw the rows too. reviews.count is not waited for.
 */
export function callInboxEarly(client: EarlyCallsClient, params: URLSearchParams): Promise<unknown> {
  const query = parseInboxQuery(params);
  // Preferences are not loaded yet: the first render uses the default zone too.
  const filters = toReviewFilters(query, defaultTimeZone);
  const rows = [
    client.callEarly('reviews.list', { filters, sort: query.sort, limit: pageSize }),
    client.callEarly('shops.list', {}),
    client.callEarly('staff.list', { includeInactive: true }),
  ];
  void client.callEarly('reviews.count', { filters });
  return Promise.all(rows);
}
