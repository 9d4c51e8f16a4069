import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseCategories, type CaseCategory } from '../../shared/domain/reviews';

export interface LabelRow {
  row: number;
  product: string;
  primary: CaseCategory;
  secondary: CaseCategory[];
  flags: 'none' | 'extortion' | 'competitor';
  split: 'dev' | 'heldout';
}

const labelsFile = fileURLToPath(new URL('./labels.csv', import.meta.url));

function category(value: string, line: number): CaseCategory {
  if (!(caseCategories as readonly string[]).includes(value)) throw new Error(`labels.csv line ${line}: unknown category "${value}"`);
  return value as CaseCategory;
}

/** labels.csv (row, product, primary, secondary `;`-separated, flags, split), checked as it is read. */
export function readLabels(file = labelsFile): LabelRow[] {
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((line, index) => {
    const [row, product, primary, secondary, flags, split] = line.split(',');
    const at = index + 2;
    if (split !== 'dev' && split !== 'heldout') throw new Error(`labels.csv line ${at}: split must be dev or heldout`);
    if (flags !== 'none' && flags !== 'extortion' && flags !== 'competitor') throw new Error(`labels.csv line ${at}: unknown flags "${flags}"`);
    return {
      row: Number(row),
      product: product ?? '',
      primary: category(primary ?? '', at),
      secondary: (secondary ?? '').split(';').filter(Boolean).map((value) => category(value, at)),
      flags,
      split,
    };
  });
}
