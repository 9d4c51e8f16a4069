import type { FlagParams } from '../contract/reviews';
import type { FlagType } from '../domain/reviews';

export interface FlagFinding {
  type: FlagType;
  /** What raised it, in plain language, quoting the words: the fallback for `params`. */
  evidence: string;
  /** The same as data, for the UI's own sentence (text flags: `words`). */
  params: FlagParams;
}

// Extortion: money or a refund demanded in exchange for removing or changing the review, or a
// threat of a bad review unless paid. Patterns allow a few characters between the parts because
// buyers write "返现就删评", "给我钱我就改好评", "不退款我就给差评".
const extortionPatterns: RegExp[] = [
  /返现.{0,4}删评/,
  /不(退款|退钱|赔偿|赔钱|补偿|给钱|处理).{0,6}(差评|投诉|曝光|一星)/,
  /(给钱|给我钱|赔钱|赔偿|补偿|返现|红包|退款).{0,6}(删评|删除评价|改评|改好评|追加好评|改成好评|就改)/,
  /(差评|一星).{0,6}(除非|直到).{0,6}(退款|赔偿|给钱|补偿)/,
];

const competitorPatterns: RegExp[] = [/同行/, /别家/, /隔壁(家|店)/, /竞争对手/, /友商/, /对家/];

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

/** Flags that the words alone can raise. Burst and same-device need the database (pattern-flags.ts). */
export function textFlags(text: string, followUpText: string | null): FlagFinding[] {
  const haystack = followUpText ? `${text}\n${followUpText}` : text;
  const findings: FlagFinding[] = [];
  const extortion = firstMatch(haystack, extortionPatterns);
  if (extortion) findings.push({ type: 'extortion', evidence: `评价中有索要钱款的字眼「${extortion}」`, params: { words: [extortion] } });
  const competitor = firstMatch(haystack, competitorPatterns);
  if (competitor) findings.push({ type: 'competitor', evidence: `评价中提到同行「${competitor}」`, params: { words: [competitor] } });
  return findings;
}
