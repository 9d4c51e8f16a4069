import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

const platforms = sql.raw(`('taobao','tmall','douyin','jd','pinduoduo','kuaishou')`);
const levels = sql.raw(`('good','neutral','bad')`);
const categories = sql.raw(`('logistics','quality','mismatch','wrong_item','service','malicious','other')`);
const statuses = sql.raw(`('new','contacting','solution_offered','resolved','guidance_sent','outcome','closed')`);
const jsonArray = (column: string) => sql.raw(`CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`);

/** Starting rules; afterwards they are the user's rows to edit or delete. */
const defaultMonitorRules: { name: string; keywords: string[]; levels: string[]; maxRating: number | null }[] = [
  { name: '敏感词', keywords: ['差评', '投诉', '假货', '返现', '删评', '骗子', '12315', '曝光', '举报', '工商'], levels: [], maxRating: null },
  { name: '差评', keywords: [], levels: ['bad'], maxRating: null },
];

const defaultCategoryRules: { name: string; category: string; priority: number; keywords: string[] }[] = [
  { name: '恶意差评', category: 'malicious', priority: 10, keywords: ['返现删评', '给钱就改', '不退款就差评', '职业差评', '同行', '别家', '不赔就差评', '给我钱', '赔钱就改'] },
  { name: '漏发/错发', category: 'wrong_item', priority: 20, keywords: ['漏发', '少发', '错发', '发错', '少了一', '缺件', '少件', '没收到赠品', '不是我买的', '少给'] },
  { name: '尺码/描述不符', category: 'mismatch', priority: 30, keywords: ['尺码', '偏大', '偏小', '色差', '描述不符', '与描述', '和图片不', '跟图片不', '货不对板', '不符', '假货'] },
  { name: '产品质量', category: 'quality', priority: 40, keywords: ['质量', '破损', '坏了', '开线', '掉色', '起球', '裂', '异味', '瑕疵', '做工', '漏水', '不能用', '用不了', '发霉', '过期'] },
  { name: '物流延误', category: 'logistics', priority: 50, keywords: ['物流', '快递', '发货慢', '不发货', '还没到', '延误', '配送', '几天才到', '太慢了', '催了'] },
  { name: '服务态度', category: 'service', priority: 60, keywords: ['客服', '态度', '不理人', '不回复', '爱答不理', '服务差', '不回消息', '敷衍'] },
];

// Frozen in time: never edit once released; add a new migration instead.
export const inbox: Migration = {
  async up(db: Kysely<any>) {
    await sql`
      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        platform TEXT NOT NULL CHECK (platform IN ${platforms}),
        file_name TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('manual','watched-folder','cli','paste')),
        status TEXT NOT NULL CHECK (status IN ('running','done','cancelled','failed')),
        format TEXT,
        encoding TEXT,
        mapping_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mapping_json)),
        read_count INTEGER NOT NULL DEFAULT 0,
        inserted_count INTEGER NOT NULL DEFAULT 0,
        duplicate_count INTEGER NOT NULL DEFAULT 0,
        rejected_count INTEGER NOT NULL DEFAULT 0,
        cases_opened INTEGER NOT NULL DEFAULT 0,
        alerts_count INTEGER NOT NULL DEFAULT 0,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        message TEXT,
        -- What the UI says about the outcome, as a code and params it translates; message stays
        -- as the plain-text detail (CLI, logs, the technical line under the sentence).
        notice_json TEXT CHECK (notice_json IS NULL OR json_valid(notice_json)),
        actor TEXT NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX import_runs_started ON import_runs (started_at)`.execute(db);
    // A running row at start-up means the app died mid-import: found by this index and failed.
    await sql`CREATE INDEX import_runs_running ON import_runs (status) WHERE status = 'running'`.execute(db);

    await sql`
      CREATE TABLE import_rejects (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
        row_number INTEGER NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        raw_json TEXT NOT NULL CHECK (json_valid(raw_json))
      ) STRICT`.execute(db);
    await sql`CREATE INDEX import_rejects_run ON import_rejects (import_id, row_number)`.execute(db);

    // dedupe_key is a hash of the platform's identity for a review (see dedupe.ts), unique per shop,
    // so importing the same or an overlapping export twice stores each review once.
    await sql`
      CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        shop_id INTEGER NOT NULL REFERENCES shops(id),
        platform TEXT NOT NULL CHECK (platform IN ${platforms}),
        dedupe_key TEXT NOT NULL,
        platform_review_id TEXT,
        order_no TEXT,
        product TEXT,
        sku TEXT,
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        level TEXT NOT NULL CHECK (level IN ${levels}),
        text TEXT NOT NULL,
        follow_up_text TEXT,
        images_count INTEGER NOT NULL DEFAULT 0 CHECK (images_count >= 0),
        buyer_nick TEXT,
        buyer_ip TEXT,
        device_id TEXT,
        posted_at INTEGER NOT NULL,
        imported_at INTEGER NOT NULL,
        import_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
        source_file TEXT,
        UNIQUE (shop_id, dedupe_key)
      ) STRICT`.execute(db);
    // Keyset pages run newest first over (posted_at, id); the rowid is the implicit last column.
    await sql`CREATE INDEX reviews_posted ON reviews (posted_at)`.execute(db);
    await sql`CREATE INDEX reviews_shop_posted ON reviews (shop_id, posted_at)`.execute(db);
    await sql`CREATE INDEX reviews_order ON reviews (shop_id, order_no) WHERE order_no IS NOT NULL`.execute(db);
    await sql`CREATE INDEX reviews_buyer ON reviews (shop_id, buyer_nick, posted_at) WHERE buyer_nick IS NOT NULL`.execute(db);
    await sql`CREATE INDEX reviews_product ON reviews (shop_id, product, posted_at) WHERE product IS NOT NULL`.execute(db);
    await sql`CREATE INDEX reviews_ip ON reviews (shop_id, buyer_ip) WHERE buyer_ip IS NOT NULL`.execute(db);
    await sql`CREATE INDEX reviews_device ON reviews (shop_id, device_id) WHERE device_id IS NOT NULL`.execute(db);

    // Chinese has no spaces to split words on: trigram indexes every 3-character run, so any
    // substring of 3+ characters is searchable. 1–2 character searches use LIKE instead.
    // columnsize=0: the inbox never ranks by length (bm25), so one write per review is saved.
    await sql`
      CREATE VIRTUAL TABLE reviews_fts USING fts5(
        text, follow_up_text, content = 'reviews', content_rowid = 'id', tokenize = 'trigram', columnsize = 0
      )`.execute(db);
    // Imports commit in many short transactions, each of which writes an index segment. Merging
    // 16 segments at a time (instead of 4) and allowing 64 before a forced merge measured ~15%
    // less write work and no commit stalls of several hundred ms (FTS5's "crisis merge").
    await sql`INSERT INTO reviews_fts (reviews_fts, rank) VALUES ('automerge', 16)`.execute(db);
    await sql`INSERT INTO reviews_fts (reviews_fts, rank) VALUES ('crisismerge', 64)`.execute(db);
    await sql`
      CREATE TRIGGER reviews_fts_insert AFTER INSERT ON reviews BEGIN
        INSERT INTO reviews_fts (rowid, text, follow_up_text) VALUES (new.id, new.text, new.follow_up_text);
      END`.execute(db);
    await sql`
      CREATE TRIGGER reviews_fts_delete AFTER DELETE ON reviews BEGIN
        INSERT INTO reviews_fts (reviews_fts, rowid, text, follow_up_text) VALUES ('delete', old.id, old.text, old.follow_up_text);
      END`.execute(db);
    await sql`
      CREATE TRIGGER reviews_fts_update AFTER UPDATE OF text, follow_up_text ON reviews BEGIN
        INSERT INTO reviews_fts (reviews_fts, rowid, text, follow_up_text) VALUES ('delete', old.id, old.text, old.follow_up_text);
        INSERT INTO reviews_fts (rowid, text, follow_up_text) VALUES (new.id, new.text, new.follow_up_text);
      END`.execute(db);

    // One case per neutral/negative review. shop_id, level and posted_at are copies of the
    // review's (which never change) so the inbox's case filters and sort are served by these indexes.
    await sql`
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL UNIQUE REFERENCES reviews(id) ON DELETE CASCADE,
        shop_id INTEGER NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('neutral','bad')),
        posted_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ${statuses}),
        category TEXT NOT NULL CHECK (category IN ${categories}),
        category_source TEXT NOT NULL CHECK (category_source IN ('rule','manual','default')),
        category_rule_id INTEGER,
        category_rule_name TEXT,
        category_words_json TEXT NOT NULL DEFAULT '[]' ${jsonArray('category_words_json')},
        severity TEXT NOT NULL CHECK (severity IN ('low','medium','high','critical')),
        assignee_id INTEGER REFERENCES staff(id),
        opened_at INTEGER NOT NULL,
        due_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE INDEX cases_posted ON cases (posted_at, review_id)`.execute(db);
    await sql`CREATE INDEX cases_status ON cases (status, posted_at, review_id)`.execute(db);
    await sql`CREATE INDEX cases_category ON cases (category, posted_at, review_id)`.execute(db);
    await sql`CREATE INDEX cases_assignee ON cases (assignee_id, posted_at, review_id)`.execute(db);
    await sql`CREATE INDEX cases_shop ON cases (shop_id, posted_at, review_id)`.execute(db);
    await sql`CREATE INDEX cases_due ON cases (due_at, posted_at DESC, review_id DESC) WHERE due_at IS NOT NULL`.execute(db);

    await sql`
      CREATE TABLE review_flags (
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        type TEXT NOT NULL CHECK (type IN ('extortion','competitor','burst','high_return_rate','same_device')),
        evidence TEXT NOT NULL,
        params_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params_json) AND json_type(params_json) = 'object'),
        created_at INTEGER NOT NULL,
        PRIMARY KEY (review_id, type)
      ) STRICT, WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX review_flags_type ON review_flags (type, review_id)`.execute(db);

    await sql`
      CREATE TABLE monitor_rules (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        keywords_json TEXT NOT NULL ${jsonArray('keywords_json')},
        levels_json TEXT NOT NULL ${jsonArray('levels_json')},
        max_rating INTEGER CHECK (max_rating BETWEEN 1 AND 5),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT`.execute(db);
    await sql`
      CREATE TABLE category_rules (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        category TEXT NOT NULL CHECK (category IN ${categories}),
        keywords_json TEXT NOT NULL ${jsonArray('keywords_json')},
        priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 1000),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT`.execute(db);

    await sql`
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
        rule_id INTEGER REFERENCES monitor_rules(id) ON DELETE SET NULL,
        rule_name TEXT NOT NULL,
        matched_words_json TEXT NOT NULL ${jsonArray('matched_words_json')},
        at INTEGER NOT NULL,
        read_at INTEGER
      ) STRICT`.execute(db);
    await sql`CREATE INDEX alerts_at ON alerts (at)`.execute(db);
    await sql`CREATE INDEX alerts_unread ON alerts (at) WHERE read_at IS NULL`.execute(db);
    await sql`CREATE INDEX alerts_review ON alerts (review_id)`.execute(db);

    await sql`
      CREATE TABLE mapping_presets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
        platform TEXT CHECK (platform IN ${platforms}),
        headers_json TEXT NOT NULL CHECK (json_valid(headers_json)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT`.execute(db);

    // Files the watched folder has taken (imported or failed), so each is taken once, even
    // across restarts: found again by path + size + mtime without hashing, or by content hash.
    await sql`
      CREATE TABLE watched_files (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        import_id INTEGER REFERENCES import_runs(id) ON DELETE SET NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('imported','failed')),
        message TEXT,
        taken_at INTEGER NOT NULL,
        UNIQUE (path, size, mtime_ms)
      ) STRICT`.execute(db);
    await sql`CREATE INDEX watched_files_sha ON watched_files (sha256)`.execute(db);

    const now = sql`CAST(unixepoch('subsec') * 1000 AS INTEGER)`;
    for (const rule of defaultMonitorRules) {
      await sql`
        INSERT INTO monitor_rules (name, keywords_json, levels_json, max_rating, enabled, created_at, updated_at)
        VALUES (${rule.name}, ${JSON.stringify(rule.keywords)}, ${JSON.stringify(rule.levels)}, ${rule.maxRating}, 1, ${now}, ${now})`.execute(db);
    }
    for (const rule of defaultCategoryRules) {
      await sql`
        INSERT INTO category_rules (name, category, keywords_json, priority, enabled, created_at, updated_at)
        VALUES (${rule.name}, ${rule.category}, ${JSON.stringify(rule.keywords)}, ${rule.priority}, 1, ${now}, ${now})`.execute(db);
    }
  },
};
