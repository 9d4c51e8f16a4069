/**
 * Quick timing of the inbox's default (priority) order against the other two on a synthetic
 * database: `npx tsx bench/inbox-priority-timing.ts [reviews]` (default 300,000). Rows are written
 * with SQL directly (no import pipeline), so the set-up takes seconds; prints the plans too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { createKysely, openSqlite } from '../db/connection';
import { migrations } from '../db/migrations';
import { pageReviewIds, type ReviewSort } from '../db/queries/reviews';
import type { ReviewFilters } from '../shared/contract';

const total = Number(process.argv[2] ?? 300_000);
const dir = mkdtempSync(join(tmpdir(), 'rd-priority-'));
const sqlite = openSqlite(join(dir, 'bench.db'));
const db = createKysely(sqlite);
const migrated = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
if (migrated.error) throw migrated.error;

sqlite.prepare("INSERT INTO shops (platform, name, created_at, updated_at) VALUES ('taobao', '甲店', 1, 1), ('jd', '乙店', 1, 1), ('pinduoduo', '丙店', 1, 1)").run();
const insertReview = sqlite.prepare('INSERT INTO reviews (shop_id, platform, dedupe_key, level, text, posted_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, 1)');
const insertCase = sqlite.prepare(
  "INSERT INTO cases (review_id, shop_id, level, posted_at, status, category, category_source, severity, opened_at, updated_at, due_at) VALUES (?, ?, ?, ?, ?, ?, 'rule', 'medium', 1, 1, ?)",
);
const platforms = ['taobao', 'jd', 'pinduoduo'];
const categories = ['logistics', 'quality', 'service', 'malicious'];
const started = performance.now();
sqlite.transaction(() => {
  for (let i = 0; i < total; i += 1) {
    const roll = (i * 7919) % 100;
    const level = roll < 30 ? 'bad' : roll < 40 ? 'neutral' : 'good';
    const shop = 1 + (i % 3);
    const posted = 1_700_000_000_000 + i * 60_000;
    const id = insertReview.run(shop, platforms[shop - 1], `k${i}`, level, `评价 ${i} 快递太慢了`, posted).lastInsertRowid;
    if (level !== 'good') {
      const open = (i * 31) % 10 < 8;
      insertCase.run(id, shop, level, posted, open ? 'new' : 'closed', categories[i % 4], open ? 1_800_000_000_000 + ((i * 104729) % 5000) * 60_000 : null);
    }
  }
})();
console.log(`${total.toLocaleString()} reviews written in ${Math.round(performance.now() - started)} ms`);

function time(label: string, sort: ReviewSort, filters: ReviewFilters, pages = 20) {
  let cursor = null;
  const times: number[] = [];
  for (let n = 0; n < pages; n += 1) {
    const at = performance.now();
    const page = pageReviewIds(sqlite, { filters, sort, cursor, limit: 100 });
    times.push(performance.now() - at);
    if (!page.nextCursor) break;
    cursor = JSON.parse(JSON.stringify(decode(page.nextCursor)));
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} first ${times[0]!.toFixed(1).padStart(6)} ms · median ${times[Math.floor(times.length / 2)]!.toFixed(1).padStart(6)} ms · worst ${times.at(-1)!.toFixed(1).padStart(6)} ms (${times.length} pages)`);
}

const { decodeCursor: decode } = await import('../db/queries/reviews');

/** A page deep inside a group: where 差评 end and 中评 begin, where 中评 end and 好评 begin. */
function boundary(label: string, filters: ReviewFilters) {
  const bad = (sqlite.prepare("SELECT count(*) AS n FROM cases WHERE level = 'bad'").get() as { n: number }).n;
  let cursor = null;
  let seen = 0;
  let worst = 0;
  while (seen < bad + 3000) {
    const at = performance.now();
    const page = pageReviewIds(sqlite, { filters, sort: 'priority', cursor, limit: 200 });
    worst = Math.max(worst, performance.now() - at);
    seen += page.ids.length;
    if (!page.nextCursor) break;
    cursor = decode(page.nextCursor);
  }
  console.log(`${label.padEnd(44)} worst page of ${Math.ceil(seen / 200)} (200 rows each) ${worst.toFixed(1)} ms`);
}

for (const analysed of [false, true]) {
  if (analysed) sqlite.exec('ANALYZE');
  console.log(analysed ? '\nafter ANALYZE' : '\nwithout statistics');
  time('priority, no filter', 'priority', {});
  time('priority, one shop', 'priority', { shopId: 2 });
  time('priority, category malicious', 'priority', { categories: ['malicious'] });
  time('priority, search 快递', 'priority', { search: '快递太慢' });
  time('newest, no filter', 'newest', {});
  time('sla_due, no filter', 'sla_due', {});
  boundary('priority, walking across 差评 → 中评 → 好评', {});
}

const plan = (text: string, ...params: unknown[]) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((row) => `   ${row.detail}`).join('\n');
console.log('\nplans');
console.log(' bad, due:\n' + plan("SELECT id FROM cases INDEXED BY cases_level_due WHERE level = ? AND due_at IS NOT NULL ORDER BY due_at, posted_at DESC, review_id DESC LIMIT 100", 'bad'));
console.log(' bad, undated:\n' + plan("SELECT c.review_id FROM cases c WHERE c.level IN (?) AND c.due_at IS NULL ORDER BY c.posted_at DESC, c.review_id DESC LIMIT 100", 'bad'));
console.log(' good:\n' + plan("SELECT r.id FROM reviews r WHERE r.level IN (?) ORDER BY r.posted_at DESC, r.id DESC LIMIT 100", 'good'));
await db.destroy();
rmSync(dir, { recursive: true, force: true });
