// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MemoryHandler } from '../../api/memory-transport';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { WatchedFolderSection } from './watched-folder-section';

afterEach(cleanup);

const shops = [
  { id: 1, name: '木棉生活小店', platform: 'taobao' },
  { id: 2, name: '天猫旗舰店', platform: 'tmall' },
];

function backend(folder: string | null) {
  const sets: unknown[] = [];
  let state = { folder, platform: folder ? 'taobao' : null, shopId: folder ? 1 : null, lastScanAt: null, filesImported: 0, problem: null };
  const handler: MemoryHandler = async (method, input) => {
    if (method === 'watch.get') return ok(state);
    if (method === 'shops.list') return ok({ items: shops });
    if (method === 'watch.set') {
      sets.push(input);
      const next = input as { platform: string | null; shopId: number | null };
      state = { ...state, folder: '/home/u/评价导出', platform: next.platform, shopId: next.shopId };
      return ok(state);
    }
    return unexpected(method);
  };
  return { handler, sets };
}

const token = 'k'.repeat(32);

describe('WatchedFolderSection', () => {
  it('in the app, chooses the folder with the desktop dialog and saves its token, never a typed path', async () => {
    const fake = backend(null);
    const pickFolder = vi.fn(async () => ({ folder: { kind: 'vouched' as const, token }, path: '/home/u/评价导出' }));
    renderScreen(<WatchedFolderSection />, fake.handler, 'zh-CN', { pickFolder });
    const input = (await screen.findByLabelText('文件夹路径')) as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    fireEvent.click(screen.getByTestId('watch-choose-folder'));
    await waitFor(() => expect(input.value).toBe('/home/u/评价导出'));
    fireEvent.change(screen.getByLabelText('导入到店铺'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fake.sets).toEqual([{ folder: { kind: 'vouched', token }, platform: 'taobao', shopId: 1 }]));
  });

  it('keeps the watched folder when only the shop changes', async () => {
    const fake = backend('/home/u/评价导出');
    renderScreen(<WatchedFolderSection />, fake.handler, 'zh-CN', { pickFolder: async () => null });
    await waitFor(() => expect((screen.getByLabelText('文件夹路径') as HTMLInputElement).value).toBe('/home/u/评价导出'));
    fireEvent.change(screen.getByLabelText('导入到店铺'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fake.sets).toEqual([{ folder: { kind: 'unchanged' }, platform: 'tmall', shopId: 2 }]));
  });

  it('in the browser, offers no folder dialog and says where the folder is chosen', async () => {
    const fake = backend(null);
    renderScreen(<WatchedFolderSection />, fake.handler);
    expect(await screen.findByText(/在浏览器中无法选择文件夹/)).toBeTruthy();
    expect(screen.queryByTestId('watch-choose-folder')).toBeNull();
  });
});
