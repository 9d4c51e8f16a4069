import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNoAnswer, startIsolatedImporter, type ImportAnswer } from '../helpers/isolated-import';
import { csvText, xlsxFile } from '../helpers/review-files';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const header = ['订单编号', '评价内容', '评价时间', '评价结果'];
const row = (n: number, text = `第${n}条 物流太慢了，包装也破了`) => [`T${n}`, text, '2026-11-24 08:00', '差评'];

/** Writes a file piece by piece, so a 50 MB field never sits in the test's memory as one string. */
function writePieces(path: string, pieces: Iterable<Buffer>): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

function* repeated(text: string, bytes: number): Iterable<Buffer> {
  const block = Buffer.from(text.repeat(Math.ceil(64 * 1024 / Buffer.byteLength(text))));
  for (let written = 0; written < bytes; written += block.length) yield block;
}

/** Many good rows and one with a stray byte that is not UTF-8, at the given row. */
function brokenUtf8(rows: number, brokenAt: number): Buffer {
  const parts: Buffer[] = [Buffer.from(csvText([header]))];
  for (let n = 1; n <= rows; n++) {
    const line = Buffer.from(csvText([row(n)]));
    parts.push(n === brokenAt ? Buffer.concat([line.subarray(0, 12), Buffer.from([0xff]), line.subarray(12)]) : line);
  }
  return Buffer.concat(parts);
}

interface TextCase {
  name: string;
  write: (path: string) => void;
  /** What the person must see, and what may be stored. */
  expect: (answer: ImportAnswer) => void;
}

const cases: TextCase[] = [
  {
    name: '10 MB header line',
    write: (path) => writePieces(path, [...repeated('列,', 10 * 1024 * 1024), Buffer.from('\n1,2\n')]),
    expect: (answer) => {
      expect(answer.preview.ok).toBe(false);
      expect(answer.preview.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/columns; at most 1,000 are read/) });
      expect(answer.run).toBeNull();
    },
  },
  {
    name: '50 MB field between two good rows',
    write: (path) =>
      writePieces(path, [
        Buffer.from(csvText([header, row(1)])),
        Buffer.from('T2,"'),
        ...repeated('差评', 50 * 1024 * 1024),
        Buffer.from('",2026-11-24 08:00,差评\r\n'),
        Buffer.from(csvText([row(3)])),
      ]),
    expect: (answer) => {
      expect(answer.run).toMatchObject({ status: 'done', counts: { inserted: 2, rejected: 1 }, rejectCodes: ['field_too_long'] });
    },
  },
  {
    name: 'broken UTF-8 byte in the first 64 KB',
    write: (path) => writePieces(path, [brokenUtf8(400, 3)]),
    expect: (answer) => {
      expect(answer.run).toMatchObject({ status: 'done', notice: 'undecodable_rows', counts: { inserted: 400 } });
      expect(answer.run?.message).toMatch(/^1 row\(s\) .* \(rows 4\)/);
    },
  },
  {
    name: 'broken UTF-8 byte late in the file',
    write: (path) => writePieces(path, [brokenUtf8(4_000, 3_900)]),
    expect: (answer) => {
      expect(answer.run).toMatchObject({ status: 'done', notice: 'undecodable_rows', counts: { inserted: 4_000 } });
      expect(answer.run?.message).toMatch(/^1 row\(s\) .* \(rows 3901\)/);
    },
  },
];

/**
 * The text-file half of the hostile inputs, through the real preview and import in a child process
 * of their own (time and peak memory are the file's): each answers within 5 s and 300 MB with a
 * reason a person can act on, stores nothing of the hostile part, and the backend keeps importing.
 */
describe('hostile text files', () => {
  it.each(cases.map((item) => [item.name, item] as const))('%s: a clear answer within 5 s and 300 MB, the backend still up', async (_, item) => {
    const dir = tempDir('reviewdesk-hostile-text-');
    const path = join(dir, 'hostile.csv');
    item.write(path);
    const importer = await startIsolatedImporter(join(dir, 'data'));
    try {
      const answer = await importer.importFile(path, { timeoutMs: 30_000 });
      if (isNoAnswer(answer)) throw new Error(`no answer (${answer.failed} after ${Math.round(answer.ms)} ms): ${answer.detail}`);
      console.info(`[hostile] ${item.name}: ${Math.round(answer.ms)} ms, peak ${Math.round(answer.maxRssMb)} MB`);
      item.expect(answer);
      for (const step of [answer.preview, answer.start]) expect(step.error?.message ?? '').not.toMatch(/RangeError|at .*\.ts:\d+|heap/);
      expect(answer.ms).toBeLessThan(5_000);
      expect(answer.maxRssMb).toBeLessThan(300);

      const normal = join(dir, 'normal.xlsx');
      writePieces(normal, [xlsxFile([{ name: '评价', rows: [header, row(9_999)] }])]);
      const after = await importer.importFile(normal, { timeoutMs: 20_000 });
      if (isNoAnswer(after)) throw new Error(`the backend stopped answering: ${after.detail}`);
      expect(after.run).toMatchObject({ status: 'done', counts: { inserted: 1 } });
    } finally {
      await importer.close();
    }
  }, 90_000);
});
