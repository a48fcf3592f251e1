import { contextBridge } from 'electron';

// The renderer's only door to the backend; the typed API is added by the desktop-app work.
contextBridge.exposeInMainWorld('claque', { version: '0.1.0' });
