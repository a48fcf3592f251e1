import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { runAnalysis } from '../analysis/pipeline';
import { createBackend, type Backend } from '../server/backend';
import { registerIpc } from './ipc';

// The desktop shell. Security defaults per ../shared/ARCHITECTURE.md: isolated, sandboxed renderer with no
// Node, navigation and new windows denied, every IPC payload validated by the backend, senders checked.

/** `claque-app [project.claque]`: the first argument that names a .claque file. */
function projectFromArgv(argv: string[]): string | undefined {
  return argv.slice(1).find((a) => a.toLowerCase().endsWith('.claque'));
}

function createWindow(backend: Backend): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Claque',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  const unregister = registerIpc(win, backend);
  win.on('closed', unregister);
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const backend = createBackend({ project: projectFromArgv(process.argv), runAnalysis });
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.whenReady().then(() => {
    // No remote content, ever: refuse every permission request (camera, notifications, …).
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    win = createWindow(backend);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = createWindow(backend);
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => backend.close());
}
