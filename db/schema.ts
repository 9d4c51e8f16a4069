import type { Generated } from 'kysely';

/** Kysely table types. Column names are the SQL ones (snake_case); query functions map to the API shapes. */
export interface ShopsTable {
  id: Generated<number>;
  platform: string;
  name: string;
  created_at: number;
  updated_at: number;
}

export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: string;
  /** 1 active, 0 deactivated (staff are never deleted: cases and audit entries point at them). */
  active: number;
  created_at: number;
  updated_at: number;
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
  source: string;
  tags_json: string;
  notes: string;
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
  severity: string;
  assignee_id: number | null;
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
  created_at: number;
  updated_at: number;
}

export interface AlertsTable {
  id: Generated<number>;
  review_id: number;
  rule_id: number | null;
  rule_name: string;
  matched_words_json: string;
  at: number;
  read_at: number | null;
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
  alerts: AlertsTable;
  mapping_presets: MappingPresetsTable;
  watched_files: WatchedFilesTable;
}
