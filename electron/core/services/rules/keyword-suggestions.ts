import type { CategoryRule, KeywordSuggestionItem } from '../../../../shared/contract';
import { listRecentCaseTexts, listRecentCorrections } from '../../../../db/queries/classify-examples';
import { listCategoryRules } from '../../../../db/queries/rules';
import { builtInExampleList } from '../../../../shared/rules/category-examples';
import { ruleHaystack } from '../../../../shared/rules/classify';
import { suggestKeywords } from '../../../../shared/rules/keyword-suggestions';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import type { ServiceDeps } from '../service-deps';

/** Corrections looked at: the recent ones, where a rule is most likely missing. */
const recentCorrections = 300;
/** Recent cases the keywords must be rare in. */
const backgroundCases = 3000;

/**
 * Keywords that would have caught recent corrections, each with the rule it would go into: the
 * enabled rule of that category that runs first (or none, and the screen offers a new rule).
 */
export async function keywordSuggestions(deps: ServiceDeps, limit = 12): Promise<{ suggestions: KeywordSuggestionItem[]; correctionCount: number }> {
  const corrections = listRecentCorrections(deps.sqlite, recentCorrections);
  const correctedCases = new Set(corrections.map((row) => row.caseId));
  const background = [
    // A corrected case is in the corrections already, with the category a person chose.
    ...listRecentCaseTexts(deps.sqlite, backgroundCases)
      .filter((row) => !correctedCases.has(row.caseId))
      .map((row) => ({ text: ruleHaystack(row.text, row.followUp), category: row.category })),
    ...builtInExampleList(),
  ];
  const rules = await listCategoryRules(deps.db);
  const ruleKeywords: Partial<Record<CaseCategory, string[]>> = {};
  for (const rule of rules) (ruleKeywords[rule.category] ??= []).push(...rule.keywords);
  const found = suggestKeywords({
    corrections: corrections.map((row) => ({ text: ruleHaystack(row.text, row.followUp), category: row.toCategory })),
    background,
    ruleKeywords,
    limit,
  });
  const target = (category: CaseCategory): CategoryRule | undefined =>
    rules.filter((rule) => rule.category === category && rule.enabled).sort((a, b) => a.priority - b.priority || a.id - b.id)[0];
  return {
    suggestions: found.map((item) => {
      const rule = target(item.category);
      return { ...item, ruleId: rule?.id ?? null, ruleName: rule?.name ?? null };
    }),
    correctionCount: corrections.length,
  };
}
