/**
 * The only file that touches ipcMain. Each contract channel is registered with a typed `handle<K>`; every
 * call is checked to come from our own window's top frame loading our own page (not an iframe, not a page
 * the window was somehow navigated to), then validated and run by the same backend that browser mode
 * serves. Progress events go to the windows that asked for them on one event channel.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  CHANNELS,
  EVENT_CHANNEL,
  type ApiEvent,
  type Channel,
  type Envelope,
  type RequestOf,
  type ResponseOf,
} from '../../shared/api/contract';
import type { Backend } from '../server/backend';

/** Our renderer's origin: the dev server in development, the packaged file otherwise. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (event.sender !== win.webContents || !frame || frame.parent !== null) return false;
  const url = frame.url;
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev) return url.startsWith(new URL(dev).origin + '/');
  // The path itself, not the whole URL: `file:///elsewhere.html?/renderer/index.html` is not our page.
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed?.protocol === 'file:' && parsed.pathname.endsWith('/renderer/index.html');
}

function handle<K extends Channel>(channel: K, win: BrowserWindow, backend: Backend): void {
  ipcMain.handle(channel, async (event, payload: RequestOf<K>): Promise<Envelope<ResponseOf<K>>> => {
    if (!isTrustedSender(event, win)) {
      return {
        ok: false,
        error: { code: 'invalid_request', message: `${channel}: refused a call from an untrusted frame` },
      };
    }
    // The backend validates `payload` against the channel's zod schema before anything runs.
    return (await backend.call(channel, payload)) as Envelope<ResponseOf<K>>;
  });
}

/** Pushes one event (job progress, a shell command) to the window's page on the one event channel. */
export function sendEvent(win: BrowserWindow, event: ApiEvent): void {
  if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
}

/** Registers every channel for `win`; returns a function that removes them again. */
export function registerIpc(win: BrowserWindow, backend: Backend): () => void {
  for (const channel of CHANNELS) handle(channel, win, backend);
  const send = (contents: WebContents) => (event: unknown) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  };
  const off = backend.onEvent(send(win.webContents));
  return () => {
    off();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
