import { describe, expect, it, vi } from 'vitest';
import type { PickResult, VouchOutcome } from '../../../shared/contract';
import { ApiError } from './api-error';
import type { Bridge } from './bridge';
import { createIpcTransport } from './ipc-transport';

const token = 'v'.repeat(32);

function bridgeWith(vouched: VouchOutcome[], picked: PickResult = { cancelled: true, items: [] }) {
  const bridge: Bridge = {
    invoke: async () => ({ ok: true, value: null }),
    on: () => () => undefined,
    pickFiles: vi.fn(async () => picked),
    vouchFiles: vi.fn(async () => vouched),
  };
  return bridge;
}

describe('IPC transport files', () => {
  it('hands a File to the main process and sends the backend only its token', async () => {
    const bridge = bridgeWith([{ ok: true, token, kind: 'file', name: '评价.csv', size: 3 }]);
    const file = new File(['a,b'], '评价.csv');
    expect(await createIpcTransport(bridge).stageFile(file)).toEqual({ kind: 'vouched', token });
    expect(bridge.vouchFiles).toHaveBeenCalledWith([file]);
  });

  it('turns a File with no path into the not-on-disk refusal, and other refusals into their code', async () => {
    const noPath = createIpcTransport(bridgeWith([{ ok: false, name: '', code: 'BAD_FILE', reason: 'not_on_disk', message: 'not on disk' }]));
    await expect(noPath.stageFile(new File(['x'], 'image.png'))).rejects.toMatchObject({ code: 'BAD_FILE', reason: 'not_on_disk' });
    const folder = createIpcTransport(bridgeWith([{ ok: false, name: 'exports', code: 'BAD_FILE', reason: 'not_a_file', message: 'exports is a folder, not a file.' }]));
    const error = await folder.stageFile(new File([], 'exports')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'BAD_FILE', reason: 'not_a_file', message: 'exports is a folder, not a file.' });
  });

  it('picks a folder through the main process dialog: a token and the path to show, or null when cancelled', async () => {
    expect(await createIpcTransport(bridgeWith([])).pickFolder!()).toBeNull();
    const bridge = bridgeWith([], { cancelled: false, items: [{ ok: true, token, kind: 'folder', name: '/home/u/导出', size: 0 }] });
    expect(await createIpcTransport(bridge).pickFolder!()).toEqual({ folder: { kind: 'vouched', token }, path: '/home/u/导出' });
    expect(bridge.pickFiles).toHaveBeenCalledWith('folder');
  });
});
