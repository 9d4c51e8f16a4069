import { isAbsolute } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions } from 'electron';
import { pickPurposes, type PickPurpose, type PickResult, type VouchKind, type VouchOutcome } from '../../shared/contract/files';
import { isTrustedSender } from './security';

/**
 * The only way a path gets into the backend from the window: this process vouches for it and the
 * window gets a token. Two channels, both refused to any frame that is not the app (the same
 * sender check as `api:invoke`):
 * - `files:pick`: this process shows its own open dialog, so the path is what the person chose;
 * - `files:vouch`: paths the preload read with `webUtils.getPathForFile` from File objects the
 *   browser made for a drop or an <input type=file>. Page script cannot make such a File for a
 *   path of its choosing, and with context isolation it cannot reach this channel except through
 *   the preload's `vouchFiles`, which only sends paths it read from Files itself.
 */
export const pickChannel = 'files:pick';
export const vouchChannel = 'files:vouch';

/** As many files as one evidence add takes. */
export const maxVouchedPerCall = 500;

export interface FilePickerDeps {
  /** Registers paths with the backend (CoreHost.vouch) and returns their tokens. */
  vouch(kind: VouchKind, paths: string[]): Promise<VouchOutcome[]>;
  /** The dev server's address in development, for the IPC router's sender check. */
  devServerUrl?: string;
}

const tableExtensions = ['csv', 'tsv', 'txt', 'xlsx'];

/** Each purpose's dialog: import takes one table, evidence any files, folder one folder. */
export const dialogOptions: Record<PickPurpose, OpenDialogOptions> = {
  import: {
    properties: ['openFile'],
    filters: [
      { name: 'CSV / Excel', extensions: tableExtensions },
      { name: '*', extensions: ['*'] },
    ],
  },
  evidence: { properties: ['openFile', 'multiSelections'] },
  folder: { properties: ['openDirectory', 'createDirectory'] },
};

function refuseOtherSenders(event: IpcMainInvokeEvent, deps: FilePickerDeps): void {
  if (!isTrustedSender(event.senderFrame, deps.devServerUrl)) throw new Error('Files can only be chosen from the app itself.');
}

/** The channel handlers, apart from ipcMain so tests can call them with a fake event. */
export function filePickerHandlers(deps: FilePickerDeps) {
  return {
    async pick(event: IpcMainInvokeEvent, purpose: unknown): Promise<PickResult> {
      refuseOtherSenders(event, deps);
      if (typeof purpose !== 'string' || !(pickPurposes as readonly string[]).includes(purpose)) {
        throw new Error(`Unknown picker "${String(purpose).slice(0, 40)}"; use one of ${pickPurposes.join(', ')}.`);
      }
      const options = dialogOptions[purpose as PickPurpose];
      const owner = BrowserWindow.fromWebContents(event.sender);
      const chosen = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      if (chosen.canceled || chosen.filePaths.length === 0) return { cancelled: true, items: [] };
      const paths = chosen.filePaths.slice(0, maxVouchedPerCall);
      return { cancelled: false, items: await deps.vouch(purpose === 'folder' ? 'folder' : 'file', paths) };
    },

    async vouchDropped(event: IpcMainInvokeEvent, paths: unknown): Promise<VouchOutcome[]> {
      refuseOtherSenders(event, deps);
      if (!Array.isArray(paths) || paths.length > maxVouchedPerCall || !paths.every((path) => typeof path === 'string' && path.length <= 4096)) {
        throw new Error(`Give at most ${maxVouchedPerCall} file paths.`);
      }
      // A File made in memory (a pasted screenshot) has no path: the window sends its bytes instead.
      const onDisk = (paths as string[]).filter((path) => path !== '' && isAbsolute(path));
      const vouched = onDisk.length > 0 ? await deps.vouch('file', onDisk) : [];
      let next = 0;
      return (paths as string[]).map((path): VouchOutcome =>
        path !== '' && isAbsolute(path)
          ? vouched[next++]!
          : { ok: false, name: '', code: 'BAD_FILE', reason: 'not_on_disk', message: 'This file is not on disk (it was made in memory, e.g. pasted).' },
      );
    },
  };
}

/** Installs both channels on ipcMain. */
export function registerFilePickers(deps: FilePickerDeps): void {
  const handlers = filePickerHandlers(deps);
  ipcMain.handle(pickChannel, (event, purpose: unknown) => handlers.pick(event, purpose));
  ipcMain.handle(vouchChannel, (event, paths: unknown) => handlers.vouchDropped(event, paths));
}
