import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { writeFixture } from '../../../../tests/helpers/inbox';
import { AppError } from '../../errors';
import { ReadControls } from './read-control';
import { openTable } from './table-reader';

const tempDir = useTempDirs();

/** A read that only ends when its signal says so, as a reader checking between chunks does. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }));

describe('ReadControls', () => {
  it('stops a read at the deadline with a reason naming the file, and aborts its signal', async () => {
    const controls = new ReadControls(50);
    const seen: AbortSignal[] = [];
    const read = controls.run('export.csv', undefined, (signal) => {
      seen.push(signal);
      return untilAborted(signal);
    });
    await expect(read).rejects.toMatchObject({ code: 'BAD_FILE', details: { reason: 'preview_deadline' }, message: expect.stringMatching(/export\.csv took longer than/) });
    expect(seen.map((signal) => signal.aborted)).toEqual([true]);
  });

  it('cancels a read by its preview id, once', async () => {
    const controls = new ReadControls(60_000);
    const read = controls.run('export.csv', 'preview-1', untilAborted);
    expect(controls.cancel('preview-1')).toEqual({ cancelled: true });
    await expect(read).rejects.toMatchObject({ code: 'UNAVAILABLE', details: { reason: 'cancelled' } });
    expect(controls.cancel('preview-1')).toEqual({ cancelled: false });
  });

  it('answers at the deadline even when the reader ignores the signal, and releases what it opens later', async () => {
    const controls = new ReadControls(30);
    const released: string[] = [];
    let finish: (value: string) => void = () => undefined;
    const read = controls.run('slow.xlsx', undefined, () => new Promise<string>((resolve) => (finish = resolve)), (value) => released.push(value));
    await expect(read).rejects.toBeInstanceOf(AppError);
    finish('table');
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toEqual(['table']);
  });

  it('a finished read keeps its answer and releases nothing', async () => {
    const controls = new ReadControls(1_000);
    const released: string[] = [];
    await expect(controls.run('ok.csv', 'preview-2', async () => 'rows', (value) => released.push(value))).resolves.toBe('rows');
    expect(controls.cancel('preview-2')).toEqual({ cancelled: false });
    expect(released).toEqual([]);
  });
});

describe('the CSV reader honours an abort signal', () => {
  it('stops at the next chunk with the signal’s reason', async () => {
    const dir = tempDir();
    const path = writeFixture(dir, 'rows.csv', `订单编号,评价内容\n${'1,好\n'.repeat(200_000)}`);
    const controller = new AbortController();
    const table = await openTable({ kind: 'file', path, fileName: 'rows.csv', size: 200_000 * 6 + 20, stagedId: null }, {}, controller.signal);
    const records = table.records();
    expect((await records.next()).done).toBe(false);
    controller.abort(new AppError('UNAVAILABLE', 'stopped for the test', { reason: 'cancelled' }));
    await expect(records.next()).rejects.toThrow('stopped for the test');
  });
});
