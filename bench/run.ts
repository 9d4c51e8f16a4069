import { evidenceAddBench } from './evidence-add.bench';
import { inboxImportBench } from './inbox-import.bench';
import { inboxLoadBench } from './inbox-load.bench';
import { slaBench } from './sla.bench';

/** One benchmark's figures; `ok` is false when a target in the issue is missed. */
export interface BenchResult {
  name: string;
  ok: boolean;
  lines: string[];
}

// Benchmarks print figures; comparisons are ratios measured in the same run (ARCHITECTURE.md).
const benches: (() => Promise<BenchResult>)[] = [evidenceAddBench, inboxImportBench, inboxLoadBench, slaBench];

async function main() {
  let failed = 0;
  // `npm run bench -- inbox` runs only the benches whose function name contains "inbox".
  const only = process.argv[2]?.toLowerCase();
  for (const bench of benches.filter((candidate) => !only || candidate.name.toLowerCase().includes(only))) {
    const result = await bench();
    console.log(`\n## ${result.name}${result.ok ? '' : ' (target missed)'}`);
    for (const line of result.lines) console.log(`  ${line}`);
    if (!result.ok) failed += 1;
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
