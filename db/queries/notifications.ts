import type { NotificationKind } from '../../shared/domain/sla';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * The notification outbox. Synchronous: a notification is recorded inside the transaction that
 * decides it (the SLA tick), and delivery runs right after the commit.
 * States: delivered_at set = delivered; delivered_at NULL and held = 1 = held by quiet hours;
 * delivered_at NULL and held = 0 = committed, not yet delivered.
 */

/** A stored notification, as read (flags are 0/1). */
export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  paramsJson: string;
  route: string | null;
  caseId: number | null;
  urgent: number;
  sound: number;
  createdAt: number;
  deliveredAt: number | null;
  held: number;
  readAt: number | null;
  /** Points fired together with the same kind, target and percent (or alerts of one rule and batch) share one. */
  groupKey: string | null;
  /** The monitor alert a review_alert notification stands for (its read state follows). */
  alertId: number | null;
}

/** What a new row is given: the same fields, flags as booleans, never delivered or read yet. */
export type NewNotificationRow = Omit<NotificationRow, 'id' | 'urgent' | 'sound' | 'held' | 'deliveredAt' | 'readAt' | 'alertId'> & {
  urgent: boolean;
  sound: boolean;
  held: boolean;
  alertId?: number | null;
};

/** One line of the centre: a group of notifications, or one on its own (its key is `n<id>`). */
export interface NotificationGroupRow {
  key: string;
  count: number;
  unread: number;
  urgent: number;
  headId: number;
  latestAt: number;
}

const columns =
  'id, kind, title, body, params_json AS paramsJson, route, case_id AS caseId, urgent, sound, created_at AS createdAt, delivered_at AS deliveredAt, held, read_at AS readAt, group_key AS groupKey, alert_id AS alertId';

/** A group's key, or the notification's own for one outside any group. */
const groupOf = "coalesce(group_key, 'n' || id)";

const pending = 'delivered_at IS NULL AND held = 0';

export function insertNotification(sqlite: Sqlite, row: NewNotificationRow): NotificationRow {
  return prepareCached(
    sqlite,
    `INSERT INTO notifications (kind, title, body, params_json, route, case_id, urgent, sound, created_at, delivered_at, held, group_key, alert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?) RETURNING ${columns}`,
  ).get(row.kind, row.title, row.body, row.paramsJson, row.route, row.caseId, row.urgent ? 1 : 0, row.sound ? 1 : 0, row.createdAt, row.held ? 1 : 0, row.groupKey, row.alertId ?? null) as NotificationRow;
}

/** Adds to a summary's count unless it was read meanwhile; false when nothing was updated. */
export function addToUnreadCount(sqlite: Sqlite, id: number, more: number): boolean {
  const result = prepareCached(
    sqlite,
    "UPDATE notifications SET params_json = json_set(params_json, '$.count', json_extract(params_json, '$.count') + ?) WHERE id = ? AND read_at IS NULL",
  ).run(more, id);
  return result.changes > 0;
}

export function anyHeld(sqlite: Sqlite): boolean {
  return prepareCached(sqlite, 'SELECT 1 FROM notifications WHERE delivered_at IS NULL AND held = 1 LIMIT 1').get() !== undefined;
}

export function findHeld(sqlite: Sqlite, id: number): NotificationRow | undefined {
  return prepareCached(sqlite, `SELECT ${columns} FROM notifications WHERE delivered_at IS NULL AND held = 1 AND id = ?`).get(id) as NotificationRow | undefined;
}

/** Committed, undelivered, not held: all of them, or only the urgent ones (during quiet hours). */
export function countPending(sqlite: Sqlite, urgentOnly: boolean): number {
  return (prepareCached(sqlite, `SELECT count(*) AS n FROM notifications WHERE ${pending}${urgentOnly ? ' AND urgent = 1' : ''}`).get() as { n: number }).n;
}

export function listPending(sqlite: Sqlite, limit: number): NotificationRow[] {
  return prepareCached(sqlite, `SELECT ${columns} FROM notifications WHERE ${pending} ORDER BY id LIMIT ?`).all(limit) as NotificationRow[];
}

/**
 * The pending ones as groups, the first a digest names first: the away summary (its arrival opens
 * the away dialog), then breaches, then the urgent ones, then the biggest.
 */
export function listPendingGroups(sqlite: Sqlite): (NotificationGroupRow & { head: NotificationRow })[] {
  const groups = prepareCached(
    sqlite,
    `SELECT ${groupOf} AS key, count(*) AS count, sum(read_at IS NULL) AS unread, max(urgent) AS urgent, min(id) AS headId, max(created_at) AS latestAt,
       max(kind = 'away_summary') AS away, max(kind = 'sla_breach') AS breach
     FROM notifications WHERE ${pending} GROUP BY key ORDER BY away DESC, breach DESC, urgent DESC, count DESC, headId`,
  ).all() as (NotificationGroupRow & { away: number; breach: number })[];
  const head = prepareCached(sqlite, `SELECT ${columns} FROM notifications WHERE id = ?`);
  return groups.map(({ away: _away, breach: _breach, ...group }) => ({ ...group, head: head.get(group.headId) as NotificationRow }));
}

export function summarizePending(sqlite: Sqlite) {
  return prepareCached(sqlite, `SELECT count(*) AS n, max(urgent) AS urgent, max(sound) AS sound FROM notifications WHERE ${pending}`).get() as { n: number; urgent: number; sound: number };
}

export function markDelivered(sqlite: Sqlite, id: number, at: number): void {
  prepareCached(sqlite, 'UPDATE notifications SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL').run(at, id);
}

export function markAllPendingDelivered(sqlite: Sqlite, at: number): void {
  prepareCached(sqlite, `UPDATE notifications SET delivered_at = ? WHERE ${pending}`).run(at);
}

export function hold(sqlite: Sqlite, id: number): void {
  prepareCached(sqlite, 'UPDATE notifications SET held = 1 WHERE id = ? AND delivered_at IS NULL').run(id);
}

export function holdPendingNonUrgent(sqlite: Sqlite): void {
  prepareCached(sqlite, `UPDATE notifications SET held = 1 WHERE ${pending} AND urgent = 0`).run();
}

export function listHeld(sqlite: Sqlite, limit: number): NotificationRow[] {
  return prepareCached(sqlite, `SELECT ${columns} FROM notifications WHERE delivered_at IS NULL AND held = 1 ORDER BY id LIMIT ?`).all(limit) as NotificationRow[];
}

/** Marks released held ones delivered (they are shown first). */
export function markReleased(sqlite: Sqlite, id: number, at: number): void {
  prepareCached(sqlite, 'UPDATE notifications SET delivered_at = ? WHERE id = ?').run(at, id);
}

/** The key a notification outside any group is listed under (`n<id>`), or null for a real group key. */
export function ownKeyId(groupKey: string): number | null {
  return /^n\d+$/.test(groupKey) ? Number(groupKey.slice(1)) : null;
}

/** Newest first, from before `beforeId` (paging); only one group's when `groupKey` is given. */
export function listNotifications(sqlite: Sqlite, filter: { unreadOnly: boolean; groupKey: string | null; beforeId: number | null }, limit: number): NotificationRow[] {
  const before = filter.beforeId ?? Number.MAX_SAFE_INTEGER;
  const unread = filter.unreadOnly ? ' AND read_at IS NULL' : '';
  const select = `SELECT ${columns} FROM notifications WHERE id < ?${unread}`;
  if (filter.groupKey === null) return prepareCached(sqlite, `${select} ORDER BY id DESC LIMIT ?`).all(before, limit) as NotificationRow[];
  const own = ownKeyId(filter.groupKey);
  if (own !== null) return prepareCached(sqlite, `${select} AND id = ? ORDER BY id DESC LIMIT ?`).all(before, own, limit) as NotificationRow[];
  return prepareCached(sqlite, `${select} AND group_key = ? ORDER BY id DESC LIMIT ?`).all(before, filter.groupKey, limit) as NotificationRow[];
}

/** `AND kind IN (…)` for a tab's kinds (the kinds are constants of the code, never user input). */
function kindFilter(kinds: readonly NotificationKind[] | null, alias = ''): string {
  return kinds === null ? '' : ` AND ${alias}kind IN (${kinds.map((kind) => `'${kind}'`).join(', ')})`;
}

/** Where a page of centre lines starts: after the line whose head is this (created_at, id). */
export interface LinesCursor {
  at: number;
  id: number;
}

/**
 * The centre's lines (of a tab's kinds, or all), newest first, from `before` on. A line is its
 * group's newest row (no later row shares its key); walking the created_at index newest first
 * from the cursor stops once the page is full, so any page costs what it shows, not the history
 * before it (the GROUP BY over every row took ~60–120 ms per page at 100k notifications, and an
 * offset would walk every line above it). Lines of one instant come newest id first: the tick
 * records breaches after warnings, so they lead.
 */
export function listGroups(sqlite: Sqlite, kinds: readonly NotificationKind[] | null, before: LinesCursor | null, limit: number): NotificationGroupRow[] {
  const cursor = before ?? { at: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
  const heads = prepareCached(
    sqlite,
    `SELECT n.id AS headId, coalesce(n.group_key, 'n' || n.id) AS key, n.created_at AS latestAt, n.urgent, n.read_at AS readAt, n.group_key AS groupKey
     FROM notifications n INDEXED BY notifications_latest
     WHERE (n.created_at, n.id) < (?, ?)
       AND (n.group_key IS NULL OR NOT EXISTS (SELECT 1 FROM notifications m WHERE m.group_key = n.group_key AND m.id > n.id))${kindFilter(kinds, 'n.')}
     ORDER BY n.created_at DESC, n.id DESC LIMIT ?`,
  ).all(cursor.at, cursor.id, limit) as { headId: number; key: string; latestAt: number; urgent: number; readAt: number | null; groupKey: string | null }[];
  const stats = prepareCached(sqlite, 'SELECT count(*) AS count, sum(read_at IS NULL) AS unread, max(urgent) AS urgent FROM notifications WHERE group_key = ?');
  return heads.map((head) => {
    if (head.groupKey === null) return { key: head.key, count: 1, unread: head.readAt === null ? 1 : 0, urgent: head.urgent, headId: head.headId, latestAt: head.latestAt };
    const group = stats.get(head.groupKey) as { count: number; unread: number; urgent: number };
    return { key: head.key, headId: head.headId, latestAt: head.latestAt, ...group };
  });
}

/** Unread notifications per kind (the badge is their sum, a tab's count the sum of its kinds). */
export function countUnreadByKind(sqlite: Sqlite): Map<NotificationKind, number> {
  const rows = prepareCached(sqlite, 'SELECT kind, count(*) AS n FROM notifications INDEXED BY notifications_unread_kind WHERE read_at IS NULL GROUP BY kind').all() as { kind: NotificationKind; n: number }[];
  return new Map(rows.map((row) => [row.kind, row.n]));
}

export function findNotification(sqlite: Sqlite, id: number): NotificationRow | undefined {
  return prepareCached(sqlite, `SELECT ${columns} FROM notifications WHERE id = ?`).get(id) as NotificationRow | undefined;
}

/**
 * The read-marking statements below also mark the monitor alerts of review_alert rows read (the
 * alerts table keeps its own state for alerts.list); run them inside one transaction.
 */
export function markGroupRead(sqlite: Sqlite, groupKey: string, at: number): number {
  const own = ownKeyId(groupKey);
  if (own !== null) return markRead(sqlite, own, at);
  prepareCached(sqlite, 'UPDATE alerts SET read_at = ? WHERE read_at IS NULL AND id IN (SELECT alert_id FROM notifications WHERE group_key = ? AND alert_id IS NOT NULL AND read_at IS NULL)').run(at, groupKey);
  return prepareCached(sqlite, 'UPDATE notifications SET read_at = ? WHERE group_key = ? AND read_at IS NULL').run(at, groupKey).changes;
}

export function countUnread(sqlite: Sqlite): number {
  return (prepareCached(sqlite, 'SELECT count(*) AS n FROM notifications WHERE read_at IS NULL').get() as { n: number }).n;
}

/** Every unread one of a tab's kinds (or of all kinds). */
export function markAllRead(sqlite: Sqlite, kinds: readonly NotificationKind[] | null, at: number): number {
  if (kinds === null || kinds.includes('review_alert')) {
    prepareCached(sqlite, `UPDATE alerts SET read_at = ? WHERE read_at IS NULL AND id IN (SELECT alert_id FROM notifications WHERE alert_id IS NOT NULL AND read_at IS NULL)`).run(at);
  }
  return prepareCached(sqlite, `UPDATE notifications SET read_at = ? WHERE read_at IS NULL${kindFilter(kinds)}`).run(at).changes;
}

export function markRead(sqlite: Sqlite, id: number, at: number): number {
  prepareCached(sqlite, 'UPDATE alerts SET read_at = ? WHERE read_at IS NULL AND id = (SELECT alert_id FROM notifications WHERE id = ? AND read_at IS NULL)').run(at, id);
  return prepareCached(sqlite, 'UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL').run(at, id).changes;
}

/** The other way: monitor alerts marked read through alerts.markRead mark their notifications read. */
export function markAlertNotificationsRead(sqlite: Sqlite, which: 'all' | readonly number[], at: number): number {
  if (which === 'all') return prepareCached(sqlite, 'UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND alert_id IS NOT NULL').run(at).changes;
  const mark = prepareCached(sqlite, 'UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND alert_id = ?');
  let changed = 0;
  for (const id of which) changed += mark.run(at, id).changes;
  return changed;
}
