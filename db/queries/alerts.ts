import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/** An alert with what the list shows of its review; the service turns it into the contract's shape. */
export interface AlertRow {
  id: number;
  reviewId: number;
  ruleId: number | null;
  ruleName: string;
  words: string;
  at: number;
  readAt: number | null;
  level: string;
  text: string;
  shopName: string;
  kind: string;
}

/**
 * Newest first. CROSS JOIN keeps this order: newest alerts first by their index, then each one's
 * review. Left to the planner, a million reviews were walked shop by shop and sorted (seconds).
 */
export function listAlertRows(sqlite: Sqlite, options: { unreadOnly: boolean; limit: number }): AlertRow[] {
  return prepareCached(
    sqlite,
    `SELECT a.id, a.review_id AS reviewId, a.rule_id AS ruleId, a.rule_name AS ruleName, a.matched_words_json AS words, a.at, a.read_at AS readAt, a.kind,
       r.level, r.text, s.name AS shopName
     FROM alerts a CROSS JOIN reviews r ON r.id = a.review_id CROSS JOIN shops s ON s.id = r.shop_id
     ${options.unreadOnly ? 'WHERE a.read_at IS NULL' : ''}
     ORDER BY a.at DESC, a.id DESC LIMIT ?`,
  ).all(options.limit) as AlertRow[];
}

export function countUnreadAlerts(sqlite: Sqlite): number {
  return (prepareCached(sqlite, 'SELECT count(*) AS unread FROM alerts INDEXED BY alerts_unread WHERE read_at IS NULL').get() as { unread: number }).unread;
}

/** Marks the given unread alerts (or every unread one) read; returns how many changed. */
export function markAlertsRead(sqlite: Sqlite, which: 'all' | readonly number[], now: number): number {
  if (which === 'all') return prepareCached(sqlite, 'UPDATE alerts SET read_at = ? WHERE read_at IS NULL').run(now).changes;
  return prepareCached(sqlite, `UPDATE alerts SET read_at = ? WHERE read_at IS NULL AND id IN (${which.map(() => '?').join(', ')})`).run(now, ...which).changes;
}
