import type { SlaPolicy } from '../../../../shared/contract';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import type { StaffRole } from '../../../../shared/domain/roles';
import type { PauseReason } from '../../../../shared/domain/sla';
import type { Sqlite } from '../../../../db/connection';
import { fallbackVersionId, findScopedVersionId, selectVersion, type VersionRow } from '../../../../db/queries/sla-policies';

export function toPolicy(row: VersionRow, openCases: number): SlaPolicy {
  return {
    id: row.policyId,
    version: row.version,
    versionId: row.versionId,
    current: row.current === 1,
    builtIn: row.builtIn === 1,
    category: row.category,
    shopId: row.shopId,
    platform: row.platform as SlaPolicy['platform'],
    firstResponseMinutes: row.firstResponseMinutes,
    resolutionMinutes: row.resolutionMinutes,
    ownerRole: row.ownerRole,
    warnAtPercents: JSON.parse(row.warnJson) as number[],
    escalation: JSON.parse(row.escalationJson) as StaffRole[],
    pauseReasons: JSON.parse(row.pauseReasonsJson) as PauseReason[],
    businessHours: row.businessHours === 1,
    requiresAppeal: row.requiresAppeal === 1,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    openCases,
  };
}

/**
 * Policy versions as the timers read them. A version's targets, warnings and hours never change
 * once written (an edit makes a new version), so the hot paths (opening timers for every imported
 * case, recompute) read them from memory. Only `current` moves: use `row` where it matters.
 */
export class PolicyVersions {
  private readonly terms = new Map<number, VersionRow>();

  constructor(private readonly sqlite: Sqlite) {}

  termsOf(versionId: number): VersionRow {
    let row = this.terms.get(versionId);
    if (!row) {
      row = this.row(versionId);
      this.terms.set(versionId, row);
    }
    return row;
  }

  /** The version as stored now (its `current` flag included). */
  row(versionId: number): VersionRow {
    return selectVersion(this.sqlite, versionId);
  }

  /** The current version for a case's category and scope: shop override, then platform, then the category default. */
  currentFor(category: CaseCategory, shopId: number, platform: string): number {
    return findScopedVersionId(this.sqlite, category, shopId, platform) ?? fallbackVersionId(this.sqlite);
  }
}
