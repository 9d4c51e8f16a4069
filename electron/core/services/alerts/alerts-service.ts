import type { ReviewAlert } from '../../../../shared/contract';
import type { ReviewLevel } from '../../../../shared/domain/reviews';
import { countUnreadAlerts, listAlertRows, markAlertsRead } from '../../../../db/queries/alerts';
import { markAlertNotificationsRead } from '../../../../db/queries/notifications';
import { inTransaction } from '../../../../db/transaction';
import { AppError } from '../../errors';
import { excerptOf } from '../imports/review-writer';
import type { ServiceDeps } from '../service-deps';

export class AlertsService {
  constructor(private readonly deps: ServiceDeps) {}

  list(options: { unreadOnly?: boolean; limit?: number }): { items: ReviewAlert[]; unread: number } {
    const sqlite = this.deps.sqlite;
    const rows = listAlertRows(sqlite, { unreadOnly: options.unreadOnly ?? false, limit: options.limit ?? 50 });
    const unread = countUnreadAlerts(sqlite);
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
        kind: row.kind as ReviewAlert['kind'],
      })),
    };
  }

  markRead(input: { ids?: number[]; all?: boolean }): { updated: number } {
    if (!input.all && (input.ids === undefined || input.ids.length === 0)) {
      throw new AppError('VALIDATION', 'Give the alert ids to mark as read, or all: true.', { issues: [{ path: 'ids', reason: 'required', message: 'Nothing to mark.' }] });
    }
    const which = input.all ? 'all' : (input.ids as number[]);
    const now = this.deps.clock.now();
    // Their lines in the notification centre are read with them (one badge for both).
    const changes = inTransaction(this.deps.sqlite, () => {
      markAlertNotificationsRead(this.deps.sqlite, which, now);
      return markAlertsRead(this.deps.sqlite, which, now);
    });
    if (changes > 0) {
      this.deps.events.emit('data.changed', { domain: 'alerts' });
      this.deps.events.emit('data.changed', { domain: 'notifications' });
    }
    return { updated: changes };
  }
}
