export type Delimiter = ',' | '\t' | ';' | '|';
const candidates: Delimiter[] = ['\t', ',', ';', '|'];

/** Counts a delimiter per line of the sample, outside quoted fields (which may span lines). */
function countsPerLine(sample: string, delimiter: string): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const char = sample[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === delimiter) count++;
    else if (!quoted && char === '\n') {
      counts.push(count);
      count = 0;
    }
  }
  // The last line of a sample is usually cut off; it is ignored unless it is the only one.
  if (counts.length === 0) counts.push(count);
  return counts.filter((_, index, all) => all.length === 1 || index < 20);
}

/**
 * The delimiter that splits the most lines into the same number of columns (more than one),
 * ignoring blank and title lines. Null when nothing does: the text is not a table.
 */
export function sniffDelimiter(sample: string): Delimiter | null {
  let best: { delimiter: Delimiter; score: number } | null = null;
  for (const delimiter of candidates) {
    const counts = countsPerLine(sample, delimiter).filter((count) => count > 0);
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [count, lines] of frequency) {
      const score = lines * 1000 + count;
      if (!best || score > best.score) best = { delimiter, score };
    }
  }
  return best?.delimiter ?? null;
}
