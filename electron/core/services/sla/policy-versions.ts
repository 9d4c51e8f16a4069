import type { SlaPolicy } from '../../../../shared/contract';
import { caseCategories, type CaseCategory } from '../../../../shared/domain/reviews';
import type { StaffRole } from '../../../../shared/domain/roles';
import type { PauseReason } from '../../../../shared/domain/sla';
import type { Sqlite } from '../../../../db/connection';
import { fallbackVersionId, findScopedVersionId, selectVersion, type VersionRow } from '../../../../db/queries/sla-policies';

function parseGuesses(json: string | null): CaseCategory[] {
  if (json === null) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((value): value is CaseCategory => (caseCategories as readonly unknown[]).includes(value)) : [];
}

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

  /**
   * The current version for a case as it stands: its category's, or, while it waits in the
   * needs-review queue, the strictest of its guesses' (the shortest first response, then the
   * shortest resolution), so the first-response clock runs as it would for the worst candidate.
   */
  currentForCase(scope: { category: CaseCategory; needsReview: number; guesses: string | null; shopId: number; platform: string }): number {
    const guesses = scope.needsReview === 1 ? parseGuesses(scope.guesses) : [];
    if (guesses.length === 0) return this.currentFor(scope.category, scope.shopId, scope.platform);
    let best: { id: number; first: number; resolution: number } | null = null;
    for (const category of guesses) {
      const id = this.currentFor(category, scope.shopId, scope.platform);
      const terms = this.termsOf(id);
      if (!best || terms.firstResponseMinutes < best.first || (terms.firstResponseMinutes === best.first && terms.resolutionMinutes < best.resolution)) {
        best = { id, first: terms.firstResponseMinutes, resolution: terms.resolutionMinutes };
      }
    }
    return (best as { id: number }).id;
  }
}
