import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The starting monitor rules as 2026-11-24-003-inbox seeded them. */
const oldSensitive = ['差评', '投诉', '假货', '返现', '删评', '骗子', '12315', '曝光', '举报', '工商'];

/** Words that need a person now: a complaint to the authorities or the public, fraud claims. */
const sensitive = ['投诉', '假货', '骗子', '12315', '曝光', '举报', '工商', '消协', '起诉', '律师', '媒体'];
/** A buyer asking for money or a refund to remove or change the review (好评返现, 删评). */
const extortion = ['返现', '删评', '给钱就改', '赔钱就改', '不退款就差评', '不赔就差评', '给我钱', '红包就改'];
/** Signs of a malicious review: a professional bad-reviewer or a competitor. */
const malicious = ['职业差评', '同行', '别家', '竞争对手', '友商', '隔壁店'];

// Frozen in time: never edit once released; add a new migration instead.
export const monitorDefaults: Migration = {
  async up(db: Kysely<any>) {
    // The first defaults alerted on every bad review twice over (敏感词 held "差评", and a rule
    // matched every 差评), so a demo load raised a hundred alerts at once. Only rules still exactly
    // as seeded are changed: a rule the user edited is theirs. The every-差评 rule is switched off,
    // not deleted, so someone who wants it can switch it back on.
    const now = Date.now();
    await sql`
      UPDATE monitor_rules SET keywords_json = ${JSON.stringify(sensitive)}, updated_at = ${now}
      WHERE name = '敏感词' AND keywords_json = ${JSON.stringify(oldSensitive)} AND levels_json = '[]' AND max_rating IS NULL`.execute(db);
    await sql`
      UPDATE monitor_rules SET enabled = 0, updated_at = ${now}
      WHERE name = '差评' AND keywords_json = '[]' AND levels_json = '["bad"]' AND max_rating IS NULL AND enabled = 1`.execute(db);
    for (const [name, keywords] of [['索要好评返现', extortion], ['恶意差评迹象', malicious]] as const) {
      await sql`
        INSERT INTO monitor_rules (name, keywords_json, levels_json, max_rating, enabled, created_at, updated_at)
        SELECT ${name}, ${JSON.stringify(keywords)}, '[]', NULL, 1, ${now}, ${now}
        WHERE NOT EXISTS (SELECT 1 FROM monitor_rules WHERE name = ${name})`.execute(db);
    }
  },
};
