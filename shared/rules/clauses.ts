/**
 * A review cut into clauses, each with the weight its place in the sentence gives it. Contrast moves
 * the weight to what follows it (物流还行，就是客服回复太慢: the complaint is the service), and
 * 虽然… puts the concession down. Spans are offsets into the text that was split.
 */
export interface Clause {
  text: string;
  start: number;
  end: number;
  /** 1 plain; 1.5 after a contrast; 0.6 before one in the same sentence; 0.5 a 虽然 concession. */
  weight: number;
  /** Which sentence (split at 。！？ and new lines) the clause belongs to. */
  sentence: number;
  contrast: 'after' | 'before' | 'concession' | null;
}

export const contrastAfterWeight = 1.5;
export const contrastBeforeWeight = 0.6;
export const concessionWeight = 0.5;

const sentenceEnds = new Set([...'。！？!?\n；;']);
const clauseEnds = new Set([...'，,、：:~～… \t\r\u3000']);
const contrastHint = /但|可是|不过|然而/;
/** Contrast words that open a new clause wherever they stand. 但 alone, unless in 不但. */
const contrastInside = /但是|可是|不过|然而|(?<!不)但(?!是)/g;
/** Contrast words that count only at the start of a clause (就是 is also "just", 只是 "only"). */
const contrastAtStart = /^(?:但是|可是|不过|然而|但|就是|只是|却|偏偏)/;
const concessionAtStart = /^(?:虽然|虽说|尽管|虽)/;

/** Splits `text` into clauses at punctuation and contrast words, weighted for contrast. */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let sentence = 0;
  let start = 0;
  const push = (end: number) => {
    if (end > start) clauses.push({ text: text.slice(start, end), start, end, weight: 1, sentence, contrast: null });
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (sentenceEnds.has(char)) {
      push(i);
      start = i + 1;
      sentence++;
    } else if (clauseEnds.has(char)) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  // Cut again before contrast words inside a clause (物流还行但客服太慢).
  const cut: Clause[] = [];
  for (const clause of clauses) {
    if (!contrastHint.test(clause.text)) {
      cut.push(clause);
      continue;
    }
    let from = 0;
    for (const match of clause.text.matchAll(contrastInside)) {
      if (match.index === 0 || match.index === undefined) continue;
      cut.push({ ...clause, text: clause.text.slice(from, match.index), start: clause.start + from, end: clause.start + match.index });
      from = match.index;
    }
    cut.push({ ...clause, text: clause.text.slice(from), start: clause.start + from });
  }
  weigh(cut);
  return cut;
}

function weigh(clauses: Clause[]): void {
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] as Clause;
    if (concessionAtStart.test(clause.text)) {
      clause.weight = concessionWeight;
      clause.contrast = 'concession';
    } else if (contrastAtStart.test(clause.text)) {
      // This clause and the rest of its sentence weigh more; what came before in the sentence less.
      for (let j = i - 1; j >= 0 && (clauses[j] as Clause).sentence === clause.sentence; j--) {
        const before = clauses[j] as Clause;
        if (before.contrast === null) {
          before.weight = contrastBeforeWeight;
          before.contrast = 'before';
        }
      }
      for (let j = i; j < clauses.length && (clauses[j] as Clause).sentence === clause.sentence; j++) {
        const after = clauses[j] as Clause;
        after.weight = contrastAfterWeight;
        after.contrast = 'after';
      }
    }
  }
}

/** The clause holding offset `at` (clauses are in order and cover the text but its punctuation). */
export function clauseAt(clauses: readonly Clause[], at: number): Clause | undefined {
  let low = 0;
  let high = clauses.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const clause = clauses[middle] as Clause;
    if (at < clause.start) high = middle - 1;
    else if (at >= clause.end) low = middle + 1;
    else return clause;
  }
  return undefined;
}

/**
 * Negators standing right before a word, allowing the softeners between (不慢, 没坏, 没有异味, 不是很卡,
 * 一点也不卡, 并不难用). 不久/不到 are not negations of what follows, so the negator must end the prefix.
 */
const negatedPrefix = /(?:不|没|没有|无|未|并不|毫无|从不|从没|绝不|一点也不|一点都不|一点儿也不)(?:是|太|怎么|算|很|会|那么|算太|是很|是太|再|大|有|觉得|存在|任何|发现|出现|什么)?$/;

/** Whether the word at `index` of the clause text is negated by what stands just before it. */
export function isNegated(clauseText: string, index: number): boolean {
  return negatedPrefix.test(clauseText.slice(Math.max(0, index - 6), index));
}
