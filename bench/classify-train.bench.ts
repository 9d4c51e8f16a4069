import { loadavg } from 'node:os';
import { trainInSlices } from '../electron/core/services/rules/classifier-model-store';
import { builtInExampleList } from '../shared/rules/category-examples';
import { caseCategories } from '../shared/domain/reviews';
import { NgramTrainer, type LabelledExample } from '../shared/rules/ngram-model';
import { corpusDir, corpusExists, productTypes, readCorpus } from './classify/corpus';
import { percentile } from './inbox-data';
import type { Bench, BenchResult, Report } from './run';

const exampleCount = Number(process.env.BENCH_TRAIN_EXAMPLES ?? 10_000);

export const classifyTrainBench: Bench = { name: 'classifyTrain', title: `training the learned category model on ${exampleCount.toLocaleString('en')} examples`, run: runTrainBench };

/**
 * Real review texts as corrections (negative reviews of the shop product types, categories dealt
 * round-robin: the time depends on the texts, not on which label each has), or, without the
 * corpus, the built-in examples repeated with a counter.
 */
function examples(report: Report): LabelledExample[] {
  const dir = corpusDir();
  if (corpusExists(dir)) {
    const texts = readCorpus(dir)
      .filter((row) => row.label === 0 && (productTypes as readonly string[]).includes(row.cat) && row.text !== '')
      .map((row) => row.text);
    report(`${texts.length.toLocaleString('en')} negative shop reviews in ${dir}; average ${Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length)} characters`);
    return Array.from({ length: exampleCount }, (_, i) => ({ text: texts[i % texts.length] as string, category: caseCategories[i % caseCategories.length]!, weight: 3 }));
  }
  report(`no corpus at ${dir}: built-in examples repeated`);
  const base = builtInExampleList();
  return Array.from({ length: exampleCount }, (_, i) => ({ ...base[i % base.length]!, text: `${base[i % base.length]!.text}${i}` }));
}

async function runTrainBench(report: Report): Promise<BenchResult> {
  const all = [...builtInExampleList(), ...examples(report)];
  // One pass, as the tests train: counting, then building the model.
  const counts: number[] = [];
  const cpus: number[] = [];
  const builds: number[] = [];
  let vocabulary = 0;
  for (let run = 0; run < 5; run++) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const trainer = new NgramTrainer();
    for (const example of all) trainer.add(example);
    const counted = performance.now();
    const model = trainer.build();
    builds.push(performance.now() - counted);
    counts.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpus.push((cpu.user + cpu.system) / 1000);
    vocabulary = model.vocabularySize;
  }
  // CPU time is the figure on a shared machine (wall time there is mostly waiting for a core).
  report(
    `one pass: median ${percentile(cpus, 50).toFixed(0)} ms CPU, ${percentile(counts, 50).toFixed(0)} ms wall (building the model from the counts ${percentile(builds, 50).toFixed(0)} ms wall of it), ${vocabulary.toLocaleString('en')} n-grams`,
  );

  // The store's path: slices of at most 8 ms with a yield to the event loop between them.
  const walls: number[] = [];
  const sliceCpus: number[] = [];
  let longestSlice = 0;
  let model = null as Awaited<ReturnType<typeof trainInSlices>> | null;
  for (let run = 0; run < 5; run++) {
    let sliceStart = performance.now();
    const started = sliceStart;
    const cpuStarted = process.cpuUsage();
    model = await trainInSlices(all, undefined, async () => {
      longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    });
    walls.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    sliceCpus.push((cpu.user + cpu.system) / 1000);
  }
  report(`in slices (the store's path): median ${percentile(sliceCpus, 50).toFixed(0)} ms CPU, ${percentile(walls, 50).toFixed(0)} ms wall, longest slice ${longestSlice.toFixed(1)} ms (the final build is one block: ${percentile(builds, 50).toFixed(0)} ms)`);

  const probes = all.slice(0, 2000).map((example) => example.text.toLowerCase());
  const started = performance.now();
  for (const text of probes) model!.probabilities(text);
  const perReview = ((performance.now() - started) * 1000) / probes.length;
  report(`probabilities for one review: ${perReview.toFixed(0)} µs`);
  const median = percentile(sliceCpus, 50);
  report(`target: under 1,000 ms (CPU, the store's path) for ${exampleCount.toLocaleString('en')} examples — ${median < 1000 ? 'met' : 'missed'}; load average now ${loadavg()[0]!.toFixed(1)}`);
  return { ok: median < 1000 };
}
