import { casesListBench } from './cases-list.bench';
import { classifyBench } from './classify.bench';
import { classifyTrainBench } from './classify-train.bench';
import { encodingDetectionBench } from './encoding-detection.bench';
import { evidenceAddBench } from './evidence-add.bench';
import { inboxImportBench } from './inbox-import.bench';
import { inboxLoadBench } from './inbox-load.bench';
import { notificationGroupsBench } from './notification-groups.bench';
import { slaBench } from './sla.bench';
import { startupBench } from './startup.bench';

/** Prints one figure of the running benchmark the moment it is measured. */
export type Report = (line: string) => void;

/** How a benchmark ended; `ok` is false when a target in the issue is missed. */
export interface BenchResult {
  ok: boolean;
}

export interface Bench {
  /** What `npm run bench -- <name>` matches (case-insensitive, part of the name is enough). */
  name: string;
  /** The heading printed before its figures. */
  title: string;
  run(report: Report): Promise<BenchResult>;
}

// Benchmarks print figures; comparisons are ratios measured in the same run (ARCHITECTURE.md).
const benches: Bench[] = [casesListBench, classifyBench, classifyTrainBench, encodingDetectionBench, evidenceAddBench, inboxImportBench, inboxLoadBench, notificationGroupsBench, slaBench, startupBench];

type Outcome = 'target met' | 'target missed' | 'failed';

async function runOne(bench: Bench): Promise<Outcome> {
  console.log(`\n## ${bench.title}`);
  const started = performance.now();
  try {
    const result = await bench.run((line) => console.log(`  ${line}`));
    console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    return result.ok ? 'target met' : 'target missed';
  } catch (error) {
    // One bench failing must not cost the others their figures.
    console.log(`  failed after ${((performance.now() - started) / 1000).toFixed(0)} s: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 'failed';
  }
}

async function main() {
  // `npm run bench -- inbox` runs only the benches whose name contains "inbox".
  const only = process.argv[2]?.toLowerCase();
  const selected = benches.filter((bench) => !only || bench.name.toLowerCase().includes(only));
  if (selected.length === 0) {
    console.log(`No bench matches "${only}". Benches: ${benches.map((bench) => bench.name).join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  const outcomes: [Bench, Outcome][] = [];
  for (const bench of selected) outcomes.push([bench, await runOne(bench)]);
  console.log('\n## summary');
  for (const [bench, outcome] of outcomes) console.log(`  ${bench.title}: ${outcome}`);
  process.exitCode = outcomes.every(([, outcome]) => outcome === 'target met') ? 0 : 1;
}

void main();
