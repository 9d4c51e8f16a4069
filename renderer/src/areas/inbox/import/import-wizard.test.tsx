// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportRun } from '../../../../../shared/contract';
import type { MemoryHandler } from '../../../api/memory-transport';
import { ok, renderScreen, unexpected } from '../../../test/render-screen';
import { ImportWizard } from './import-wizard';

afterEach(cleanup);

const shop = { id: 1, platform: 'taobao' as const, name: '小王家居旗舰店', productFamily: null, createdAt: 0, updatedAt: 0 };

// The platform export has 客户留言 where the review text usually is under 评价内容.
const preview: ImportPreview = {
  fileName: 'reviews.csv',
  format: 'csv',
  encoding: { detected: 'gb18030', used: 'gb18030', confidence: 'high', reason: 'not_utf8', invalidUtf8: 412, sampleBytes: 65536 },
  delimiter: ',',
  sheets: [],
  headerRow: 1,
  headers: ['订单编号', '客户留言', '评价时间', '评分'],
  sampleRows: [
    ['T1001', '快递三天才到，盒子都压坏了', '2026-11-20 10:00', '1'],
    ['T1002', '东西不错', '2026-11-20 11:00', '5'],
  ],
  presetId: 'taobao',
  suggestedMapping: { orderNo: 0, postedAt: 2, rating: 3 },
  unmappedHeaders: ['客户留言'],
  missingFields: ['text'],
  dedupeKey: 'fallback sentence, not shown',
  dedupe: { idHeader: '评价ID', orderHeader: '子订单编号', orderFallbackHeader: '订单编号', timeHeader: '评价时间' },
};

function fakeImportBackend(previewResult: ReturnType<MemoryHandler> = ok(preview)) {
  const calls: { method: string; input: unknown }[] = [];
  const run: ImportRun = {
    id: 9,
    fileName: 'reviews.csv',
    platform: 'taobao',
    shopId: 1,
    status: 'done',
    counts: { read: 2, inserted: 2, duplicates: 0, rejected: 0, casesOpened: 1, alerts: 0 },
    startedAt: 0,
    finishedAt: 1,
    message: null,
    notice: null,
    origin: 'manual',
  };
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'imports.presets') return ok({ items: [] });
    if (method === 'imports.preview') return previewResult;
    if (method === 'imports.start') return ok({ importId: 9 });
    if (method === 'imports.get') return ok(run);
    if (method === 'imports.cancelPreview') return ok({ cancelled: true });
    return unexpected(method);
  };
  return { handler, calls };
}

/** The dialog as the inbox holds it: open until its close button (or 关闭 here) closes it. */
function ClosableWizard() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button" onClick={() => setOpen(false)}>
        close-dialog
      </button>
      <ImportWizard mode={open ? 'file' : null} shops={[shop]} shopsLoaded onClose={() => setOpen(false)} onImported={() => undefined} />
    </>
  );
}

function pickFile() {
  const file = new File(['订单编号,客户留言\n'], 'reviews.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByTestId('import-file-input'), { target: { files: [file] } });
}

describe('ImportWizard', () => {
  it('marks the missing required field, lets the person map the unknown header, and imports with that mapping', async () => {
    const backend = fakeImportBackend();
    let imported = 0;
    renderScreen(<ImportWizard mode="file" shops={[shop]} shopsLoaded onClose={() => undefined} onImported={() => (imported += 1)} />, backend.handler);

    pickFile();
    const mapping = await screen.findByTestId('import-mapping');
    expect(backend.calls).toContainEqual({
      method: 'imports.preview',
      input: { source: { kind: 'staged', id: expect.any(String) }, platform: 'taobao', options: { encoding: 'auto', delimiter: 'auto' }, previewId: expect.any(String) },
    });
    expect(within(mapping).getByTestId('detected-encoding').textContent).toContain('GB18030');
    // The rule is the UI's own sentence around the platform's header names.
    expect(within(mapping).getByTestId('dedupe-key').textContent).toBe(
      '去重规则：有评价ID时按它判断；否则按子订单编号（为空时用订单编号） + 评价时间 + 评价内容。本店已有的评价记为重复、保持不变，只补上后来才有的追评。',
    );

    // 评价内容 is required and unmapped: flagged, and the import cannot start.
    expect(within(mapping).getByTestId('mapping-row-text').hasAttribute('data-missing')).toBe(true);
    expect(within(mapping).getByTestId('mapping-missing').textContent).toContain('评价内容');
    expect(within(within(mapping).getByTestId('unused-columns')).getByText('客户留言')).toBeTruthy();
    const start = screen.getByTestId('import-start');
    expect(start.hasAttribute('disabled')).toBe(true);

    fireEvent.change(within(mapping).getByLabelText('评价内容'), { target: { value: '1' } });
    expect(within(mapping).getByTestId('mapping-row-text').hasAttribute('data-missing')).toBe(false);
    expect(within(mapping).queryByTestId('mapping-missing')).toBeNull();
    // The live preview reads the rows through the new mapping.
    expect(within(screen.getByTestId('mapping-preview')).getByText('快递三天才到，盒子都压坏了')).toBeTruthy();

    expect(start.hasAttribute('disabled')).toBe(false);
    fireEvent.click(start);
    await waitFor(() =>
      expect(backend.calls).toContainEqual({
        method: 'imports.start',
        input: expect.objectContaining({ shopId: 1, platform: 'taobao', mapping: { orderNo: 0, postedAt: 2, rating: 3, text: 1 } }),
      }),
    );
    const summary = await screen.findByTestId('import-summary');
    expect(within(summary).getByText('reviews.csv 导入完成')).toBeTruthy();
    await waitFor(() => expect(imported).toBe(1));
  });

  it('says in words why a file that is not a table cannot be imported', async () => {
    const backend = fakeImportBackend(
      Promise.resolve({ ok: false, error: { code: 'BAD_FILE', message: 'not a table', details: { reason: 'not_a_table' } } }),
    );
    renderScreen(<ImportWizard mode="file" shops={[shop]} shopsLoaded onClose={() => undefined} onImported={() => undefined} />, backend.handler);
    pickFile();
    const error = await screen.findByTestId('import-error');
    expect(error.textContent).toContain('这个文件不是表格');
    expect(screen.queryByTestId('import-mapping')).toBeNull();
  });

  it('shows how sure the encoding detection is, and why', async () => {
    const backend = fakeImportBackend();
    renderScreen(<ImportWizard mode="file" shops={[shop]} shopsLoaded onClose={() => undefined} onImported={() => undefined} />, backend.handler);
    pickFile();
    const mapping = await screen.findByTestId('import-mapping');
    expect(within(mapping).getByTestId('encoding-why').textContent).toBe('把握较大：前 64 KB 不是 UTF-8，按 GB18030（兼容 GBK）读取；如果文字乱码，请在右侧选择编码');
  });

  it('cancels the preview still being read when the dialog is closed', async () => {
    let answer: (value: Awaited<ReturnType<MemoryHandler>>) => void = () => undefined;
    const backend = fakeImportBackend(new Promise((resolve) => (answer = resolve)));
    renderScreen(<ClosableWizard />, backend.handler);
    pickFile();
    await waitFor(() => expect(backend.calls.some((call) => call.method === 'imports.preview')).toBe(true));
    const previewId = (backend.calls.find((call) => call.method === 'imports.preview')?.input as { previewId: string }).previewId;
    fireEvent.click(screen.getByText('close-dialog'));
    await waitFor(() => expect(backend.calls).toContainEqual({ method: 'imports.cancelPreview', input: { previewId } }));
    answer({ ok: false, error: { code: 'UNAVAILABLE', message: 'cancelled', details: { reason: 'cancelled' } } });
  });

  it('does not cancel a preview that has already answered', async () => {
    const backend = fakeImportBackend();
    renderScreen(<ClosableWizard />, backend.handler);
    pickFile();
    await screen.findByTestId('import-mapping');
    fireEvent.click(screen.getByText('close-dialog'));
    await waitFor(() => expect(screen.queryByTestId('import-mapping')).toBeNull());
    expect(backend.calls.some((call) => call.method === 'imports.cancelPreview')).toBe(false);
  });
});
