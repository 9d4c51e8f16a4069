import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { countRows, createShop, importFile, writeFixture } from '../../../../tests/helpers/inbox';
import { csvText, encodeText } from '../../../../tests/helpers/review-files';
import { importLimits } from './limits';

const tempDir = useTempDirs();

const header = ['订单编号', '评价内容', '评价时间', '评价结果', '买家昵称'];
const mapping = { orderNo: 0, text: 1, postedAt: 2, level: 3 };

function row(n: number, text = `第${n}条评价：质量不错，物流很快`) {
  return [`A${String(n).padStart(6, '0')}`, text, '2026-11-24 09:30:00', n % 7 === 0 ? '差评' : '好评', `买家${n}`];
}

/** Writes the parts one after another, so a test never holds a 50 MB file in memory itself. */
function writeParts(path: string, parts: Iterable<Buffer | string>) {
  const fd = openSync(path, 'w');
  try {
    for (const part of parts) writeSync(fd, typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
  } finally {
    closeSync(fd);
  }
  return path;
}

function* repeated(unit: string, totalBytes: number) {
  const block = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
  for (let written = 0; written < totalBytes; written += block.length) yield block.slice(0, Math.min(block.length, totalBytes - written));
}

/** Time and memory of one step, printed for the record (the run's RSS includes the test runner). */
async function measured<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number; rssMb: number; maxRssMb: number }> {
  const started = performance.now();
  const value = await work();
  const ms = Math.round(performance.now() - started);
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`[limits] ${label}: ${ms} ms, rss ${rssMb} MB, max rss ${maxRssMb} MB`);
  return { value, ms, rssMb, maxRssMb };
}

describe('files past the size limits', () => {
  it('a 10 MB header line is refused quickly with the column count, and the answer stays small', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeParts(join(dir, 'wide.csv'), [...repeated('col,', 10 * 1024 * 1024), '\n', `${csvText([row(1)])}`]);
    const source = { kind: 'path' as const, path };
    const { value: preview, ms } = await measured('10 MB header line, preview', () => core.call('imports.preview', { source, platform: 'taobao' }, { trusted: true }));
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/header row \(row 1\) has [\d,]+ columns; at most 1,000 are read/) });
    expect(JSON.stringify(preview).length).toBeLessThan(2_000);
    expect(ms).toBeLessThan(5_000);
    const start = await core.call('imports.start', { source, platform: 'taobao', shopId, mapping }, { trusted: true });
    expect(!start.ok && start.error.code).toBe('BAD_FILE');
    expect(countRows(core, 'import_runs')).toBe(0);
    await core.close();
  });

  it('a header with 5,000 columns is refused, naming the count and the limit', async () => {
    const dir = tempDir();
    const { core } = await startTestCore(dir);
    const columns = Array.from({ length: 5_000 }, (_, index) => `列${index + 1}`);
    const path = writeFixture(dir, 'many.csv', csvText([columns, columns.map(() => 'x')]));
    const preview = await core.call('imports.preview', { source: { kind: 'path', path }, platform: 'taobao' }, { trusted: true });
    expect(!preview.ok && preview.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/has 5,000 columns; at most 1,000/) });
    await core.close();
  });

  it('a preview of wide rows of long cells stays small: cells are cut shorter the wider the rows', async () => {
    const dir = tempDir();
    const { core, callTrusted } = await startTestCore(dir);
    const columns = Array.from({ length: importLimits.maxColumns }, (_, index) => `列${index + 1}`);
    const rows = Array.from({ length: 5 }, (_, r) => columns.map((_, c) => `${r}-${c}:${'评'.repeat(500)}`));
    const path = writeFixture(dir, 'wide-long.csv', csvText([columns, ...rows]));
    const preview = await callTrusted('imports.preview', { source: { kind: 'path', path }, platform: 'taobao' });
    expect(preview.headers).toHaveLength(importLimits.maxColumns);
    expect(preview.sampleRows).toHaveLength(5);
    expect(preview.sampleRows[0]?.[0]).toBe(`0-0:${'评'.repeat(16)}…`);
    expect(JSON.stringify(preview).length).toBeLessThan(150_000);
    await core.close();
  });

  it('a column name longer than the header limit is refused', async () => {
    const dir = tempDir();
    const { core } = await startTestCore(dir);
    const path = writeFixture(dir, 'long-name.csv', csvText([[...header, '名'.repeat(importLimits.maxHeaderChars + 1)], row(1)]));
    const preview = await core.call('imports.preview', { source: { kind: 'path', path }, platform: 'taobao' }, { trusted: true });
    expect(!preview.ok && preview.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/column 6 of the header row \(row 1\) is 1,001 characters long/) });
    await core.close();
  });

  it('a 50 MB field rejects its row with the reason; the rows around it are imported whole', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    // A long review within the limit is imported whole; the preview shows only its start.
    const before = [row(1), row(2, `${'长'.repeat(15_000)}质量`)];
    const after = [row(4), row(5, '最后一条，"引号"和,逗号都在')];
    const path = writeParts(join(dir, 'huge-field.csv'), [
      csvText([header, ...before]),
      'A000003,"',
      ...repeated('很长的评价，', 50 * 1024 * 1024),
      '",2026-11-24 09:30:00,差评,买家3\r\n',
      csvText(after),
    ]);
    const { value, ms } = await measured('50 MB field, preview + import', () => importFile(core, call, { kind: 'path', path }, 'taobao', shopId));
    const { preview, run } = value;
    expect(JSON.stringify(preview).length).toBeLessThan(20_000);
    expect(preview.sampleRows[1]?.[1]).toBe(`${'长'.repeat(importLimits.previewCellChars)}…`);
    expect(run).toMatchObject({ status: 'done', counts: { read: 5, inserted: 4, rejected: 1 } });
    const rejects = await call('imports.rejects', { importId: run.id });
    expect(rejects.items).toEqual([
      expect.objectContaining({ rowNumber: 4, code: 'field_too_long', reason: expect.stringMatching(/^Field too long \(字段过长\): column 2 "评价内容" has [\d,]+ characters; the limit is 20,000/) }),
    ]);
    expect(rejects.items[0]?.raw['评价内容']?.length).toBeLessThanOrEqual(importLimits.keptChars + 1);
    const { items } = await call('reviews.list', {});
    expect(items.map((item) => item.text).sort()).toEqual([...before, ...after].map((cells) => cells[1]).sort());
    const longest = core.services!.deps.sqlite.prepare('SELECT max(length(text)) AS n FROM reviews').get() as { n: number };
    expect(longest.n).toBe(15_002);
    const report = await call('imports.exportReport', { importId: run.id });
    expect(report.csv).toContain('field_too_long');
    expect(report.csv.length).toBeLessThan(5_000);
    expect(countRows(core, 'import_rejects')).toBe(1);
    expect(ms).toBeLessThan(30_000);
    await core.close();
  });

  it('more cells in a row than the column limit rejects that row only', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const wide = [...row(2), ...Array.from({ length: importLimits.maxColumns + 10 }, () => '')];
    const path = writeFixture(dir, 'wide-row.csv', csvText([header, row(1), wide, row(3)]));
    const { run } = await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    expect(run).toMatchObject({ status: 'done', counts: { inserted: 2, rejected: 1 } });
    const rejects = await call('imports.rejects', { importId: run.id });
    expect(rejects.items[0]).toMatchObject({ rowNumber: 3, code: 'too_many_columns', reason: expect.stringMatching(/1,015 cells; at most 1,000/) });
    await core.close();
  });
});

describe('encoding decisions', () => {
  function utf8Export(rows: number, badAtRow: number | null) {
    const parts: Buffer[] = [Buffer.from(csvText([header]), 'utf8')];
    for (let n = 1; n <= rows; n++) {
      const line = Buffer.from(csvText([row(n)]), 'utf8');
      if (n !== badAtRow) parts.push(line);
      else {
        // One stray byte in the middle of the review text.
        const at = line.indexOf(Buffer.from('质量', 'utf8'));
        parts.push(Buffer.concat([line.subarray(0, at), Buffer.from([0xff]), line.subarray(at)]));
      }
    }
    return Buffer.concat(parts);
  }

  it('one broken byte early in a UTF-8 file: still UTF-8, headers intact, the row named in a notice', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeFixture(dir, 'early.csv', utf8Export(200, 5));
    const { preview, run } = await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    expect(preview.encoding).toMatchObject({ detected: 'utf-8', used: 'utf-8', confidence: 'medium', reason: 'utf8_bad_bytes', invalidUtf8: 1 });
    expect(preview.headers).toEqual(header);
    expect(preview.missingFields).toEqual([]);
    expect(run).toMatchObject({ status: 'done', counts: { read: 200, inserted: 200, rejected: 0 } });
    expect(run.notice).toEqual({ code: 'undecodable_rows', params: { count: 1, rows: '6', encoding: 'utf-8' } });
    expect(run.message).toMatch(/1 row\(s\) held bytes that are not utf-8 text \(rows 6\)/);
    const stored = core.services!.deps.sqlite.prepare("SELECT count(*) AS n FROM reviews WHERE text LIKE '%' || char(65533) || '%'").get() as { n: number };
    expect(stored.n).toBe(1);
    await core.close();
  });

  it('a broken byte past the detection sample is a notice on the run and in the report, not a silent "done"', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const bytes = utf8Export(3_000, 2_900);
    expect(bytes.indexOf(0xff)).toBeGreaterThan(64 * 1024);
    const path = writeFixture(dir, 'late.csv', bytes);
    const { preview, run } = await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    expect(preview.encoding).toMatchObject({ used: 'utf-8', reason: 'valid_utf8', invalidUtf8: 0 });
    expect(run.status).toBe('done');
    expect(run.notice).toMatchObject({ code: 'undecodable_rows', params: { count: 1, rows: '2901' } });
    const report = await call('imports.exportReport', { importId: run.id });
    expect(report.csv).toMatch(/# Notice: 1 row\(s\) held bytes that are not utf-8 text \(rows 2901\)/);
    await core.close();
  });

  it('a clean file has no notice', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    const shopId = await createShop(call);
    const path = writeFixture(dir, 'clean.csv', utf8Export(100, null));
    const { run } = await importFile(core, call, { kind: 'path', path }, 'taobao', shopId);
    expect(run).toMatchObject({ status: 'done', notice: null, message: null });
    await core.close();
  });

  it('GB18030 text stays GB18030 and says so', async () => {
    const dir = tempDir();
    const { core, callTrusted } = await startTestCore(dir);
    const path = writeFixture(dir, 'gbk.csv', encodeText(csvText([header, row(1), row(2)]), 'gb18030'));
    const preview = await callTrusted('imports.preview', { source: { kind: 'path', path }, platform: 'taobao' });
    expect(preview.encoding).toMatchObject({ detected: 'gb18030', used: 'gb18030', reason: 'not_utf8', confidence: 'high' });
    expect(preview.headers).toEqual(header);
    await core.close();
  });
});

describe('preview control', () => {
  it('cancelPreview answers false for a preview that is not running', async () => {
    const dir = tempDir();
    const { core, call } = await startTestCore(dir);
    expect(await call('imports.cancelPreview', { previewId: 'nothing-running' })).toEqual({ cancelled: false });
    await core.close();
  });
});
