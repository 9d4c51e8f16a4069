import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The two rules as 2026-12-02-009-monitor-defaults seeded them. */
const seededExtortion = ['返现', '删评', '给钱就改', '赔钱就改', '不退款就差评', '不赔就差评', '给我钱', '红包就改'];
const seededMalicious = ['职业差评', '同行', '别家', '竞争对手', '友商', '隔壁店'];

/**
 * The scorer's patterns now find extortion (money bound to a review change by a condition) and a
 * competitor's claim however they are worded, and alert under these rules' names. The bare words
 * that also fire on honest reviews go: 返现 (a buyer reporting the shop's own 好评返现 is a
 * compliance risk, not a demand), 给我钱, and any mention of another shop (比别家便宜).
 */
const extortion = ['删评', '给钱就改', '赔钱就改', '不退款就差评', '不赔就差评', '红包就改'];
const malicious = ['职业差评', '差评师', '竞争对手', '友商'];

// Frozen in time: never edit once released; add a new migration instead.
export const monitorClaims: Migration = {
  async up(db: Kysely<any>) {
    const now = Date.now();
    // Only rules still exactly as seeded: a rule the user edited is theirs.
    for (const [name, seeded, keywords] of [
      ['索要好评返现', seededExtortion, extortion],
      ['恶意差评迹象', seededMalicious, malicious],
    ] as const) {
      await sql`
        UPDATE monitor_rules SET keywords_json = ${JSON.stringify(keywords)}, updated_at = ${now}
        WHERE name = ${name} AND keywords_json = ${JSON.stringify(seeded)} AND levels_json = '[]' AND max_rating IS NULL`.execute(db);
    }
  },
};
