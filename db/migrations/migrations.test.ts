import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { migrations } from './index';
import { casePageStatement } from '../queries/cases-list';

const names = Object.keys(migrations).sort();

function memoryDb() {
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return { sqlite, db, migrator };
}

/** Tables, columns and indexes as text, so any schema change shows up in review as a snapshot diff. */
function describeSchema(sqlite: Database.Database): string {
  const rows = sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  return rows.map((row) => `${row.type} ${row.name}\n${(row.sql ?? '').replace(/\s+/g, ' ').trim()}`).join('\n\n');
}

describe('migrations', () => {
  it('are named YYYY-MM-DD-NNN-words and sort in the order they were written', () => {
    for (const name of names) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-\d{3}-[a-z0-9-]+$/);
  });

  it('2026-11-24-001-foundation creates the foundation tables with their rules', async () => {
    const { sqlite, db, migrator } = memoryDb();
    const result = await migrator.migrateTo('2026-11-24-001-foundation');
    expect(result.error).toBeUndefined();
    const insertShop = sqlite.prepare('INSERT INTO shops (platform, name, created_at, updated_at) VALUES (?, ?, 1, 1)');
    insertShop.run('taobao', '木棉生活小店');
    expect(() => insertShop.run('taobao', '木棉生活小店')).toThrow(/UNIQUE/);
    expect(() => insertShop.run('amazon', 'x')).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO staff (name, role, created_at, updated_at) VALUES ('a', 'boss', 1, 1)").run()).toThrow(/CHECK/);
    // STRICT: a wrong type is refused instead of silently stored.
    expect(() => sqlite.prepare("INSERT INTO audit_log (at, actor, action, entity) VALUES ('yesterday', 'a', 'b', 'c')").run()).toThrow();
    await db.destroy();
  });

  it('2026-11-24-002-evidence adds the vault tables and keeps existing data', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-11-24-001-foundation')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO staff (name, role, created_at, updated_at) VALUES ('张敏', 'owner', 1, 1)").run();
    expect((await migrator.migrateTo('2026-11-24-002-evidence')).error).toBeUndefined();
    expect(sqlite.prepare('SELECT name FROM staff').all()).toEqual([{ name: '张敏' }]);

    const sha = 'ab'.repeat(32);
    const insert = sqlite.prepare(
      `INSERT INTO evidence (sha256, size, original_name, detected_type, mime, media, previewable, extension_mismatch, kind, added_at, added_by, updated_at)
       VALUES (?, ?, ?, 'png', 'image/png', 'image', 1, 0, ?, 1, 'local', 1)`,
    );
    const { lastInsertRowid } = insert.run(sha, 10, 'CON', 'chat_record');
    // The same bytes are one live piece of evidence …
    expect(() => insert.run(sha, 10, 'again.png', 'other')).toThrow(/UNIQUE/);
    // … but a trashed copy does not block adding them again.
    sqlite.prepare('UPDATE evidence SET trashed_at = 2 WHERE id = ?').run(lastInsertRowid);
    insert.run(sha, 10, 'again.png', 'other');
    expect(() => insert.run('AB'.repeat(32), 10, 'x', 'other')).toThrow(/CHECK/);
    expect(() => insert.run('cd'.repeat(32), 0, 'x', 'other')).toThrow(/CHECK/);
    expect(() => insert.run('cd'.repeat(32), 10, 'x', 'selfie')).toThrow(/CHECK/);

    const link = sqlite.prepare("INSERT INTO evidence_links (evidence_id, target_type, target_id, linked_at, linked_by) VALUES (?, ?, '42', 1, 'local')");
    link.run(lastInsertRowid, 'case');
    expect(() => link.run(lastInsertRowid, 'case')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => link.run(lastInsertRowid, 'invoice')).toThrow(/CHECK/);
    expect(() => link.run(9999, 'order')).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM evidence WHERE id = ?').run(lastInsertRowid);
    expect(sqlite.prepare('SELECT count(*) n FROM evidence_links').get()).toEqual({ n: 0 });
    await db.destroy();
  });

  it('2026-11-24-003-inbox adds reviews, cases, search, rules and imports, keeping existing data', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-11-24-002-evidence')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '木棉生活小店', 1, 1)").run();
    expect((await migrator.migrateTo('2026-11-24-003-inbox')).error).toBeUndefined();
    expect(sqlite.prepare('SELECT name FROM shops').all()).toEqual([{ name: '木棉生活小店' }]);
    // Default rules are rows the user can edit.
    expect(sqlite.prepare('SELECT count(*) AS n FROM monitor_rules').get()).toEqual({ n: 2 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM category_rules').get()).toEqual({ n: 6 });

    const insert = sqlite.prepare(
      `INSERT INTO reviews (shop_id, platform, dedupe_key, order_no, level, text, follow_up_text, posted_at, imported_at)
       VALUES (1, 'taobao', ?, '3456789012345678901', ?, ?, NULL, 1, 1)`,
    );
    const { lastInsertRowid } = insert.run('k1', 'bad', '物流太慢了，差评');
    expect(() => insert.run('k1', 'bad', 'again')).toThrow(/UNIQUE/);
    expect(() => insert.run('k2', 'terrible', 'x')).toThrow(/CHECK/);
    expect(() => sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (99, 'taobao', 'k3', 'bad', 'x', 1, 1)").run()).toThrow(
      /FOREIGN KEY/,
    );
    // The trigram index follows inserts and updates (the follow-up text is searchable too).
    const search = (q: string) => sqlite.prepare('SELECT rowid FROM reviews_fts WHERE reviews_fts MATCH ?').all(q);
    expect(search('"物流太慢"')).toEqual([{ rowid: lastInsertRowid }]);
    sqlite.prepare("UPDATE reviews SET follow_up_text = '客服态度很差' WHERE id = ?").run(lastInsertRowid);
    expect(search('"态度很差"')).toEqual([{ rowid: lastInsertRowid }]);

    const openCase = sqlite.prepare(
      `INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at) VALUES (?, 1, 'bad', 1, ?, 'rule', 'high', 1, 1)`,
    );
    expect(() => openCase.run(lastInsertRowid, 'weather')).toThrow(/CHECK/);
    openCase.run(lastInsertRowid, 'logistics');
    expect(() => openCase.run(lastInsertRowid, 'logistics')).toThrow(/UNIQUE/);
    // A flag's params are a JSON object ('{}' when a writer gives none).
    const flag = sqlite.prepare("INSERT INTO review_flags (review_id, type, evidence, params_json, created_at) VALUES (?, ?, '证据', ?, 1)");
    expect(() => flag.run(lastInsertRowid, 'burst', '[1]')).toThrow(/CHECK/);
    expect(() => flag.run(lastInsertRowid, 'burst', 'not json')).toThrow(/CHECK/);
    flag.run(lastInsertRowid, 'burst', '{"count":5}');
    sqlite.prepare("INSERT INTO review_flags (review_id, type, evidence, created_at) VALUES (?, 'competitor', '同行', 1)").run(lastInsertRowid);
    expect(sqlite.prepare('SELECT type, params_json AS params FROM review_flags ORDER BY type').all()).toEqual([
      { type: 'burst', params: '{"count":5}' },
      { type: 'competitor', params: '{}' },
    ]);
    expect(() => sqlite.prepare('DELETE FROM shops WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    sqlite.prepare('DELETE FROM reviews WHERE id = ?').run(lastInsertRowid);
    expect(sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(search('"物流太慢"')).toEqual([]);
    await db.destroy();
  });

  it('2026-11-24-004-sla adds policies with the playbook defaults, timers and notifications, keeping existing data', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-11-24-003-inbox')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('douyin', '山野小铺', 1, 1)").run();
    sqlite.prepare("INSERT INTO staff (name, role, created_at, updated_at) VALUES ('张敏', 'owner', 1, 1)").run();
    const review = sqlite
      .prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (1, 'douyin', 'k', 'bad', '快递太慢', 1, 1)")
      .run().lastInsertRowid;
    const caseId = sqlite
      .prepare("INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at) VALUES (?, 1, 'bad', 1, 'logistics', 'rule', 'high', 1, 1)")
      .run(review).lastInsertRowid;

    expect((await migrator.migrateTo('2026-11-24-004-sla')).error).toBeUndefined();
    expect(sqlite.prepare('SELECT name, pin_hash AS pin FROM staff').all()).toEqual([{ name: '张敏', pin: null }]);
    // The playbook's figures are the default policies: logistics 2 h by any agent, quality 4 h by
    // a supervisor, malicious 1 h by legal with an appeal.
    const policy = (category: string) =>
      sqlite
        .prepare(
          `SELECT v.first_response_minutes AS first, v.resolution_minutes AS resolution, v.owner_role AS role, v.requires_appeal AS appeal
           FROM sla_policies p JOIN sla_policy_versions v ON v.id = p.current_version_id WHERE p.category = ? AND p.shop_id IS NULL`,
        )
        .get(category);
    expect(policy('logistics')).toEqual({ first: 15, resolution: 120, role: 'agent', appeal: 0 });
    expect(policy('quality')).toEqual({ first: 15, resolution: 240, role: 'supervisor', appeal: 0 });
    expect(policy('malicious')).toEqual({ first: 15, resolution: 60, role: 'legal', appeal: 1 });

    // A point fires once per case, target and point, and never before it is due.
    const fire = sqlite.prepare("INSERT INTO sla_events (case_id, target, point, percent, due_at, fired_at, late) VALUES (?, 'resolution', 'breach', NULL, 100, ?, 0)");
    expect(() => fire.run(caseId, 99)).toThrow(/CHECK/);
    fire.run(caseId, 100);
    expect(() => fire.run(caseId, 101)).toThrow(/UNIQUE/);

    // Notifications are kind + params (a JSON object), the words are built in the reader's language.
    const note = sqlite.prepare("INSERT INTO notifications (kind, title, body, params_json, urgent, sound, created_at) VALUES ('away_summary', 't', 'b', ?, 0, 0, 1)");
    note.run('{"count":2}');
    expect(() => note.run('[2]')).toThrow(/CHECK/);
    expect(sqlite.prepare("INSERT INTO notifications (kind, title, body, urgent, sound, created_at) VALUES ('sla_warning', 't', 'b', 0, 0, 1) RETURNING params_json AS params").get()).toEqual({ params: '{}' });
    // Outbox states: not yet delivered (held = 0, the default) stays distinct from held by quiet hours.
    expect(sqlite.prepare('SELECT held, delivered_at AS deliveredAt FROM notifications WHERE id = 1').get()).toEqual({ held: 0, deliveredAt: null });
    expect(() => sqlite.prepare("INSERT INTO notifications (kind, title, body, urgent, sound, created_at, held) VALUES ('sla_warning', 't', 'b', 0, 0, 1, 2)").run()).toThrow(/CHECK/);
    await db.destroy();
  });

  it('2026-11-24-005-sla-breach-index indexes only the breach points, keeping existing events', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-11-24-004-sla')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '木棉生活小店', 1, 1)").run();
    const review = sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (1, 'taobao', 'k', 'bad', '快递太慢', 1, 1)").run().lastInsertRowid;
    const caseId = sqlite
      .prepare("INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at) VALUES (?, 1, 'bad', 1, 'logistics', 'rule', 'high', 1, 1)")
      .run(review).lastInsertRowid;
    const fire = sqlite.prepare("INSERT INTO sla_events (case_id, target, point, percent, due_at, fired_at, late) VALUES (?, 'resolution', ?, NULL, 100, 100, 0)");
    fire.run(caseId, 'warn50');
    fire.run(caseId, 'breach');

    expect((await migrator.migrateTo('2026-11-24-005-sla-breach-index')).error).toBeUndefined();
    const breaches = sqlite.prepare("SELECT case_id AS caseId, target FROM sla_events INDEXED BY sla_events_breach WHERE point = 'breach'").all();
    expect(breaches).toEqual([{ caseId, target: 'resolution' }]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM sla_events").get()).toEqual({ n: 2 });
    await db.destroy();
  });

  it('2026-12-02-010-inbox-priority indexes each level by due time, undated cases and reviews by posting time', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-02-009-monitor-defaults')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '木棉生活小店', 1, 1)").run();
    const review = sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (1, 'taobao', 'k', 'bad', '快递太慢', 1, 1)").run().lastInsertRowid;
    sqlite
      .prepare("INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at, due_at) VALUES (?, 1, 'bad', 1, 'logistics', 'rule', 'high', 1, 1, 50)")
      .run(review);
    expect((await migrator.migrateTo('2026-12-02-010-inbox-priority')).error).toBeUndefined();
    expect(sqlite.prepare("SELECT review_id AS id FROM cases INDEXED BY cases_level_due WHERE level = 'bad' AND due_at IS NOT NULL").all()).toEqual([{ id: review }]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM cases INDEXED BY cases_level_nodue WHERE level = 'bad' AND due_at IS NULL").get()).toEqual({ n: 0 });
    expect(sqlite.prepare("SELECT id FROM reviews INDEXED BY reviews_level_posted WHERE level = 'bad'").all()).toEqual([{ id: review }]);
    await db.destroy();
  });

  it('2026-12-02-006-import-owner records which process runs an import, NULL for older runs', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-11-24-005-sla-breach-index')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '木棉生活小店', 1, 1)").run();
    const insertRun = "INSERT INTO import_runs (shop_id, platform, file_name, origin, status, started_at, actor) VALUES (1, 'taobao', 'a.csv', 'cli', 'running', 1, 'cli')";
    sqlite.prepare(insertRun).run();
    expect((await migrator.migrateTo('2026-12-02-006-import-owner')).error).toBeUndefined();
    expect(sqlite.prepare('SELECT status, owner_instance AS owner FROM import_runs').get()).toEqual({ status: 'running', owner: null });
    sqlite.prepare("UPDATE import_runs SET owner_instance = 'x' WHERE id = 1").run();
    expect(sqlite.prepare('SELECT owner_instance AS owner FROM import_runs').get()).toEqual({ owner: 'x' });
    await db.destroy();
  });

  it('2026-12-02-007-case-routing puts open cases in the pool of their policy owner, leaves closed ones alone', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-02-006-import-owner')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '木棉生活小店', 1, 1)").run();
    const version = (sqlite.prepare("SELECT p.current_version_id AS id FROM sla_policies p WHERE p.category = 'malicious' AND p.shop_id IS NULL").get() as { id: number }).id;
    const open = (status: string, key: string) => {
      const review = sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (1, 'taobao', ?, 'bad', '差评', 1, 1)").run(key).lastInsertRowid;
      const caseId = sqlite
        .prepare("INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at, status) VALUES (?, 1, 'bad', 1, 'malicious', 'rule', 'high', 1, 1, ?)")
        .run(review, status).lastInsertRowid;
      sqlite.prepare('INSERT INTO case_sla (case_id, policy_version_id, started_at) VALUES (?, ?, 1)').run(caseId, version);
      return caseId;
    };
    const openCase = open('new', 'a');
    const closedCase = open('closed', 'b');
    expect((await migrator.migrateTo('2026-12-02-007-case-routing')).error).toBeUndefined();
    const role = sqlite.prepare('SELECT pool_role AS role FROM cases WHERE id = ?');
    expect(role.get(openCase)).toEqual({ role: 'legal' });
    expect(role.get(closedCase)).toEqual({ role: null });
    expect(() => sqlite.prepare("UPDATE cases SET pool_role = 'boss' WHERE id = ?").run(openCase)).toThrow(/CHECK/);
    await db.destroy();
  });

  it('2026-12-02-008-notification-groups adds a group key, NULL for older notifications', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-02-007-case-routing')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO notifications (kind, title, body, urgent, sound, created_at) VALUES ('sla_warning', 't', 'b', 0, 0, 1)").run();
    expect((await migrator.migrateTo('2026-12-02-008-notification-groups')).error).toBeUndefined();
    expect(sqlite.prepare('SELECT group_key AS groupKey FROM notifications').get()).toEqual({ groupKey: null });
    await db.destroy();
  });

  it('2026-12-03-011-cases-list lets the cases list walk its orders by index, with no sort step', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-03-011-cases-list')).error).toBeUndefined();
    // The very statement cases.list runs, first page and a later one, no filter (the slowest case: every case qualifies).
    const plan = (sort: 'deadline' | 'severity' | 'newest', after: boolean) => {
      const { sql, params } = casePageStatement({}, sort, after ? { sort, keys: [1, 1, 1] } : null, 0);
      return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 100) as { detail: string }[]).map((row) => row.detail).join(' | ');
    };
    for (const [sort, index] of [['deadline', 'cases_list_deadline'], ['severity', 'cases_list_severity'], ['newest', 'cases_list_opened']] as const) {
      for (const after of [false, true]) {
        expect(plan(sort, after)).toContain(index);
        expect(plan(sort, after)).not.toContain('TEMP B-TREE');
      }
    }
    // A board column: one status, or one person's open cases.
    for (const [filter, index] of [[{ statuses: ['new'] }, 'cases_list_status'], [{ assignees: ['staff:1'], statuses: ['new', 'contacting'] }, 'cases_list_assignee']] as const) {
      const { sql, params } = casePageStatement(filter as never, 'deadline', null, 0);
      const detail = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 30) as { detail: string }[]).map((row) => row.detail).join(' | ');
      expect(detail).toContain(index);
      expect(detail).not.toContain('TEMP B-TREE');
    }
    // A filter matching many cases walks the order's index (the service decides by the count).
    const walked = casePageStatement({ statuses: ['closed'], shopIds: [1], sla: ['breached'] }, 'newest', null, 0, true);
    const walkedPlan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${walked.sql}`).all(...walked.params, 30) as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(walkedPlan).toContain('cases_list_opened');
    expect(walkedPlan).not.toContain('TEMP B-TREE');
    await db.destroy();
  });

  it('2026-12-02-009-monitor-defaults stops alerting on every 差评 but leaves rules the user edited', async () => {
    const rules = async (edit?: (sqlite: Database.Database) => void) => {
      const { sqlite, db, migrator } = memoryDb();
      expect((await migrator.migrateTo('2026-12-02-008-notification-groups')).error).toBeUndefined();
      edit?.(sqlite);
      expect((await migrator.migrateTo('2026-12-02-009-monitor-defaults')).error).toBeUndefined();
      const rows = sqlite.prepare('SELECT name, keywords_json AS keywords, levels_json AS levels, enabled FROM monitor_rules ORDER BY id').all() as { name: string; keywords: string; levels: string; enabled: number }[];
      await db.destroy();
      return rows.map((row) => ({ ...row, keywords: JSON.parse(row.keywords) as string[], levels: JSON.parse(row.levels) as string[] }));
    };
    const fresh = await rules();
    expect(fresh.map((row) => [row.name, row.enabled])).toEqual([['敏感词', 1], ['差评', 0], ['索要好评返现', 1], ['恶意差评迹象', 1]]);
    expect(fresh[0]!.keywords).not.toContain('差评');
    expect(fresh[0]!.keywords).toContain('12315');
    expect(fresh[2]!.keywords).toEqual(expect.arrayContaining(['返现', '删评', '不退款就差评']));
    // Edited by the user: kept as they are (and the rules are not added twice when a name is taken).
    const edited = await rules((sqlite) => {
      sqlite.prepare(`UPDATE monitor_rules SET keywords_json = '["差评","退货"]' WHERE name = '敏感词'`).run();
      sqlite.prepare("UPDATE monitor_rules SET levels_json = '[\"bad\",\"neutral\"]' WHERE name = '差评'").run();
      sqlite.prepare("INSERT INTO monitor_rules (name, keywords_json, levels_json, created_at, updated_at) VALUES ('索要好评返现', '[\"x\"]', '[]', 1, 1)").run();
    });
    expect(edited.map((row) => [row.name, row.enabled, row.keywords])).toEqual([
      ['敏感词', 1, ['差评', '退货']],
      ['差评', 1, []],
      ['索要好评返现', 1, ['x']],
      ['恶意差评迹象', 1, expect.arrayContaining(['职业差评'])],
    ]);
    expect(edited[1]!.levels).toEqual(['bad', 'neutral']);
  });

  it('2026-12-03-010-notification-centre gives each monitor alert a line in the centre, read where the alert was read', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-02-009-monitor-defaults')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '木棉生活小店', 1, 1)").run();
    sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (1, 'taobao', 'k1', 'bad', '垃圾东西，骗子', 1, 1)").run();
    const alert = sqlite.prepare("INSERT INTO alerts (review_id, rule_id, rule_name, matched_words_json, at, read_at) VALUES (1, NULL, '敏感词', '[\"垃圾\",\"骗子\"]', 5, ?)");
    alert.run(null);
    alert.run(7);
    expect((await migrator.migrateTo('2026-12-03-010-notification-centre')).error).toBeUndefined();
    const rows = sqlite.prepare('SELECT kind, alert_id AS alertId, read_at AS readAt, delivered_at AS deliveredAt, route, group_key AS groupKey, params_json AS params FROM notifications ORDER BY id').all() as { params: string }[];
    expect(rows.map(({ params: _params, ...row }) => row)).toEqual([
      { kind: 'review_alert', alertId: 1, readAt: null, deliveredAt: 5, route: '/inbox?review=1', groupKey: 'review_alert:敏感词:0' },
      { kind: 'review_alert', alertId: 2, readAt: 7, deliveredAt: 5, route: '/inbox?review=1', groupKey: 'review_alert:敏感词:0' },
    ]);
    expect(JSON.parse(rows[0]!.params)).toEqual({ alertId: 1, reviewId: 1, ruleName: '敏感词', words: '垃圾、骗子', level: 'bad', shopName: '木棉生活小店', excerpt: '垃圾东西，骗子' });
    await db.destroy();
  });

  it('2026-12-03-201-classify-examples keeps corrections with their text, and they outlive the case', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-02-009-monitor-defaults')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '木棉生活小店', 1, 1)").run();
    const review = sqlite.prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (1, 'taobao', 'k', 'bad', '老是卡顿', 1, 1)").run().lastInsertRowid;
    const caseId = sqlite
      .prepare("INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at) VALUES (?, 1, 'bad', 1, 'other', 'default', 'low', 1, 1)")
      .run(review).lastInsertRowid;
    expect((await migrator.migrateTo('2026-12-03-201-classify-examples')).error).toBeUndefined();
    const insert = sqlite.prepare('INSERT INTO classify_examples (case_id, shop_id, text, from_category, to_category, actor, at) VALUES (?, 1, ?, ?, ?, ?, 2)');
    insert.run(caseId, '老是卡顿', 'other', 'quality', '张敏');
    expect(() => insert.run(caseId, 'x', 'other', 'slow', '张敏')).toThrow(/CHECK/);
    sqlite.prepare('DELETE FROM reviews WHERE id = ?').run(review);
    expect(sqlite.prepare('SELECT case_id AS caseId, text, to_category AS toCategory FROM classify_examples').all()).toEqual([{ caseId: null, text: '老是卡顿', toCategory: 'quality' }]);
    await db.destroy();
  });

  it('2026-12-03-101-classification-scorer adds the explanation, needs-review, families and the compliance-risk flag, keeping flags', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-02-009-monitor-defaults')).error).toBeUndefined();
    sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '店', 1, 1)").run();
    const { lastInsertRowid } = sqlite
      .prepare("INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (1, 'taobao', 'k', 'bad', '同行', 1, 1)")
      .run();
    sqlite.prepare("INSERT INTO review_flags (review_id, type, evidence, created_at) VALUES (?, 'competitor', '同行', 1)").run(lastInsertRowid);
    sqlite.prepare("INSERT INTO cases (review_id, shop_id, level, posted_at, category, category_source, severity, opened_at, updated_at) VALUES (?, 1, 'bad', 1, 'other', 'default', 'low', 1, 1)").run(lastInsertRowid);
    expect((await migrator.migrateTo('2026-12-03-101-classification-scorer')).error).toBeUndefined();
    expect(sqlite.prepare('SELECT type, evidence FROM review_flags').all()).toEqual([{ type: 'competitor', evidence: '同行' }]);
    sqlite.prepare("INSERT INTO review_flags (review_id, type, evidence, created_at) VALUES (?, 'compliance_risk', '好评返现', 1)").run(lastInsertRowid);
    expect(() => sqlite.prepare("INSERT INTO review_flags (review_id, type, evidence, created_at) VALUES (?, 'nonsense', 'x', 1)").run(lastInsertRowid)).toThrow(/CHECK/);
    expect(sqlite.prepare('SELECT needs_review, category_explanation_json AS explanation FROM cases').get()).toEqual({ needs_review: 0, explanation: null });
    expect(() => sqlite.prepare("UPDATE cases SET category_explanation_json = 'not json'").run()).toThrow(/CHECK/);
    expect(sqlite.prepare('SELECT product_family AS family FROM shops').get()).toEqual({ family: null });
    expect(() => sqlite.prepare("UPDATE shops SET product_family = 'cars'").run()).toThrow(/CHECK/);
    expect(sqlite.prepare('SELECT DISTINCT product_family AS family FROM category_rules').all()).toEqual([{ family: 'general' }]);
    await db.destroy();
  });

  it('2026-12-03-102-default-lexicon seeds a lexicon per family and updates only the defaults nobody edited', async () => {
    const rules = async (edit?: (sqlite: Database.Database) => void) => {
      const { sqlite, db, migrator } = memoryDb();
      expect((await migrator.migrateTo('2026-12-03-101-classification-scorer')).error).toBeUndefined();
      edit?.(sqlite);
      expect((await migrator.migrateTo('2026-12-03-102-default-lexicon')).error).toBeUndefined();
      const rows = sqlite.prepare('SELECT name, category, product_family AS family, keywords_json AS keywords FROM category_rules ORDER BY id').all() as { name: string; family: string; keywords: string }[];
      await db.destroy();
      return rows.map((row) => ({ ...row, keywords: JSON.parse(row.keywords) as string[] }));
    };
    const fresh = await rules();
    expect(new Set(fresh.map((row) => row.family))).toEqual(new Set(['general', 'electronics', 'food', 'beauty', 'clothing', 'appliances']));
    expect(fresh.find((row) => row.name === '恶意差评')!.keywords).not.toContain('别家');
    expect(fresh.find((row) => row.name === '产品质量 · 数码电子')!.keywords).toEqual(expect.arrayContaining(['死机', '开不了机', '充不进电']));
    const edited = await rules((sqlite) => sqlite.prepare(`UPDATE category_rules SET keywords_json = '["同行","别家"]' WHERE name = '恶意差评'`).run());
    expect(edited.find((row) => row.name === '恶意差评')!.keywords).toEqual(['同行', '别家']);
    expect(edited).toHaveLength(fresh.length);
  });

  it('2026-12-03-103-monitor-claims drops the mention words from the default extortion and malicious rules, unless edited', async () => {
    const { sqlite, db, migrator } = memoryDb();
    expect((await migrator.migrateTo('2026-12-03-102-default-lexicon')).error).toBeUndefined();
    sqlite.prepare("UPDATE monitor_rules SET keywords_json = '[\"同行\",\"别家\",\"我的词\"]' WHERE name = '恶意差评迹象'").run();
    expect((await migrator.migrateTo('2026-12-03-103-monitor-claims')).error).toBeUndefined();
    const keywords = (name: string) => JSON.parse((sqlite.prepare('SELECT keywords_json AS k FROM monitor_rules WHERE name = ?').get(name) as { k: string }).k) as string[];
    expect(keywords('索要好评返现')).not.toContain('返现');
    expect(keywords('索要好评返现')).toContain('删评');
    expect(keywords('恶意差评迹象')).toEqual(['同行', '别家', '我的词']);
    await db.destroy();
  });

  it('match the schema snapshot', async () => {
    const { sqlite, db, migrator } = memoryDb();
    const result = await migrator.migrateToLatest();
    expect(result.error).toBeUndefined();
    expect(describeSchema(sqlite)).toMatchSnapshot();
    await db.destroy();
  });
});

