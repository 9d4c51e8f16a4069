// Prints the sample's rows with their texts to the terminal, for labelling (texts never go into the repo).
// npx tsx bench/classify/print-sample.ts --corpus /path/to/corpus [--per-type 80] [--type 手机]
import { corpusDir, pickSample, readCorpus } from './corpus';

const argv = process.argv;
const perType = Number(argv[argv.indexOf('--per-type') + 1]) || 80;
const onlyType = argv.includes('--type') ? argv[argv.indexOf('--type') + 1] : undefined;
const rows = readCorpus(corpusDir(argv));
const byRow = new Map(rows.map((row) => [row.row, row]));
for (const pick of pickSample(rows, perType)) {
  if (onlyType && pick.cat !== onlyType) continue;
  console.log(`${pick.row}\t${pick.cat}\t${pick.position}\t${byRow.get(pick.row)?.text.replace(/\s+/g, ' ')}`);
}
