import type { Generated } from 'kysely';

/**
 * Kysely table types: the whole database after every migration in db/migrations/. Column names are
 * the SQL ones (snake_case); query functions map to the API shapes. Conventions: times are integer
 * epoch milliseconds (`number`), flags are INTEGER 0/1 (`number`), JSON columns are `string`, a
 * column that may hold NULL is `T | null`, and a column SQLite fills on insert (DEFAULT, or the
 * rowid `id`) is `Generated<T>`. db/schema-columns.ts repeats every column at runtime so
 * db/schema.test.ts can compare it with a migrated database; tsc checks it against these types.
 */
export interface ShopsTable {
  id: Generated<number>;
  platform: string;
  name: string;
  created_at: number;
  updated_at: number;
  /** What the shop sells (ProductFamily); NULL: every family's lexicon applies. */
  product_family: string | null;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: string;
  /** 1 active, 0 deactivated (staff are never deleted: cases and audit entries point at them). */
  active: Generated<number>;
  created_at: number;
  updated_at: number;
  /** Optional sign-in PIN: scrypt "salt:hash" in hex; null when the member signs in without one. */
  pin_hash: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: number;
}

export interface EvidenceTable {
  id: Generated<number>;
  /** Lowercase hex SHA-256 of the content; also its name in the vault. */
  sha256: string;
  size: number;
  /** The file name exactly as given (any characters, NFC or NFD as it came). */
  original_name: string;
  /** Detected from the content's magic bytes ('png', 'mp3', 'txt', 'unknown' …), never the extension. */
  detected_type: string;
  mime: string;
  media: string;
  /** 0 when the app cannot show it (HEIC, unknown types): offered for download only. */
  previewable: number;
  /** 1 when the name's extension claims a different type than the content. */
  extension_mismatch: number;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  kind: string;
  captured_at: number | null;
  source: Generated<string>;
  tags_json: Generated<string>;
  notes: Generated<string>;
  added_at: number;
  added_by: string;
  updated_at: number;
  trashed_at: number | null;
  trashed_by: string | null;
}

export interface EvidenceLinksTable {
  evidence_id: number;
  target_type: string;
  target_id: string;
  linked_at: number;
  linked_by: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  shop_id: number;
  platform: string;
  file_name: string;
  origin: string;
  status: string;
  format: string | null;
  encoding: string | null;
  mapping_json: Generated<string>;
  read_count: Generated<number>;
  inserted_count: Generated<number>;
  duplicate_count: Generated<number>;
  rejected_count: Generated<number>;
  cases_opened: Generated<number>;
  alerts_count: Generated<number>;
  started_at: number;
  finished_at: number | null;
  message: string | null;
  /** ImportNotice (shared/contract/inbox-schemas.ts) as JSON, or null. */
  notice_json: string | null;
  actor: string;
  /** The process instance running it (electron/core/process-marker.ts); null before instances existed. */
  owner_instance: string | null;
}

export interface ImportRejectsTable {
  id: Generated<number>;
  import_id: number;
  /** 1-based row in the file as a spreadsheet shows it (a multi-line cell is one row). */
  row_number: number;
  code: string;
  reason: string;
  /** Header name → raw cell text, as read before cleaning. */
  raw_json: string;
}

export interface ReviewsTable {
  id: Generated<number>;
  shop_id: number;
  platform: string;
  dedupe_key: string;
  platform_review_id: string | null;
  order_no: string | null;
  product: string | null;
  sku: string | null;
  rating: number | null;
  level: string;
  text: string;
  follow_up_text: string | null;
  images_count: Generated<number>;
  buyer_nick: string | null;
  buyer_ip: string | null;
  device_id: string | null;
  posted_at: number;
  imported_at: number;
  import_id: number | null;
  source_file: string | null;
}

export interface CasesTable {
  id: Generated<number>;
  review_id: number;
  /** Copies of the review's (immutable) shop, level and time, so case filters have their own indexes. */
  shop_id: number;
  level: string;
  posted_at: number;
  status: Generated<string>;
  category: string;
  category_source: string;
  category_rule_id: number | null;
  category_rule_name: string | null;
  category_words_json: Generated<string>;
  /** ClassificationExplanation (shared/rules/classify.ts) as JSON; NULL before the scorer or when a person chose. */
  category_explanation_json: string | null;
  /** 1 while the case waits in the needs-review queue (待确认) for a person to pick its category. */
  needs_review: Generated<number>;
  severity: string;
  assignee_id: number | null;
  /** The role the case is routed to (its pool while nobody is assigned); NULL before routing. */
  pool_role: string | null;
  opened_at: number;
  due_at: number | null;
  updated_at: number;
}

export interface ReviewFlagsTable {
  review_id: number;
  type: string;
  evidence: string;
  /** FlagParams (shared/contract/inbox-schemas.ts) as JSON. */
  params_json: Generated<string>;
  created_at: number;
}

export interface MonitorRulesTable {
  id: Generated<number>;
  name: string;
  keywords_json: string;
  levels_json: string;
  max_rating: number | null;
  enabled: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface CategoryRulesTable {
  id: Generated<number>;
  name: string;
  category: string;
  keywords_json: string;
  priority: number;
  enabled: Generated<number>;
  /** ProductFamily the words belong to; 'general' applies to every shop. */
  product_family: Generated<string>;
  created_at: number;
  updated_at: number;
}

/** A person's recategorisation kept as a labelled example (the learned model's training data). */
export interface ClassifyExamplesTable {
  id: Generated<number>;
  case_id: number | null;
  shop_id: number;
  text: string;
  follow_up_text: string | null;
  from_category: string;
  to_category: string;
  actor: string;
  at: number;
}

export interface AlertsTable {
  id: Generated<number>;
  review_id: number;
  rule_id: number | null;
  rule_name: string;
  matched_words_json: string;
  at: number;
  read_at: number | null;
  /** 'monitor' (a monitoring rule matched) or 'compliance_risk' (a buyer reports 好评返现: for the owner). */
  kind: Generated<string>;
}

export interface MappingPresetsTable {
  id: Generated<number>;
  name: string;
  platform: string | null;
  headers_json: string;
  created_at: number;
  updated_at: number;
}

export interface WatchedFilesTable {
  id: Generated<number>;
  path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
  import_id: number | null;
  outcome: string;
  message: string | null;
  taken_at: number;
}

/** A policy is a category plus an optional scope (a shop or a platform); its figures live in versions. */
export interface SlaPoliciesTable {
  id: Generated<number>;
  category: string;
  shop_id: number | null;
  platform: string | null;
  /** 1 for a category's default (from the playbook): it can be edited but never removed. */
  built_in: Generated<number>;
  current_version_id: number | null;
  /** Set instead of deleting: cases keep pointing at the versions of a removed policy. */
  removed_at: number | null;
  created_at: number;
}

/** Never edited: a case keeps the version that was in force when it opened. */
export interface SlaPolicyVersionsTable {
  id: Generated<number>;
  policy_id: number;
  version: number;
  first_response_minutes: number;
  resolution_minutes: number;
  owner_role: string;
  /** Percentages of the target at which to warn, as a JSON array. */
  warn_json: string;
  /** Roles to escalate to, in order, as a JSON array. */
  escalation_json: string;
  pause_reasons_json: string;
  business_hours: number;
  requires_appeal: number;
  created_at: number;
  created_by: string;
}

export interface SlaCalendarsTable {
  shop_id: number;
  calendar_json: string;
  updated_at: number;
}

/** One row per case: the policy version kept with it, lifecycle facts and the current pause. */
export interface CaseSlaTable {
  case_id: number;
  policy_version_id: number;
  started_at: number;
  first_response_at: number | null;
  outcome: string | null;
  paused_reason: string | null;
  paused_since: number | null;
}

/** The timers: absolute deadlines plus the planned points; next_fire_at drives the scheduler. */
export interface CaseSlaTargetsTable {
  case_id: number;
  /** 'first_response' or 'resolution'. */
  target: string;
  target_ms: number;
  business_hours: number;
  due_at: number | null;
  points_json: string;
  met_at: number | null;
  next_fire_at: number | null;
}

export interface SlaPausesTable {
  id: Generated<number>;
  case_id: number;
  reason: string;
  from_at: number;
  /** Null while the pause lasts. */
  to_at: number | null;
}

/** Each warning and breach point, fired once per case, target and point (a UNIQUE key). */
export interface SlaEventsTable {
  id: Generated<number>;
  case_id: number;
  target: string;
  point: string;
  percent: number | null;
  due_at: number;
  fired_at: number;
  late: number;
}

/** The SLA history of a case: opened, paused, resumed, transitions, policy changes, fired points. */
export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: number;
  kind: string;
  target: string | null;
  percent: number | null;
  due_at: number | null;
  late: Generated<number>;
  actor: string;
  detail: string | null;
}

/**
 * A notification is its kind + params; readers build the words in their language, title and body
 * keep the text of the moment as a fallback. Also the outbox of desktop delivery: delivered_at
 * null with held 0 is not yet delivered (retried), with held 1 it waits for quiet hours to end.
 */
export interface NotificationsTable {
  id: Generated<number>;
  kind: string;
  title: string;
  body: string;
  params_json: Generated<string>;
  route: string | null;
  case_id: number | null;
  urgent: number;
  sound: number;
  created_at: number;
  delivered_at: number | null;
  held: Generated<number>;
  read_at: number | null;
  group_key: string | null;
  alert_id: number | null;
}

export interface DB {
  shops: ShopsTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  evidence: EvidenceTable;
  evidence_links: EvidenceLinksTable;
  import_runs: ImportRunsTable;
  import_rejects: ImportRejectsTable;
  reviews: ReviewsTable;
  cases: CasesTable;
  review_flags: ReviewFlagsTable;
  monitor_rules: MonitorRulesTable;
  category_rules: CategoryRulesTable;
  classify_examples: ClassifyExamplesTable;
  alerts: AlertsTable;
  mapping_presets: MappingPresetsTable;
  watched_files: WatchedFilesTable;
  sla_policies: SlaPoliciesTable;
  sla_policy_versions: SlaPolicyVersionsTable;
  sla_calendars: SlaCalendarsTable;
  case_sla: CaseSlaTable;
  case_sla_targets: CaseSlaTargetsTable;
  sla_pauses: SlaPausesTable;
  sla_events: SlaEventsTable;
  case_events: CaseEventsTable;
  notifications: NotificationsTable;
}

