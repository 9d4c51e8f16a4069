import type { FlagParams } from '../contract/reviews';
import type { FlagType } from '../domain/reviews';
import { findPatterns, type PatternFinding } from './patterns';

export interface FlagFinding {
  type: FlagType;
  /** What raised it, in plain language, quoting the words: the fallback for `params`. */
  evidence: string;
  /** The same as data, for the UI's own sentence (text flags: `words` and their `spans`). */
  params: FlagParams;
}

const evidenceText: Record<PatternFinding['kind'], (words: string) => string> = {
  extortion: (words) => `评价以钱款为条件要挟删改评价「${words}」`,
  competitor: (words) => `评价者自称同行或职业差评「${words}」`,
  compliance_risk: (words) => `买家反映本店有好评返现「${words}」，平台会因此处罚店铺`,
};

/**
 * Flags that the words alone can raise (patterns.ts), one per kind with every matched span as its
 * evidence. Burst and same-device need the database (services/imports/pattern-flags.ts).
 * `patterns` may be passed when already found on the same haystack (ruleHaystack of the text).
 */
export function textFlags(text: string, followUpText: string | null, patterns?: readonly PatternFinding[]): FlagFinding[] {
  const found = patterns ?? findPatterns((followUpText ? `${text}\n${followUpText}` : text).toLowerCase());
  const findings: FlagFinding[] = [];
  for (const kind of ['extortion', 'competitor', 'compliance_risk'] as const) {
    const ofKind = found.filter((finding) => finding.kind === kind);
    if (ofKind.length === 0) continue;
    const words = ofKind.map((finding) => finding.text);
    findings.push({ type: kind, evidence: evidenceText[kind](words.join('」「')), params: { words, spans: ofKind.map((finding) => [finding.start, finding.end]) } });
  }
  return findings;
}
