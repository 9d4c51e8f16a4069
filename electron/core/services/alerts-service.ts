import type { ReviewAlert } from '../../../shared/contract/inbox-schemas';
import type { ReviewLevel } from '../../../shared/domain/reviews';
import { AppError } from '../errors';
import { excerptOf } from './import/review-writer';
import type { ServiceDeps } from './service-deps';

export class AlertsService {
  constructor(private readonly deps: ServiceDeps) {}

  list(options: { unreadOnly?: boolean; limit?: number }): { items: ReviewAlert[]; unread: number } {
    const sqlite = this.deps.sqlite;
    // CROSS JOIN keeps this order: newest alerts first by their index, then each one's review.
    // Left to the planner, a million reviews were walked shop by shop and sorted (seconds).
    const rows = sqlite
      .prepare(
        `SELECT a.id, a.review_id AS reviewId, a.rule_id AS ruleId, a.rule_name AS ruleName, a.matched_words_json AS words, a.at, a.read_at AS readAt,
           r.level, r.text, s.name AS shopName
         FROM alerts a CROSS JOIN reviews r ON r.id = a.review_id CROSS JOIN shops s ON s.id = r.shop_id
         ${options.unreadOnly ? 'WHERE a.read_at IS NULL' : ''}
         ORDER BY a.at DESC, a.id DESC LIMIT ?`,
      )
      .all(options.limit ?? 50) as { id: number; reviewId: number; ruleId: number | null; ruleName: string; words: string; at: number; readAt: number | null; level: string; text: string; shopName: string }[];
    const { unread } = sqlite.prepare('SELECT count(*) AS unread FROM alerts INDEXED BY alerts_unread WHERE read_at IS NULL').get() as { unread: number };
    return {
      unread,
      items: rows.map((row) => ({
        id: row.id,
        reviewId: row.reviewId,
        ruleId: row.ruleId,
        ruleName: row.ruleName,
        matchedWords: JSON.parse(row.words) as string[],
        level: row.level as ReviewLevel,
        shopName: row.shopName,
        excerpt: excerptOf(row.text),
        at: row.at,
        read: row.readAt !== null,
      })),
    };
  }

  markRead(input: { ids?: number[]; all?: boolean }): { updated: number } {
    if (!input.all && (input.ids === undefined || input.ids.length === 0)) {
      throw new AppError('VALIDATION', 'Give the alert ids to mark as read, or all: true.', { issues: [{ path: 'ids', reason: 'required', message: 'Nothing to mark.' }] });
    }
    const now = this.deps.clock.now();
    const sqlite = this.deps.sqlite;
    const { changes } = input.all
      ? sqlite.prepare('UPDATE alerts SET read_at = ? WHERE read_at IS NULL').run(now)
      : sqlite.prepare(`UPDATE alerts SET read_at = ? WHERE read_at IS NULL AND id IN (${(input.ids as number[]).map(() => '?').join(', ')})`).run(now, ...(input.ids as number[]));
    if (changes > 0) this.deps.events.emit('data.changed', { domain: 'alerts' });
    return { updated: changes };
  }
}
