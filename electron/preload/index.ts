import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';

// The whole surface the renderer gets: invoke a contract method, listen to one event, and learn
// the path of a file the user dropped or picked (File.path is gone since Electron 32; imports and
// the evidence vault read files by path in the backend). Never expose ipcRenderer itself.
// Validation happens in the backend, not here.
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
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
});
