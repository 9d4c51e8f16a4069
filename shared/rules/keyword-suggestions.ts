import type { CaseCategory } from '../domain/reviews';

export interface KeywordSuggestion {
  category: CaseCategory;
  keyword: string;
  /** Corrections to `category` whose text holds the keyword: what the keyword would have caught. */
  catches: number;
  /** Corrections to `category` looked at. */
  corrections: number;
  /** Share of texts of other categories that hold it (0–1): how often it would misfire. */
  elsewhere: number;
}

/** Characters that make no keyword on their own or at a keyword's edge (particles, pronouns, 很/太/都). */
const weakChars = new Set(Array.from('的了是我你他她它们就也都很还太有在这那个吗呢吧啊呀哦么和与及又再才没不给被把让跟说到'));
const wordRun = /[\p{Script=Han}a-z0-9]+/gu;

/** Candidate keywords of a text: distinct 2–4-character runs without a weak character at either end and not all digits. */
export function keywordCandidates(text: string): Set<string> {
  const found = new Set<string>();
  for (const [run] of text.toLowerCase().matchAll(wordRun)) {
    const chars = Array.from(run);
    for (let start = 0; start < chars.length; start++) {
      for (let size = 2; size <= 4 && start + size <= chars.length; size++) {
        const gram = chars.slice(start, start + size);
        if (weakChars.has(gram[0] as string) || weakChars.has(gram[size - 1] as string)) continue;
        const word = gram.join('');
        if (/^[0-9]+$/.test(word)) continue;
        found.add(word);
      }
    }
  }
  return found;
}

export interface SuggestionInput {
  /** Recent corrections: the text a person recategorised and the category they chose. */
  corrections: readonly { text: string; category: CaseCategory }[];
  /** Texts of known category (recent cases) to measure how rare a keyword is elsewhere. */
  background: readonly { text: string; category: CaseCategory }[];
  /** Keywords rules already have, per category: a suggestion overlapping one is not new. */
  ruleKeywords: Partial<Record<CaseCategory, readonly string[]>>;
  /** At most this many per category (default 3) and overall (default 12). */
  perCategory?: number;
  limit?: number;
}

/** A keyword must be in at least this many corrections, and this share of them. */
const minCatches = 2;
const minShare = 0.15;
/** And in at most this share of other categories' texts. */
const maxElsewhere = 0.03;

/**
 * Keywords that would have caught recent corrections: frequent in the texts corrected to a
 * category, rare in texts of other categories, and not already (or inside) a rule's keyword of
 * that category. A shorter keyword that catches as much wins over its longer forms.
 */
export function suggestKeywords(input: SuggestionInput): KeywordSuggestion[] {
  const perCategory = input.perCategory ?? 3;
  const byCategory = new Map<CaseCategory, Set<string>[]>();
  for (const correction of input.corrections) {
    const list = byCategory.get(correction.category) ?? [];
    list.push(keywordCandidates(correction.text));
    byCategory.set(correction.category, list);
  }
  const backgroundSets = input.background.map((item) => ({ category: item.category, text: item.text.toLowerCase() }));
  const suggestions: KeywordSuggestion[] = [];
  for (const [category, sets] of byCategory) {
    const counts = new Map<string, number>();
    for (const set of sets) for (const word of set) counts.set(word, (counts.get(word) ?? 0) + 1);
    const existing = (input.ruleKeywords[category] ?? []).map((word) => word.toLowerCase()).filter(Boolean);
    const others = backgroundSets.filter((item) => item.category !== category);
    const otherCorrections = input.corrections.filter((item) => item.category !== category).map((item) => item.text.toLowerCase());
    const elsewhereTexts = [...others.map((item) => item.text), ...otherCorrections];
    const candidates = [...counts.entries()]
      .filter(([, catches]) => catches >= minCatches && catches >= minShare * sets.length)
      .filter(([word]) => !existing.some((keyword) => word.includes(keyword) || keyword.includes(word)))
      .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]));
    const chosen: KeywordSuggestion[] = [];
    for (const [keyword, catches] of candidates) {
      if (chosen.length >= perCategory) break;
      // A longer form of a chosen keyword catches nothing more.
      if (chosen.some((picked) => keyword.includes(picked.keyword))) continue;
      const hits = elsewhereTexts.reduce((sum, text) => sum + (text.includes(keyword) ? 1 : 0), 0);
      const elsewhere = elsewhereTexts.length === 0 ? 0 : hits / elsewhereTexts.length;
      if (elsewhere > maxElsewhere) continue;
      chosen.push({ category, keyword, catches, corrections: sets.length, elsewhere });
    }
    suggestions.push(...chosen);
  }
  return suggestions.sort((a, b) => b.catches - a.catches || a.elsewhere - b.elsewhere).slice(0, input.limit ?? 12);
}
