import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL } from '../shared/api/channels';
import type { ApiEvent, ClaqueBridge } from '../shared/api/contract';

// The renderer's only door to the backend: one wrapper per contract channel, plus progress events. Raw
// ipcRenderer never reaches the page; main validates every payload.
const bridge = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as Omit<ClaqueBridge, 'onEvent'>;

const api: ClaqueBridge & { pathForFile(file: File): string } = {
  ...bridge,
  // A picked or dropped file's own path (File.path is gone since Electron 32); the sandboxed page cannot read
  // it, only hand it to import.detect / import.run, which main validates like any other path.
  pathForFile: (file) => webUtils.getPathForFile(file),
  onEvent(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.off(EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('claque', api);
