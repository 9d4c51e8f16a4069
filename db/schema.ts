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

export interface DB {
  shops: ShopsTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}
