/**
 * Extortion, competitor claims and cash-for-review reports as patterns over a sentence, not as
 * fixed phrases. Each finding keeps its span (offsets into the text given) as the evidence.
 */
export type PatternKind = 'extortion' | 'competitor' | 'compliance_risk';

export interface PatternFinding {
  kind: PatternKind;
  /** The matched words, as the buyer wrote them. */
  text: string;
  start: number;
  end: number;
}

// Money or a reward: 返现, 红包, 转账, 20元, 50块, 赔, 补偿, 钱.
const money = String.raw`(?:返现|红包|转账|转钱|[赔补]偿|赔钱|赔我|给钱|[0-9０-９一二两三四五六七八九十百千]+\s*(?:块|元|rmb)|(?<![价值])钱)`;
// What the buyer does to the review in exchange: write, delete or change it.
const reviewChange = String.raw`(?:删评|删除评价|删掉评价|删差评|删了评价|改评|改好评|改成好评|追评|追加|差评|好评|一星|五星|曝光)`;
// The condition binding the two: 就, 才, 不然, 否则, 除非, 要不(然).
const gap = (n: number) => `[^。！？!?\\n]{0,${n}}`;
const tight = (n: number) => `[^。！？!?\\n，,；;]{0,${n}}`;

const extortionPatterns: RegExp[] = [
  // (不)给我返现20元我就天天来差评 · 转50块钱我就删评 · 如果给我红包我就改好评
  new RegExp(`${money}${gap(8)}(?:我就|我才|就|才)${tight(5)}${reviewChange}`, 'gu'),
  // 赔我100块，否则追评曝光 · 补偿200元，要不差评不会删 · 转50块钱…不然这个差评一直挂着
  new RegExp(`${money}${gap(10)}(?:不然|否则|要不然|要不|要么)${gap(6)}${reviewChange}`, 'gu'),
  // 差评我不会删，除非赔我200元 · 一星挂着直到给钱为止
  new RegExp(`${reviewChange}${gap(12)}(?:除非|直到|等你)${tight(6)}${money}`, 'gu'),
  // 返现删评 · 给钱改好评: the trade written without a condition word
  new RegExp(`${money}${tight(2)}(?:删评|删除评价|改评|改好评|改成好评)`, 'gu'),
  // 差评，除非你全额退款: 除非 binds a refund too
  new RegExp(`${reviewChange}${gap(12)}(?:除非|直到)${tight(6)}(?:退款|退钱)`, 'gu'),
  // 不退款/不赔钱/不给钱就差评 (the old wording, kept)
  new RegExp(`不(?:退款|退钱|赔偿|赔钱|补偿|给钱|给我钱)${tight(6)}(?:差评|投诉|曝光|一星)`, 'gu'),
];

// A claim that the writer is a competitor or a professional reviewer; a mention of another shop
// (比别家便宜, 隔壁家的更好) is not.
const competitorPatterns: RegExp[] = [
  /(?:我|我们|本人|俺|老子)(?:就|也|可)?是.{0,4}同行/gu,
  /作为同行|同行(?:来|派来|故意|专门)?(?:刷|黑|踩|搞|整)/gu,
  /职业(?:差评|打假)|差评师|(?:竞争对手|友商|对家)(?:派|雇|请)/gu,
];

// The shop's own offer of cash for a good review, reported by a buyer (好评返现, 五星好评返5元): the
// review word comes first and the reward after it, the shape of an offer, where a buyer's demand
// puts the money first (返现…我就…差评).
const cashForReview = String.raw`(?:(?:好评|五星|晒图|评价|带图)${tight(4)}(?:返现|返[0-9０-９一二两三四五六七八九十]+|返钱|返红包|送红包|红包|给钱|返[\s]*[0-9]+)|返现(?:好评|五星))`;
const cashForReviewPattern = new RegExp(cashForReview, 'gu');

/** Every pattern needs one of these (money, a review word, a competitor word): the cheap first look. */
const moneyHint = /返|红包|转|偿|赔|钱|块|元|rmb|退款|退钱/u;
const reviewHint = /评|星|曝光|追加/u;
const deniedBefore = /(?:不是|并不是|并非|绝不是|不)(?:因为|为了|图)[^，,。！？]{0,6}$/u;
const competitorHint = /同行|职业|差评师|竞争对手|友商|对家/u;

function findAll(text: string, patterns: readonly RegExp[], kind: PatternKind): PatternFinding[] {
  const found: PatternFinding[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      found.push({ kind, text: match[0], start, end: start + match[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The sentence (between 。！？ and new lines) around `at`. */
function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at).search(/[^。！？!?\n]*$/);
  const afterEnd = text.slice(at).search(/[。！？!?\n]/);
  return text.slice(before, afterEnd === -1 ? text.length : at + afterEnd);
}

/**
 * Every extortion, competitor and cash-for-review finding in `text`. A sentence that reports the
 * shop's offer (商家…好评返现) is a compliance risk for the owner, and not extortion by the buyer,
 * unless the buyer also binds money to the review with a condition of their own (我就…).
 */
export function findPatterns(text: string): PatternFinding[] {
  // Most reviews hold none of the words: a cheap look first keeps the import's hot path fast.
  const hasMoney = moneyHint.test(text);
  const hasReview = reviewHint.test(text);
  const hasCompetitor = competitorHint.test(text);
  if (!(hasMoney && hasReview) && !hasCompetitor) return [];
  const compliance = hasMoney && hasReview ? findAll(text, [cashForReviewPattern], 'compliance_risk') : [];
  const reported = new Set(compliance.map((finding) => sentenceAround(text, finding.start)));
  const extortion = (hasMoney && hasReview ? findAll(text, extortionPatterns, 'extortion') : []).filter((finding) => {
    const sentence = sentenceAround(text, finding.start);
    // 不是因为返现才好评 / 不是为了那80块钱就给差评: the buyer denies the trade.
    if (deniedBefore.test(text.slice(Math.max(0, finding.start - 10), finding.start))) return false;
    return !reported.has(sentence) || /我就|我才|不然|否则|除非/.test(finding.text);
  });
  return [...dedupe(extortion), ...dedupe(hasCompetitor ? findAll(text, competitorPatterns, 'competitor') : []), ...dedupe(compliance)];
}

/** Overlapping findings of one kind are one piece of evidence: keep the first (then longest). */
function dedupe(findings: PatternFinding[]): PatternFinding[] {
  const kept: PatternFinding[] = [];
  for (const finding of findings.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept.at(-1);
    if (last && finding.start < last.end) {
      continue;
    }
    kept.push({ ...finding });
  }
  return kept;
}
