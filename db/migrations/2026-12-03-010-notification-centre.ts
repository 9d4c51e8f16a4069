import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const notificationCentre: Migration = {
  async up(db: Kysely<any>) {
    // One centre for SLA notifications and monitor alerts: each alert also has a notification of
    // kind review_alert (its read state follows the alert's), grouped per rule and minute (new
    // ones per rule and import run).
    await sql`ALTER TABLE notifications ADD COLUMN alert_id INTEGER REFERENCES alerts(id) ON DELETE CASCADE`.execute(db);
    await sql`CREATE INDEX notifications_alert ON notifications (alert_id) WHERE alert_id IS NOT NULL`.execute(db);
    // The centre walks lines newest first and stops after a page (was: every row grouped and sorted per page).
    await sql`CREATE INDEX notifications_latest ON notifications (created_at, id)`.execute(db);
    // The unread count of each tab (SLA, monitor alerts) without reading the rows.
    await sql`CREATE INDEX notifications_unread_kind ON notifications (kind) WHERE read_at IS NULL`.execute(db);
    // The alerts so far, delivered already (they were shown by the bell), read where they were read.
    await sql`
      INSERT INTO notifications (kind, title, body, params_json, route, case_id, urgent, sound, created_at, delivered_at, held, read_at, group_key, alert_id)
      SELECT 'review_alert', a.rule_name, substr(r.text, 1, 80),
        json_object('alertId', a.id, 'reviewId', a.review_id, 'ruleName', a.rule_name, 'words', (SELECT group_concat(value, '、') FROM json_each(a.matched_words_json)), 'level', r.level, 'shopName', s.name, 'excerpt', substr(r.text, 1, 80)),
        '/inbox?review=' || a.review_id, NULL, 0, 0, a.at, a.at, 0, a.read_at, 'review_alert:' || coalesce(a.rule_id, a.rule_name) || ':' || (a.at / 60000), a.id
      FROM alerts a JOIN reviews r ON r.id = a.review_id JOIN shops s ON s.id = r.shop_id ORDER BY a.id`.execute(db);
  },
};
