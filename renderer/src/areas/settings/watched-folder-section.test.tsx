// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../../shared/contract';
import type { MemoryHandler } from '../../api/memory-transport';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { WatchedFolderSection } from './watched-folder-section';

afterEach(cleanup);

const shop = { id: 1, platform: 'taobao' as const, name: '小王家居旗舰店', createdAt: 0, updatedAt: 0 };

function backend(status: MethodOutput<'watch.get'>): MemoryHandler {
  return async (method) => {
    if (method === 'watch.get') return ok(status);
    if (method === 'shops.list') return ok({ items: [shop] });
    return unexpected(method);
  };
}

const watching = { folder: 'D:\\评价导出', platform: 'taobao' as const, shopId: 1, lastScanAt: Date.UTC(2026, 10, 24, 2), filesImported: 3, problem: null };

describe('WatchedFolderSection', () => {
  it('lists the files the folder could not import, with the reason for each', async () => {
    const reason = 'wide.csv cannot be imported: the header row (row 1) has 2,621,441 columns; at most 1,000 are read.';
    renderScreen(<WatchedFolderSection />, backend({ ...watching, failedFiles: [{ fileName: 'wide.csv', path: 'D:\\评价导出\\wide.csv', reason, importId: 4, at: Date.UTC(2026, 10, 24, 1) }] }));
    const failed = await screen.findByTestId('watch-failed-files');
    expect(within(failed).getByText('无法导入的文件（1）')).toBeTruthy();
    expect(within(failed).getByText('wide.csv')).toBeTruthy();
    expect(within(failed).getByText(reason)).toBeTruthy();
  });

  it('shows no list when every file was imported', async () => {
    renderScreen(<WatchedFolderSection />, backend({ ...watching, failedFiles: [] }));
    await screen.findByTestId('watch-status');
    expect(screen.queryByTestId('watch-failed-files')).toBeNull();
  });
});
