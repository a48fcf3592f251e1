import { app, BrowserWindow, dialog, Menu, session, shell } from 'electron';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiEvent, ProjectState } from '../../shared/api/contract';
import { analyseInWorker, importInWorker } from '../jobs/job-runner';
import { createBackend, type Backend } from '../server/backend';
import { openProjectFile, runCommand, type ShellContext } from './commands';
import { registerIpc, sendEvent } from './ipc';
import { toElectronMenu } from './menu';
import { buildMenuTemplate } from './menu-template';
import { recentProjects, startupProject } from './recent-projects';
import { handleDownloads } from './save-downloads';
import { mainWindowOptions } from './window-options';

// The desktop shell. Security defaults per ../shared/ARCHITECTURE.md: isolated, sandboxed renderer with no
// Node, navigation and new windows denied, every IPC payload validated by the backend, senders checked.
// Imports and analyses run on worker threads (src/main/jobs), so this process keeps the window responsive.

function createWindow(backend: Backend): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')));
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

/**
 * The demo as a writable copy in userData: the bundled file sits in read-only places once installed (an
 * AppImage mount, Program Files), and a project is written to (WAL, saved analyses).
 */
function demoProject(): string | null {
  const bundled = app.isPackaged
    ? join(process.resourcesPath, 'demo', 'demo.claque')
    : join(app.getAppPath(), 'resources', 'demo', 'demo.claque');
  const copy = join(app.getPath('userData'), 'demo.claque');
  if (!existsSync(copy)) {
    if (!existsSync(bundled)) return null;
    mkdirSync(app.getPath('userData'), { recursive: true });
    copyFileSync(bundled, copy);
  }
  return copy;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const recentFile = join(app.getPath('userData'), 'recent-projects.json');
  const everOpened = existsSync(recentFile);
  const recents = recentProjects(recentFile);
  const backend = createBackend({ runAnalysis: analyseInWorker, runImport: importInWorker });
  let win: BrowserWindow | null = null;

  const ctx: ShellContext = {
    window: () => win,
    backend,
    recents,
    demo: demoProject,
    send: (event: ApiEvent) => {
      if (win) sendEvent(win, event);
    },
    refreshMenu: () => {
      void backend.call('project.info', {}).then((r) => {
        const state = r.ok ? (r.value as ProjectState) : null;
        const template = buildMenuTemplate({
          platform: process.platform,
          appName: app.name,
          recent: recents.list(),
          hasProject: Boolean(state?.file),
          hasAnalysis: Boolean(state?.hasAnalysis),
          hasDemo: true,
        });
        Menu.setApplicationMenu(toElectronMenu(template, (command) => void runCommand(ctx, command)));
      });
    },
  };
  // Finished jobs change what the menu offers (exports need an analysis).
  backend.onEvent((event) => {
    if (event.type === 'job.done') ctx.refreshMenu();
  });

  const openFromArgv = (argv: string[]) => {
    const file = argv.slice(1).find((a) => a.toLowerCase().endsWith('.claque'));
    if (file) void openProjectFile(ctx, file);
  };
  app.on('second-instance', (_event, argv) => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
    openFromArgv(argv);
  });
  // macOS: a .claque file opened from Finder or dropped on the dock icon.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (app.isReady()) void openProjectFile(ctx, file);
    else process.argv.push(file);
  });

  app.whenReady().then(async () => {
    // No remote content, ever: refuse every permission request (camera, notifications, …).
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    // The page's own downloads (PNG, meta-graph GEXF): our dialog, the export target check, temp + rename.
    handleDownloads(session.defaultSession, {
      askPath: (o) => (win ? dialog.showSaveDialogSync(win, o) : dialog.showSaveDialogSync(o)),
      showError: (title, message) => dialog.showErrorBox(title, message),
      projectFile: () => backend.projectFile(),
      defaultFolder: () => app.getPath('downloads'),
    });
    const first = startupProject({ argv: process.argv, recent: recents.list(), everOpened, demo: demoProject() });
    if (first) {
      const r = await backend.call('project.open', { file: first });
      if (r.ok) recents.add(first);
    }
    ctx.refreshMenu();
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
