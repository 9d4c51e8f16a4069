import { bulkMatchingBatch, bulkMatchingMax, type ReviewFilters } from '../../../../shared/contract';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import { countMatchingCases, matchingCaseIds } from '../../../../db/queries/reviews';
import { AppError } from '../../errors';
import type { Services } from '../index';

/*
 * Bulk changes over a filter ("select all N matching"): the cases are found again on the server,
 * in batches by case id, up to the newest case id the person saw counted, and each batch goes
 * through the same CasesService method (rules, audit, SLA) as a change by ticked ids.
 */

interface Range {
  filters: ReviewFilters;
  upTo: number;
  after?: number;
}

export function countMatching(services: Services, filters: ReviewFilters = {}) {
  return { ...countMatchingCases(services.deps.sqlite, filters), max: bulkMatchingMax };
}

function nextBatch(services: Services, range: Range): number[] {
  if (range.after === undefined) {
    const { cases } = countMatchingCases(services.deps.sqlite, range.filters, range.upTo);
    if (cases > bulkMatchingMax) {
      throw new AppError('VALIDATION', `${cases} cases match; at most ${bulkMatchingMax} change at once. Narrow the filter.`, {
        issues: [{ path: 'filters', reason: 'too_many', message: `At most ${bulkMatchingMax} cases.` }],
      });
    }
  }
  return matchingCaseIds(services.deps.sqlite, range.filters, { after: range.after ?? 0, upTo: range.upTo }, bulkMatchingBatch);
}

function result(ids: number[], updated: number) {
  return { processed: ids.length, updated, next: ids.length === bulkMatchingBatch ? ids.at(-1)! : null };
}

export function assignMatching(services: Services, input: Range & { assigneeId: number | null }, actor: string) {
  const ids = nextBatch(services, input);
  return result(ids, ids.length === 0 ? 0 : services.cases.assign(ids, input.assigneeId, actor).updated);
}

export function recategorizeMatching(services: Services, input: Range & { category: CaseCategory }, actor: string) {
  const ids = nextBatch(services, input);
  return result(ids, ids.length === 0 ? 0 : services.cases.recategorize(ids, input.category, actor).updated);
}
