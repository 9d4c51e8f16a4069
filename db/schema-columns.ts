import type { InsertType, SelectType } from 'kysely';
import type { DB } from './schema';

/**
 * How the database describes a column, in `pragma table_xinfo` terms: its STRICT type, then ' NULL'
 * when it may hold NULL, then ' DEFAULT' when it has a default (so it is `Generated<>` in DB).
 * 'INTEGER PRIMARY KEY' is a rowid alias: SQLite assigns it when an insert leaves it out, so it is
 * `Generated<number>` for an id, or a plain `number` for a key copied from another table
 * (case_sla.case_id) where leaving it out would be a bug.
 */
type ColumnSpecOf<Column> =
  | `${SqlTypeOf<NonNullable<SelectType<Column>>>}${null extends SelectType<Column> ? ' NULL' : ''}${undefined extends InsertType<Column> ? ' DEFAULT' : ''}`
  | ([SelectType<Column>] extends [number] ? 'INTEGER PRIMARY KEY' : never);

// REAL and INTEGER both arrive as number; a type with no SQLite counterpart (boolean, Date) is never.
type SqlTypeOf<T> = [T] extends [number]
  ? 'INTEGER' | 'REAL'
  : [T] extends [string]
    ? 'TEXT'
    : [T] extends [Uint8Array]
      ? 'BLOB'
      : never;

type ColumnSpecs = { readonly [Table in keyof DB]: { readonly [Column in keyof DB[Table]]-?: ColumnSpecOf<DB[Table][Column]> } };

/**
 * Every table and column of `DB` (db/schema.ts) at runtime, for db/schema.test.ts: types vanish at
 * runtime. `satisfies` makes tsc reject a table or column that is here but not in `DB`, missing
 * here, or of another type or nullability.
 * FTS5 tables (reviews_fts) are left out: they are searched with raw MATCH SQL, never through Kysely.
 */
export const schemaColumns = {
  shops: { id: 'INTEGER PRIMARY KEY', platform: 'TEXT', name: 'TEXT', created_at: 'INTEGER', updated_at: 'INTEGER', product_family: 'TEXT NULL' },
  staff: {
    id: 'INTEGER PRIMARY KEY', name: 'TEXT', role: 'TEXT', active: 'INTEGER DEFAULT',
    created_at: 'INTEGER', updated_at: 'INTEGER', pin_hash: 'TEXT NULL',
  },
  audit_log: {
    id: 'INTEGER PRIMARY KEY', at: 'INTEGER', actor: 'TEXT', action: 'TEXT', entity: 'TEXT',
    entity_id: 'TEXT NULL', before_json: 'TEXT NULL', after_json: 'TEXT NULL',
  },
  settings: { key: 'TEXT', value_json: 'TEXT', updated_at: 'INTEGER' },
  evidence: {
    id: 'INTEGER PRIMARY KEY', sha256: 'TEXT', size: 'INTEGER', original_name: 'TEXT', detected_type: 'TEXT',
    mime: 'TEXT', media: 'TEXT', previewable: 'INTEGER', extension_mismatch: 'INTEGER', width: 'INTEGER NULL',
    height: 'INTEGER NULL', duration_ms: 'INTEGER NULL', kind: 'TEXT', captured_at: 'INTEGER NULL',
    source: 'TEXT DEFAULT', tags_json: 'TEXT DEFAULT', notes: 'TEXT DEFAULT', added_at: 'INTEGER', added_by: 'TEXT',
    updated_at: 'INTEGER', trashed_at: 'INTEGER NULL', trashed_by: 'TEXT NULL',
  },
  evidence_links: {
    evidence_id: 'INTEGER', target_type: 'TEXT', target_id: 'TEXT', linked_at: 'INTEGER', linked_by: 'TEXT',
  },
  import_runs: {
    id: 'INTEGER PRIMARY KEY', shop_id: 'INTEGER', platform: 'TEXT', file_name: 'TEXT', origin: 'TEXT',
    status: 'TEXT', format: 'TEXT NULL', encoding: 'TEXT NULL', mapping_json: 'TEXT DEFAULT',
    read_count: 'INTEGER DEFAULT', inserted_count: 'INTEGER DEFAULT', duplicate_count: 'INTEGER DEFAULT',
    rejected_count: 'INTEGER DEFAULT', cases_opened: 'INTEGER DEFAULT', alerts_count: 'INTEGER DEFAULT',
    started_at: 'INTEGER', finished_at: 'INTEGER NULL', message: 'TEXT NULL', notice_json: 'TEXT NULL', actor: 'TEXT',
    owner_instance: 'TEXT NULL',
  },
  import_rejects: {
    id: 'INTEGER PRIMARY KEY', import_id: 'INTEGER', row_number: 'INTEGER', code: 'TEXT', reason: 'TEXT',
    raw_json: 'TEXT',
  },
  reviews: {
    id: 'INTEGER PRIMARY KEY', shop_id: 'INTEGER', platform: 'TEXT', dedupe_key: 'TEXT',
    platform_review_id: 'TEXT NULL', order_no: 'TEXT NULL', product: 'TEXT NULL', sku: 'TEXT NULL',
    rating: 'INTEGER NULL', level: 'TEXT', text: 'TEXT', follow_up_text: 'TEXT NULL', images_count: 'INTEGER DEFAULT',
    buyer_nick: 'TEXT NULL', buyer_ip: 'TEXT NULL', device_id: 'TEXT NULL', posted_at: 'INTEGER',
    imported_at: 'INTEGER', import_id: 'INTEGER NULL', source_file: 'TEXT NULL',
  },
  cases: {
    id: 'INTEGER PRIMARY KEY', review_id: 'INTEGER', shop_id: 'INTEGER', level: 'TEXT', posted_at: 'INTEGER',
    status: 'TEXT DEFAULT', category: 'TEXT', category_source: 'TEXT', category_rule_id: 'INTEGER NULL',
    category_rule_name: 'TEXT NULL', category_words_json: 'TEXT DEFAULT', category_explanation_json: 'TEXT NULL', needs_review: 'INTEGER DEFAULT', severity: 'TEXT',
    assignee_id: 'INTEGER NULL', pool_role: 'TEXT NULL', opened_at: 'INTEGER', due_at: 'INTEGER NULL', updated_at: 'INTEGER',
  },
  review_flags: {
    review_id: 'INTEGER', type: 'TEXT', evidence: 'TEXT', params_json: 'TEXT DEFAULT', created_at: 'INTEGER',
  },
  monitor_rules: {
    id: 'INTEGER PRIMARY KEY', name: 'TEXT', keywords_json: 'TEXT', levels_json: 'TEXT', max_rating: 'INTEGER NULL',
    enabled: 'INTEGER DEFAULT', created_at: 'INTEGER', updated_at: 'INTEGER',
  },
  category_rules: {
    id: 'INTEGER PRIMARY KEY', name: 'TEXT', category: 'TEXT', keywords_json: 'TEXT', priority: 'INTEGER',
    enabled: 'INTEGER DEFAULT', product_family: 'TEXT DEFAULT', created_at: 'INTEGER', updated_at: 'INTEGER',
  },
  classify_examples: {
    id: 'INTEGER PRIMARY KEY', case_id: 'INTEGER NULL', shop_id: 'INTEGER', text: 'TEXT', follow_up_text: 'TEXT NULL',
    from_category: 'TEXT', to_category: 'TEXT', actor: 'TEXT', at: 'INTEGER',
  },
  alerts: {
    id: 'INTEGER PRIMARY KEY', review_id: 'INTEGER', rule_id: 'INTEGER NULL', rule_name: 'TEXT',
    matched_words_json: 'TEXT', at: 'INTEGER', read_at: 'INTEGER NULL', kind: 'TEXT DEFAULT',
  },
  mapping_presets: {
    id: 'INTEGER PRIMARY KEY', name: 'TEXT', platform: 'TEXT NULL', headers_json: 'TEXT', created_at: 'INTEGER',
    updated_at: 'INTEGER',
  },
  watched_files: {
    id: 'INTEGER PRIMARY KEY', path: 'TEXT', size: 'INTEGER', mtime_ms: 'INTEGER', sha256: 'TEXT',
    import_id: 'INTEGER NULL', outcome: 'TEXT', message: 'TEXT NULL', taken_at: 'INTEGER',
  },
  sla_policies: {
    id: 'INTEGER PRIMARY KEY', category: 'TEXT', shop_id: 'INTEGER NULL', platform: 'TEXT NULL',
    built_in: 'INTEGER DEFAULT', current_version_id: 'INTEGER NULL', removed_at: 'INTEGER NULL', created_at: 'INTEGER',
  },
  sla_policy_versions: {
    id: 'INTEGER PRIMARY KEY', policy_id: 'INTEGER', version: 'INTEGER', first_response_minutes: 'INTEGER',
    resolution_minutes: 'INTEGER', owner_role: 'TEXT', warn_json: 'TEXT', escalation_json: 'TEXT',
    pause_reasons_json: 'TEXT', business_hours: 'INTEGER', requires_appeal: 'INTEGER', created_at: 'INTEGER',
    created_by: 'TEXT',
  },
  sla_calendars: { shop_id: 'INTEGER PRIMARY KEY', calendar_json: 'TEXT', updated_at: 'INTEGER' },
  case_sla: {
    case_id: 'INTEGER PRIMARY KEY', policy_version_id: 'INTEGER', started_at: 'INTEGER',
    first_response_at: 'INTEGER NULL', outcome: 'TEXT NULL', paused_reason: 'TEXT NULL', paused_since: 'INTEGER NULL',
  },
  case_sla_targets: {
    case_id: 'INTEGER', target: 'TEXT', target_ms: 'INTEGER', business_hours: 'INTEGER', due_at: 'INTEGER NULL',
    points_json: 'TEXT', met_at: 'INTEGER NULL', next_fire_at: 'INTEGER NULL',
  },
  sla_pauses: { id: 'INTEGER PRIMARY KEY', case_id: 'INTEGER', reason: 'TEXT', from_at: 'INTEGER', to_at: 'INTEGER NULL' },
  sla_events: {
    id: 'INTEGER PRIMARY KEY', case_id: 'INTEGER', target: 'TEXT', point: 'TEXT', percent: 'INTEGER NULL',
    due_at: 'INTEGER', fired_at: 'INTEGER', late: 'INTEGER',
  },
  case_events: {
    id: 'INTEGER PRIMARY KEY', case_id: 'INTEGER', at: 'INTEGER', kind: 'TEXT', target: 'TEXT NULL',
    percent: 'INTEGER NULL', due_at: 'INTEGER NULL', late: 'INTEGER DEFAULT', actor: 'TEXT', detail: 'TEXT NULL',
  },
  notifications: {
    id: 'INTEGER PRIMARY KEY', kind: 'TEXT', title: 'TEXT', body: 'TEXT', params_json: 'TEXT DEFAULT',
    route: 'TEXT NULL', case_id: 'INTEGER NULL', urgent: 'INTEGER', sound: 'INTEGER', created_at: 'INTEGER',
    delivered_at: 'INTEGER NULL', held: 'INTEGER DEFAULT', read_at: 'INTEGER NULL', group_key: 'TEXT NULL', alert_id: 'INTEGER NULL',
  },
} as const satisfies ColumnSpecs;

// `satisfies` already rejects extra keys in a fresh literal; these keep that true if the object is
// ever built another way (spread, a helper), where excess-property checks no longer apply.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Expect<T extends true> = T;
type TablesWithOtherColumns = {
  [Table in keyof DB]: Table extends keyof typeof schemaColumns
    ? SameKeys<DB[Table], (typeof schemaColumns)[Table]> extends true ? never : Table
    : Table;
}[keyof DB];
export type SchemaColumnsMatchDB = [
  Expect<SameKeys<DB, typeof schemaColumns>>,
  Expect<[TablesWithOtherColumns] extends [never] ? true : false>,
];
