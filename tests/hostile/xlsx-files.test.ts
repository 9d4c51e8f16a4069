import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileXlsxFiles } from '../helpers/hostile-xlsx';
import { isNoAnswer, startIsolatedImporter, type ImportAnswer } from '../helpers/isolated-import';
import { xlsxFile } from '../helpers/review-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** What the person is told: the first refusal of preview or start, or why the run failed. */
function refusalOf(answer: ImportAnswer): { code: string; message: string } | null {
  for (const step of [answer.preview, answer.start]) if (!step.ok && step.error) return { code: step.error.code, message: step.error.message };
  if (answer.run?.status === 'failed') return { code: 'BAD_FILE', message: answer.run.message ?? '' };
  return null;
}

const normalFile = () =>
  xlsxFile([{ name: '评价', rows: [['订单编号', '评价内容', '评价时间', '评价结果'], ['3456789012345678901', '质量太差', '2026-11-24 09:30:00', '差评']] }]);

/**
 * Each hostile workbook through the real preview and import, in a child process of its own so its
 * time and peak memory are its own and a crash is seen as one. The bounds are the issue's: an
 * answer within 5 s, under 300 MB, nothing stored, and the backend still importing afterwards.
 */
describe('hostile XLSX files', () => {
  it.each(hostileXlsxFiles.map((file) => [file.name, file] as const))('%s: a clear BAD_FILE within 5 s and 300 MB, nothing stored, still up', async (_, file) => {
    const dir = tempDir('reviewdesk-hostile-');
    const path = join(dir, 'hostile.xlsx');
    writeFileSync(path, file.build());
    const importer = await startIsolatedImporter(join(dir, 'data'));
    try {
      const answer = await importer.importFile(path, { timeoutMs: 20_000 });
      if (isNoAnswer(answer)) throw new Error(`no answer (${answer.failed} after ${Math.round(answer.ms)} ms): ${answer.detail}`);
      console.info(`[hostile] ${file.name}: ${Math.round(answer.ms)} ms, peak ${Math.round(answer.maxRssMb)} MB`);
      const refusal = refusalOf(answer);
      expect(refusal).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(file.reason) });
      expect(refusal?.message).not.toMatch(/RangeError|at .*\.ts:\d+|heap/);
      expect(answer.ms).toBeLessThan(5_000);
      expect(answer.maxRssMb).toBeLessThan(300);
      expect(answer.reviews).toBe(importer.ready.reviews);

      const normal = join(dir, 'normal.xlsx');
      writeFileSync(normal, normalFile());
      const after = await importer.importFile(normal, { timeoutMs: 20_000 });
      if (isNoAnswer(after)) throw new Error(`the backend stopped answering: ${after.detail}`);
      expect(after.run).toMatchObject({ status: 'done' });
      expect(after.reviews).toBe(importer.ready.reviews + 1);
    } finally {
      await importer.close();
    }
  }, 60_000);
});
