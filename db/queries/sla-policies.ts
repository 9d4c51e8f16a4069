import type { CaseCategory, CaseStatus } from '../../shared/domain/reviews';
import type { StaffRole } from '../../shared/domain/roles';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/**
 * SLA policies, their versions and the shops' work calendars. Synchronous statements through the
 * connection's cache: they run inside the transactions that recompute timers.
 */

/** A policy version joined with its policy; JSON columns as stored. */
export interface VersionRow {
  versionId: number;
  policyId: number;
  version: number;
  category: CaseCategory;
  shopId: number | null;
  platform: string | null;
  builtIn: number;
  current: number;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  ownerRole: StaffRole;
  warnJson: string;
  escalationJson: string;
  pauseReasonsJson: string;
  businessHours: number;
  requiresAppeal: number;
  createdAt: number;
  createdBy: string;
}

export interface NewPolicyVersion {
  policyId: number;
  version: number;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  ownerRole: StaffRole;
  warnAtPercents: readonly number[];
  escalation: readonly StaffRole[];
  pauseReasons: readonly string[];
  businessHours: boolean;
  requiresAppeal: boolean;
  createdAt: number;
  createdBy: string;
}

/** An open case with what decides its policy: category and scope. */
export interface CaseScopeRow {
  id: number;
  category: CaseCategory;
  shopId: number;
  platform: string;
  versionId: number;
}

const versionColumns = `v.id AS versionId, p.id AS policyId, v.version, p.category, p.shop_id AS shopId, p.platform,
  p.built_in AS builtIn, (p.current_version_id = v.id AND p.removed_at IS NULL) AS current,
  v.first_response_minutes AS firstResponseMinutes, v.resolution_minutes AS resolutionMinutes, v.owner_role AS ownerRole,
  v.warn_json AS warnJson, v.escalation_json AS escalationJson, v.pause_reasons_json AS pauseReasonsJson,
  v.business_hours AS businessHours, v.requires_appeal AS requiresAppeal, v.created_at AS createdAt, v.created_by AS createdBy`;

const versionsFrom = 'FROM sla_policy_versions v JOIN sla_policies p ON p.id = v.policy_id';

export function selectVersion(sqlite: Sqlite, versionId: number): VersionRow {
  return prepareCached(sqlite, `SELECT ${versionColumns} ${versionsFrom} WHERE v.id = ?`).get(versionId) as VersionRow;
}

/** Current versions (or every version, newest first within a policy), defaults before overrides. */
export function listVersions(sqlite: Sqlite, includeHistory: boolean): VersionRow[] {
  return prepareCached(
    sqlite,
    `SELECT ${versionColumns} ${versionsFrom}
     ${includeHistory ? '' : 'WHERE p.current_version_id = v.id AND p.removed_at IS NULL'}
     ORDER BY p.category, p.shop_id IS NOT NULL, p.platform IS NOT NULL, p.id, v.version DESC`,
  ).all() as VersionRow[];
}

/** Open cases per policy version. */
export function countOpenCasesPerVersion(sqlite: Sqlite): Map<number, number> {
  const rows = prepareCached(
    sqlite,
    "SELECT s.policy_version_id AS v, count(*) AS n FROM case_sla s JOIN cases c ON c.id = s.case_id WHERE c.status <> 'closed' GROUP BY 1",
  ).all() as { v: number; n: number }[];
  return new Map(rows.map((row) => [row.v, row.n]));
}

export function countOpenCasesOnVersion(sqlite: Sqlite, versionId: number): number {
  const row = prepareCached(
    sqlite,
    "SELECT count(*) AS n FROM case_sla s JOIN cases c ON c.id = s.case_id WHERE s.policy_version_id = ? AND c.status <> 'closed'",
  ).get(versionId) as { n: number };
  return row.n;
}

/** The current version of the most specific policy for the scope: shop override, then platform, then the category default. */
export function findScopedVersionId(sqlite: Sqlite, category: CaseCategory, shopId: number, platform: string): number | undefined {
  const row = prepareCached(
    sqlite,
    `SELECT current_version_id AS v FROM sla_policies WHERE category = ? AND removed_at IS NULL
       AND (shop_id IS NULL OR shop_id = ?) AND (platform IS NULL OR platform = ?)
     ORDER BY shop_id IS NULL, platform IS NULL LIMIT 1`,
  ).get(category, shopId, platform) as { v: number } | undefined;
  return row?.v;
}

/** The built-in default of 'other', for a category with no policy at all. */
export function fallbackVersionId(sqlite: Sqlite): number {
  return (prepareCached(sqlite, "SELECT current_version_id AS v FROM sla_policies WHERE category = 'other' AND built_in = 1").get() as { v: number }).v;
}

/** A policy that is not removed, with its scope and its latest version number. */
export function findLivePolicy(sqlite: Sqlite, policyId: number) {
  return prepareCached(
    sqlite,
    'SELECT p.id, p.category, p.shop_id AS shopId, p.platform, (SELECT max(version) FROM sla_policy_versions WHERE policy_id = p.id) AS version FROM sla_policies p WHERE p.id = ? AND p.removed_at IS NULL',
  ).get(policyId) as { id: number; category: string; shopId: number | null; platform: string | null; version: number } | undefined;
}

export function policyExistsInScope(sqlite: Sqlite, category: CaseCategory, shopId: number | null, platform: string | null): boolean {
  return (
    prepareCached(
      sqlite,
      "SELECT id FROM sla_policies WHERE category = ? AND ifnull(shop_id, 0) = ifnull(?, 0) AND ifnull(platform, '') = ifnull(?, '') AND removed_at IS NULL",
    ).get(category, shopId, platform) !== undefined
  );
}

export function insertPolicy(sqlite: Sqlite, values: { category: CaseCategory; shopId: number | null; platform: string | null; createdAt: number }): number {
  const result = prepareCached(sqlite, 'INSERT INTO sla_policies (category, shop_id, platform, built_in, created_at) VALUES (?, ?, ?, 0, ?)').run(
    values.category,
    values.shopId,
    values.platform,
    values.createdAt,
  );
  return Number(result.lastInsertRowid);
}

export function insertPolicyVersion(sqlite: Sqlite, values: NewPolicyVersion): number {
  const result = prepareCached(
    sqlite,
    `INSERT INTO sla_policy_versions (policy_id, version, first_response_minutes, resolution_minutes, owner_role, warn_json, escalation_json,
       pause_reasons_json, business_hours, requires_appeal, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    values.policyId,
    values.version,
    values.firstResponseMinutes,
    values.resolutionMinutes,
    values.ownerRole,
    JSON.stringify(values.warnAtPercents),
    JSON.stringify(values.escalation),
    JSON.stringify(values.pauseReasons),
    values.businessHours ? 1 : 0,
    values.requiresAppeal ? 1 : 0,
    values.createdAt,
    values.createdBy,
  );
  return Number(result.lastInsertRowid);
}

export function setCurrentVersion(sqlite: Sqlite, policyId: number, versionId: number): void {
  prepareCached(sqlite, 'UPDATE sla_policies SET current_version_id = ? WHERE id = ?').run(versionId, policyId);
}

/** Whether a live policy is a built-in category default; undefined when there is no such live policy. */
export function findLivePolicyBuiltIn(sqlite: Sqlite, policyId: number): boolean | undefined {
  const row = prepareCached(sqlite, 'SELECT built_in AS builtIn FROM sla_policies WHERE id = ? AND removed_at IS NULL').get(policyId) as { builtIn: number } | undefined;
  return row ? row.builtIn === 1 : undefined;
}

export function markPolicyRemoved(sqlite: Sqlite, policyId: number, at: number): void {
  prepareCached(sqlite, 'UPDATE sla_policies SET removed_at = ? WHERE id = ?').run(at, policyId);
}

/** Every open case with timers, with its scope and the version it runs on. */
export function listOpenCaseScopes(sqlite: Sqlite): CaseScopeRow[] {
  return prepareCached(
    sqlite,
    `SELECT c.id, c.category, c.shop_id AS shopId, sh.platform, s.policy_version_id AS versionId FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN shops sh ON sh.id = c.shop_id WHERE c.status <> 'closed'`,
  ).all() as CaseScopeRow[];
}

/** One case with timers: its scope, status and version (undefined when it has no timers yet). */
export function findCaseScope(sqlite: Sqlite, caseId: number) {
  return prepareCached(
    sqlite,
    `SELECT c.category, c.shop_id AS shopId, sh.platform, c.status, s.policy_version_id AS versionId, c.needs_review AS needsReview,
       json_extract(c.category_explanation_json, '$.guesses') AS guesses
     FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN shops sh ON sh.id = c.shop_id WHERE c.id = ?`,
  ).get(caseId) as
    | { category: CaseCategory; shopId: number; platform: string; status: CaseStatus; versionId: number; needsReview: number; guesses: string | null }
    | undefined;
}

export function setCaseVersion(sqlite: Sqlite, caseId: number, versionId: number): void {
  prepareCached(sqlite, 'UPDATE case_sla SET policy_version_id = ? WHERE case_id = ?').run(versionId, caseId);
}

// ── calendars ─────────────────────────────────────────────────────────────────────────────

export function shopExists(sqlite: Sqlite, shopId: number): boolean {
  return prepareCached(sqlite, 'SELECT 1 FROM shops WHERE id = ?').get(shopId) !== undefined;
}

/** A shop's saved calendar as stored (JSON), or undefined when it has none. */
export function findCalendar(sqlite: Sqlite, shopId: number) {
  return prepareCached(sqlite, 'SELECT calendar_json AS json, updated_at AS updatedAt FROM sla_calendars WHERE shop_id = ?').get(shopId) as
    | { json: string; updatedAt: number }
    | undefined;
}

export function saveCalendarJson(sqlite: Sqlite, shopId: number, calendar: unknown, at: number): void {
  prepareCached(
    sqlite,
    'INSERT INTO sla_calendars (shop_id, calendar_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (shop_id) DO UPDATE SET calendar_json = excluded.calendar_json, updated_at = excluded.updated_at',
  ).run(shopId, JSON.stringify(calendar), at);
}

export function deleteCalendar(sqlite: Sqlite, shopId: number): void {
  prepareCached(sqlite, 'DELETE FROM sla_calendars WHERE shop_id = ?').run(shopId);
}

export function listOpenCaseIdsOfShop(sqlite: Sqlite, shopId: number): number[] {
  return (prepareCached(sqlite, "SELECT id FROM cases WHERE shop_id = ? AND status <> 'closed'").all(shopId) as { id: number }[]).map((row) => row.id);
}
