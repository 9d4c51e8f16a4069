import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore } from '../electron/core/core';
import { RecordingPlatform } from '../electron/core/platform';
import type { ReviewDraft } from '../electron/core/services/imports/map-row';
import { prepareReview, type RuleSet } from '../electron/core/services/imports/prepare-review';
import { builtInExampleList } from '../shared/rules/category-examples';
import { ruleHaystack } from '../shared/rules/classify';
import { topCategory, trainNgramModel, type NgramModel } from '../shared/rules/ngram-model';
import { corpusDir, corpusExists, readCorpus } from './classify/corpus';
import { flagCases } from './classify/extortion-cases';
import { readLabels } from './classify/labels';
import { confusionLines, perCategoryLines, summarise, summaryLine, topConfusionLines, type Scored } from './classify/score';
import type { Bench, BenchResult, Report } from './run';

export const classifyBench: Bench = { name: 'classify', title: 'classification on the labelled sample of real reviews', run: runClassifyBench };

/** A row as the importer maps it from a Taobao export: a 差评 with its text, nothing else known. */
function draftOf(rowNumber: number, text: string, product: string | null): ReviewDraft {
  return {
    rowNumber,
    platformReviewId: null,
    orderNo: null,
    product,
    sku: null,
    rating: 1,
    level: 'bad',
    text,
    followUpText: null,
    imagesCount: 0,
    buyerNick: null,
    buyerIp: null,
    deviceId: null,
    postedAt: Date.UTC(2026, 10, 24, 1, 30),
  };
}

/** The default rules exactly as a fresh data folder has them, read the way an import reads them. */
async function defaultRuleSet(): Promise<RuleSet> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reviewdesk-bench-classify-'));
  try {
    const core = await startCore({ dataDir, platform: new RecordingPlatform(), version: 'bench', validateOutput: false, background: false, log: () => {} });
    try {
      // The learned model trained as at start, so a rule set that carries it (the scorer) has it.
      await core.services!.classifier.ready();
      return await core.services!.rules.ruleSet();
    } finally {
      await core.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function scoreWithImport(rows: { label: ReturnType<typeof readLabels>[number]; text: string }[], rules: RuleSet): Scored[] {
  return rows.map(({ label, text }) => {
    const prepared = prepareReview(draftOf(label.row, text, label.product), rules);
    const decision = prepared.opensCase!.decision;
    return {
      label,
      text,
      decided: decision.category,
      flags: prepared.flags.map((flag) => flag.type),
      why: decision.ruleName ? `${decision.ruleName}: ${decision.matchedWords.join('、')}` : '',
    };
  });
}

function scoreWithModel(rows: { label: ReturnType<typeof readLabels>[number]; text: string }[], model: NgramModel): Scored[] {
  return rows.map(({ label, text }) => {
    const haystack = ruleHaystack(text, null);
    const top = topCategory(model, haystack);
    return { label, text, decided: top?.category ?? 'other', flags: [], why: top ? `p=${top.probability.toFixed(2)} ${model.reasons(haystack, top.category, 3).join('、')}` : '' };
  });
}

function reportSplits(report: Report, scored: Scored[]) {
  const heldout = scored.filter((item) => item.label.split === 'heldout');
  report(summaryLine('held out (the target)', summarise(heldout)));
  report(summaryLine('dev', summarise(scored.filter((item) => item.label.split === 'dev'))));
  return summarise(heldout);
}

async function runClassifyBench(report: Report): Promise<BenchResult> {
  const dir = corpusDir();
  if (!corpusExists(dir)) {
    report(`no corpus at ${dir} (--corpus PATH or REVIEWDESK_CORPUS): skipped`);
    return { ok: true };
  }
  const corpus = new Map(readCorpus(dir).map((row) => [row.row, row]));
  const labels = readLabels();
  const rows = labels.map((label) => {
    const found = corpus.get(label.row);
    if (!found || found.cat !== label.product || found.label !== 0) throw new Error(`labels.csv row ${label.row} is not a negative ${label.product} review in ${dir}: is it the same corpus file?`);
    return { label, text: found.text };
  });
  report(`${rows.length} labelled rows (${rows.filter((row) => row.label.split === 'dev').length} dev, ${rows.filter((row) => row.label.split === 'heldout').length} held out) from ${dir}`);

  // 1. The classifier as import runs it: the default rules through prepareReview.
  const rules = await defaultRuleSet();
  const scored = scoreWithImport(rows, rules);
  report('— the import path (default rules, prepareReview) —');
  const heldout = reportSplits(report, scored);
  report('per labelled category (all rows):');
  for (const line of perCategoryLines(scored)) report(`  ${line}`);
  report('confusion matrix (all rows; rows = label, columns = decision):');
  for (const line of confusionLines(scored)) report(`  ${line}`);
  report('top confusions (held out):');
  for (const line of topConfusionLines(scored.filter((item) => item.label.split === 'heldout'))) report(`  ${line}`);

  // 2. The learned model on its own, for reference: built-in examples only, then with the dev
  //    rows as if agents had corrected them (trained in memory; the held-out rows never are).
  report('— the learned n-gram model alone (for reference; the scorer combines it with the rules) —');
  const builtIn = trainNgramModel(builtInExampleList());
  report(summaryLine('built-in examples, held out', summarise(scoreWithModel(rows.filter((row) => row.label.split === 'heldout'), builtIn))));
  const dev = rows.filter((row) => row.label.split === 'dev');
  const corrected = trainNgramModel([...builtInExampleList(), ...dev.map((row) => ({ text: row.text, category: row.label.primary, weight: 3 }))]);
  report(summaryLine(`+ ${dev.length} dev rows as corrections, held out`, summarise(scoreWithModel(rows.filter((row) => row.label.split === 'heldout'), corrected))));

  // 3. Hand-written extortion, cash-for-review and competitor cases.
  report('— hand-written flag cases —');
  let flagHits = 0;
  for (const [index, item] of flagCases.entries()) {
    const prepared = prepareReview(draftOf(index + 1, item.text, null), rules);
    const flags = prepared.flags.map((flag) => flag.type);
    const alerts = prepared.alerts.map((alert) => alert.ruleName);
    const right =
      item.expect === 'none' || item.expect === 'compliance' ? !flags.includes('extortion') && !flags.includes('competitor') && (item.expect === 'none' || alerts.length > 0) : flags.includes(item.expect);
    if (right) flagHits++;
    report(`  ${right ? 'ok  ' : 'MISS'} expect ${item.expect.padEnd(10)} got [${flags.join(',')}] alerts [${alerts.join(',')}] 「${item.text}」`);
  }
  report(`flag cases right: ${flagHits} of ${flagCases.length}`);

  // The targets, measured on the held-out rows.
  const ok = heldout.acceptable >= 0.85 * heldout.total && heldout.statedLeftInOther <= 0.05 * heldout.stated && heldout.flagFalsePositives === 0 && flagHits === flagCases.length;
  return { ok };
}
