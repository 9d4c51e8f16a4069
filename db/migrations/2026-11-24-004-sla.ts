import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
// The default figures are written out here (not imported) so later edits to the defaults in
// shared/domain/sla.ts never change what this migration did.
const defaults: [category: string, resolutionMinutes: number, ownerRole: string, requiresAppeal: number][] = [
  ['logistics', 120, 'agent', 0],
  ['quality', 240, 'supervisor', 0],
  ['malicious', 60, 'legal', 1],
  ['mismatch', 240, 'agent', 0],
  ['wrong_item', 180, 'agent', 0],
  ['service', 120, 'supervisor', 0],
  ['other', 480, 'agent', 0],
];

const jsonArray = (column: string) => sql.raw(`CHECK (json_valid(${column}) AND json_type(${column}) = 'array')`);

export const sla: Migration = {
  async up(db: Kysely<any>) {
    // A policy is a category plus an optional scope (shop or platform); its figures live in versions.
    await sql`
      CREATE TABLE sla_policies (
        id INTEGER PRIMARY KEY,
        category TEXT NOT NULL,
        shop_id INTEGER REFERENCES shops(id) ON DELETE CASCADE,
        platform TEXT,
        built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0,1)),
        current_version_id INTEGER,
        removed_at INTEGER,
        created_at INTEGER NOT NULL
      ) STRICT`.execute(db);
    await sql`CREATE UNIQUE INDEX sla_policies_scope ON sla_policies (category, ifnull(shop_id, 0), ifnull(platform, '')) WHERE removed_at IS NULL`.execute(db);

    // Versions are never edited: a case keeps the version in force when it opened.
    await sql`
      CREATE TABLE sla_policy_versions (
        id INTEGER PRIMARY KEY,
        policy_id INTEGER NOT NULL REFERENCES sla_policies(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version > 0),
        first_response_minutes INTEGER NOT NULL CHECK (first_response_minutes > 0),
        resolution_minutes INTEGER NOT NULL CHECK (resolution_minutes > 0),
        owner_role TEXT NOT NULL CHECK (owner_role IN ('agent','supervisor','legal','owner')),
        warn_json TEXT NOT NULL ${jsonArray('warn_json')},
        escalation_json TEXT NOT NULL ${jsonArray('escalation_json')},
        pause_reasons_json TEXT NOT NULL ${jsonArray('pause_reasons_json')},
        business_hours INTEGER NOT NULL CHECK (business_hours IN (0,1)),
        requires_appeal INTEGER NOT NULL CHECK (requires_appeal IN (0,1)),
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (policy_id, version)
      ) STRICT`.execute(db);

    await sql`
      CREATE TABLE sla_calendars (
        shop_id INTEGER PRIMARY KEY REFERENCES shops(id) ON DELETE CASCADE,
        calendar_json TEXT NOT NULL CHECK (json_valid(calendar_json)),
        updated_at INTEGER NOT NULL
      ) STRICT`.execute(db);

    // One row per case: the policy version kept with it, lifecycle facts, the current pause.
    await sql`
      CREATE TABLE case_sla (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        policy_version_id INTEGER NOT NULL REFERENCES sla_policy_versions(id),
        started_at INTEGER NOT NULL,
        first_response_at INTEGER,
        outcome TEXT CHECK (outcome IN ('review_updated','review_removed','appeal_won','appeal_lost','unchanged')),
        paused_reason TEXT CHECK (paused_reason IN ('waiting_buyer','waiting_platform')),
        paused_since INTEGER
      ) STRICT`.execute(db);
    await sql`CREATE INDEX case_sla_policy ON case_sla (policy_version_id)`.execute(db);

    // Timers: absolute deadlines plus the planned points; next_fire_at drives the scheduler.
    await sql`
      CREATE TABLE case_sla_targets (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        target TEXT NOT NULL CHECK (target IN ('first_response','resolution')),
        target_ms INTEGER NOT NULL,
        business_hours INTEGER NOT NULL CHECK (business_hours IN (0,1)),
        due_at INTEGER,
        points_json TEXT NOT NULL ${jsonArray('points_json')},
        met_at INTEGER,
        next_fire_at INTEGER,
        PRIMARY KEY (case_id, target)
      ) STRICT, WITHOUT ROWID`.execute(db);
    await sql`CREATE INDEX case_sla_targets_next ON case_sla_targets (next_fire_at) WHERE next_fire_at IS NOT NULL`.execute(db);

    await sql`
      CREATE TABLE sla_pauses (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (reason IN ('waiting_buyer','waiting_platform')),
        from_at INTEGER NOT NULL,
        to_at INTEGER,
        CHECK (to_at IS NULL OR to_at >= from_at)
      ) STRICT`.execute(db);
    await sql`CREATE INDEX sla_pauses_case ON sla_pauses (case_id, from_at)`.execute(db);

    // Each warning and breach fires exactly once, even across restarts: the UNIQUE key.
    await sql`
      CREATE TABLE sla_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        target TEXT NOT NULL CHECK (target IN ('first_response','resolution')),
        point TEXT NOT NULL,
        percent INTEGER,
        due_at INTEGER NOT NULL,
        fired_at INTEGER NOT NULL CHECK (fired_at >= due_at),
        late INTEGER NOT NULL CHECK (late IN (0,1)),
        UNIQUE (case_id, target, point)
      ) STRICT`.execute(db);
    await sql`CREATE INDEX sla_events_fired ON sla_events (fired_at)`.execute(db);

    // The SLA history of a case (opened, paused, resumed, transitions, policy changes, fired points).
    await sql`
      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        target TEXT,
        percent INTEGER,
        due_at INTEGER,
        late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0,1)),
        actor TEXT NOT NULL,
        detail TEXT
      ) STRICT`.execute(db);
    await sql`CREATE INDEX case_events_case ON case_events (case_id, at)`.execute(db);

    // A notification is its kind + params (the UI and the desktop build the words in the user's
    // language); title and body keep the text of the moment it was created, as a fallback.
    // The table is also the outbox of desktop delivery: rows are written in the transaction that
    // decides them, delivered after the commit. delivered_at NULL with held = 0: not yet delivered
    // (a crash or failure in between; retried); with held = 1: held by quiet hours until they end.
    await sql`
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        params_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params_json) AND json_type(params_json) = 'object'),
        route TEXT,
        case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
        urgent INTEGER NOT NULL CHECK (urgent IN (0,1)),
        sound INTEGER NOT NULL CHECK (sound IN (0,1)),
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0,1)),
        read_at INTEGER
      ) STRICT`.execute(db);
    await sql`CREATE INDEX notifications_unread ON notifications (read_at, id)`.execute(db);
    await sql`CREATE INDEX notifications_undelivered ON notifications (held, id) WHERE delivered_at IS NULL`.execute(db);

    // Optional sign-in PIN: scrypt hash "salt:hash" in hex.
    await sql`ALTER TABLE staff ADD COLUMN pin_hash TEXT`.execute(db);

    const now = Date.now();
    for (const [category, resolutionMinutes, ownerRole, requiresAppeal] of defaults) {
      const policy = await sql<{ id: number }>`
        INSERT INTO sla_policies (category, built_in, created_at) VALUES (${category}, 1, ${now}) RETURNING id`.execute(db);
      const policyId = policy.rows[0]!.id;
      const version = await sql<{ id: number }>`
        INSERT INTO sla_policy_versions (policy_id, version, first_response_minutes, resolution_minutes, owner_role,
          warn_json, escalation_json, pause_reasons_json, business_hours, requires_appeal, created_at, created_by)
        VALUES (${policyId}, 1, 15, ${resolutionMinutes}, ${ownerRole}, '[50,80]', '["agent","supervisor","owner"]',
          '["waiting_buyer","waiting_platform"]', 1, ${requiresAppeal}, ${now}, 'system') RETURNING id`.execute(db);
      await sql`UPDATE sla_policies SET current_version_id = ${version.rows[0]!.id} WHERE id = ${policyId}`.execute(db);
    }
  },
};
