import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { fuzzConfig } from './fuzz-rng';
import { snapshot, writesOutside } from './fuzz-checks';
import { strategyCount } from './file-cases';
import { changedInputs, describeFailure, runImportFuzz } from './import-fuzz-runner';

const tempDir = useTempDirs();
/** Two rounds of every CSV and XLSX strategy by default; each case has 5 s, as the acceptance asks. */
const config = fuzzConfig({ seed: 20261124, iterations: 2 * strategyCount, caseMs: 5_000 });
const memoryBoundBytes = 300 * 1024 * 1024;

describe('importer fuzz (random and damaged CSV/XLSX)', () => {
  it(
    `every file gets an import or a clean refusal, in time, within memory, writing only the data directory (seed ${config.seed}, ${config.iterations} cases)`,
    async () => {
      const root = tempDir('reviewdesk-fuzz-import-');
      const before = snapshot(root);
      const started = performance.now();
      const { results, inputs } = await runImportFuzz({ root, ...config, memoryBoundBytes, ...(process.env.FUZZ_ONLY ? { only: new RegExp(process.env.FUZZ_ONLY) } : {}) });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const failures = results.filter((result) => result.problems.length > 0);
      const peak = Math.max(...results.map((result) => result.rssOverBaselineMb));
      if (process.env.FUZZ_VERBOSE) for (const r of results) console.info(`[fuzz] ${r.label} seed ${r.seed} ${r.bytes} B ${r.ms} ms +${r.rssOverBaselineMb} MB: ${r.outcome}`);
      console.info(`[fuzz] importer: ${results.length} cases in ${seconds} s, peak +${peak} MB over baseline, ${failures.length} failed`);
      const outside = writesOutside(root, before, (path) => /^data-\d+\//.test(path) || path.startsWith('inputs/') || /^tmp\/tsx-/.test(path));
      expect(outside, 'files written outside the data directory').toEqual([]);
      expect(changedInputs(inputs), 'source files changed by the import').toEqual([]);
      expect(failures.map(describeFailure).join('\n'), `failed cases (replay one with the env shown)`).toBe('');
      // A full round includes undamaged exports, which must have gone all the way into the database.
      if (config.iterations >= strategyCount && !process.env.FUZZ_ONLY) expect(results.filter((result) => result.label.endsWith(':valid')).length).toBeGreaterThanOrEqual(2);
    },
    config.iterations * (config.caseMs + 4_000) + 30_000,
  );
});
