import type { CaseCategory, FlagType, ReviewLevel, Severity } from '../domain/reviews';

/** Words that mean the buyer is taking it outside the platform: a regulator, the press, a lawyer. */
const escalationWords = ['12315', '投诉', '曝光', '工商', '律师', '起诉', '消协', '媒体'];

/**
 * How urgent a case is when it opens. critical: extortion or an outside escalation; high: a
 * 1-star review or a bad one about quality, a wrong item or malice; medium: other bad reviews;
 * low: neutral ones.
 */
export function caseSeverity(input: {
  level: ReviewLevel;
  rating: number | null;
  category: CaseCategory;
  flags: readonly FlagType[];
  haystack: string;
}): Severity {
  if (input.flags.includes('extortion') || escalationWords.some((word) => input.haystack.includes(word))) return 'critical';
  if (input.level !== 'bad') return 'low';
  if (input.rating === 1 || input.category === 'quality' || input.category === 'wrong_item' || input.category === 'malicious') return 'high';
  return 'medium';
}
