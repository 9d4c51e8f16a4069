import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import type { VouchKind, VouchOutcome } from '../../shared/contract/files';

// No Electron binary here: the module is replaced by the few pieces the pickers touch.
const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  showOpenDialog: vi.fn(),
  fromWebContents: vi.fn(),
}));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => electron.handlers.set(channel, handler) },
  dialog: { showOpenDialog: electron.showOpenDialog },
  BrowserWindow: { fromWebContents: electron.fromWebContents },
}));

const { dialogOptions, filePickerHandlers, maxVouchedPerCall, pickChannel, registerFilePickers, vouchChannel } = await import('./file-pickers');

const tempDir = useTempDirs();
const appUrl = 'app://reviewdesk/index.html';
const window = { id: 1 };

function eventFrom(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url }, sender: { id: 7 } } as unknown as IpcMainInvokeEvent;
}

function setup() {
  const dir = tempDir();
  const file = join(dir, '评价导出.csv');
  writeFileSync(file, 'a,b\n1,2\n');
  const folder = join(dir, 'exports');
  mkdirSync(folder);
  // Stands in for CoreHost.vouch (the backend's store has its own tests): remembers what it was given.
  const store = new Map<string, { kind: VouchKind; path: string }>();
  const vouch = vi.fn(async (kind: VouchKind, paths: string[]): Promise<VouchOutcome[]> =>
    paths.map((path) => {
      const isFolder = statSync(path).isDirectory();
      if (isFolder !== (kind === 'folder')) return { ok: false, name: basename(path), code: 'BAD_FILE', message: `${basename(path)} is the wrong kind.` };
      const token = String(store.size).padStart(32, 'T');
      store.set(token, { kind, path });
      return { ok: true, token, kind, name: kind === 'folder' ? path : basename(path), size: statSync(path).size };
    }),
  );
  const deps = { vouch };
  return { dir, file, folder, store, vouch, deps, handlers: filePickerHandlers(deps) };
}

beforeEach(() => {
  electron.handlers.clear();
  electron.showOpenDialog.mockReset();
  electron.fromWebContents.mockReset().mockReturnValue(window);
});

describe('file pickers (main process)', () => {
  it('installs exactly the pick and vouch channels on ipcMain', () => {
    registerFilePickers(setup().deps);
    expect([...electron.handlers.keys()].sort()).toEqual([pickChannel, vouchChannel].sort());
  });

  it('refuses both channels to a frame that is not the app, before any dialog or vouching', async () => {
    const { handlers, vouch, file } = setup();
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://reviewdesk.evil.example/', '', null]) {
      await expect(handlers.pick(eventFrom(url), 'import')).rejects.toThrow(/only be chosen from the app/);
      await expect(handlers.vouchDropped(eventFrom(url), [file])).rejects.toThrow(/only be chosen from the app/);
    }
    expect(electron.showOpenDialog).not.toHaveBeenCalled();
    expect(vouch).not.toHaveBeenCalled();
  });

  it('shows its own dialog for each purpose and vouches for exactly the chosen paths, returning tokens, not paths', async () => {
    const { handlers, store, file, folder } = setup();
    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const picked = await handlers.pick(eventFrom(appUrl), 'import');
    expect(electron.showOpenDialog).toHaveBeenLastCalledWith(window, dialogOptions.import);
    expect(picked.cancelled).toBe(false);
    const [forFile] = picked.items;
    if (!forFile?.ok) throw new Error(`expected a token, got ${JSON.stringify(forFile)}`);
    expect(forFile).toMatchObject({ kind: 'file', name: '评价导出.csv', size: 8 });
    expect(JSON.stringify(picked)).not.toContain(file);
    expect(store.get(forFile.token)).toEqual({ kind: 'file', path: file });

    electron.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const [forFolder] = (await handlers.pick(eventFrom(appUrl), 'folder')).items;
    expect(electron.showOpenDialog).toHaveBeenLastCalledWith(window, dialogOptions.folder);
    expect(dialogOptions.folder.properties).toContain('openDirectory');
    if (!forFolder?.ok) throw new Error('expected a folder token');
    expect(forFolder).toMatchObject({ kind: 'folder', name: folder });
    expect(store.get(forFolder.token)).toEqual({ kind: 'folder', path: folder });

    electron.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await handlers.pick(eventFrom(appUrl), 'evidence')).toEqual({ cancelled: true, items: [] });
    expect(dialogOptions.evidence.properties).toContain('multiSelections');
  });

  it('refuses an unknown picker', async () => {
    const { handlers } = setup();
    await expect(handlers.pick(eventFrom(appUrl), 'anything')).rejects.toThrow(/Unknown picker "anything"/);
    await expect(handlers.pick(eventFrom(appUrl), { purpose: 'folder' })).rejects.toThrow(/Unknown picker/);
    expect(electron.showOpenDialog).not.toHaveBeenCalled();
  });

  it('vouches for dropped files in order, as files only; a File with no path gets no token', async () => {
    const { handlers, store, vouch, file, folder } = setup();
    const outcomes = await handlers.vouchDropped(eventFrom(appUrl), ['', file, folder, 'relative.csv']);
    expect(vouch).toHaveBeenCalledWith('file', [file, folder]);
    expect(outcomes).toMatchObject([
      { ok: false, name: '', code: 'BAD_FILE', reason: 'not_on_disk' },
      { ok: true, kind: 'file', name: '评价导出.csv' },
      { ok: false, code: 'BAD_FILE', name: 'exports' },
      { ok: false, name: '', code: 'BAD_FILE', reason: 'not_on_disk' },
    ]);
    const second = outcomes[1];
    if (!second?.ok) throw new Error('unreachable');
    expect(store.get(second.token)).toEqual({ kind: 'file', path: file });
  });

  it('refuses malformed drops: not a list, not strings, too many', async () => {
    const { handlers, vouch, file } = setup();
    for (const paths of [file, [1], [{ path: file }], Array.from({ length: maxVouchedPerCall + 1 }, () => file), ['x'.repeat(5000)]]) {
      await expect(handlers.vouchDropped(eventFrom(appUrl), paths)).rejects.toThrow(/at most 500 file paths/);
    }
    expect(vouch).not.toHaveBeenCalled();
  });
});
