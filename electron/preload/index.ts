import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

// The whole surface the renderer gets: invoke a contract method, listen to one event, and have
// files vouched for. The backend opens a file only by a token the main process issued: from its
// own open dialog (`pickFiles`) or for File objects the browser made for a drop or a file input
// (`vouchFiles`, which reads their paths here with webUtils.getPathForFile; the page never sees a
// path and cannot send one). Never expose ipcRenderer itself. Validation happens in the main
// process and the backend, not here.
interface EventMessage {
  event: string;
  payload: unknown;
}

contextBridge.exposeInMainWorld('bridge', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('api:invoke', method, input),
  on: (event: string, handler: (payload: unknown) => void): (() => void) => {
    const listener = (_event: IpcRendererEvent, message: EventMessage) => {
      if (message.event === event) handler(message.payload);
    };
    ipcRenderer.on('api:event', listener);
    return () => ipcRenderer.removeListener('api:event', listener);
  },
  pickFiles: (purpose: string): Promise<unknown> => ipcRenderer.invoke('files:pick', purpose),
  vouchFiles: (files: File[]): Promise<unknown> => {
    const paths = Array.from(files, (file) => {
      try {
        return webUtils.getPathForFile(file);
      } catch {
        return '';
      }
    });
    return ipcRenderer.invoke('files:vouch', paths);
  },
});
