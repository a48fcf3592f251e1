/**
 * What the menus, the dock/second-instance file opens and the startup do: native dialogs, then the same
 * backend calls the renderer makes, then an `app.command` event so the page catches up (reloads the project,
 * opens the import panel, runs the analysis).
 */
import { dialog, type BrowserWindow } from 'electron';
import { basename } from 'node:path';
import type { ApiEvent, ProjectState } from '../../shared/api/contract';
import type { Backend } from '../server/backend';
import type { MenuCommand } from './menu-template';
import type { RecentProjects } from './recent-projects';

export interface ShellContext {
  window(): BrowserWindow | null;
  backend: Backend;
  recents: RecentProjects;
  /** The writable copy of the bundled demo, or null when this build has none. */
  demo(): string | null;
  refreshMenu(): void;
  send(event: ApiEvent): void;
}

const PROJECT_FILTER = [{ name: 'Claque project', extensions: ['claque'] }];
const DATA_FILTERS = [
  { name: 'Data files', extensions: ['csv', 'tsv', 'txt', 'json', 'jsonl', 'ndjson', 'js', 'gexf', 'graphml', 'gz'] },
  { name: 'All files', extensions: ['*'] },
];

function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}

/** Opens (or creates) a project in the backend, remembers it, and tells the page. */
export async function openProjectFile(ctx: ShellContext, file: string, create = false): Promise<boolean> {
  const result = await ctx.backend.call(create ? 'project.create' : 'project.open', { file });
  if (!result.ok) {
    fail(create ? 'Cannot create the project' : 'Cannot open the project', result.error.message);
    if (!create) ctx.recents.remove(file);
    ctx.refreshMenu();
    return false;
  }
  ctx.recents.add((result.value as ProjectState).file ?? file);
  ctx.refreshMenu();
  ctx.send({ type: 'app.command', command: 'project.changed' });
  return true;
}

export async function runCommand(ctx: ShellContext, command: MenuCommand): Promise<void> {
  const win = ctx.window();
  switch (command.kind) {
    case 'open': {
      const o = { title: 'Open project', properties: ['openFile' as const], filters: PROJECT_FILTER };
      const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
      if (!r.canceled && r.filePaths[0]) await openProjectFile(ctx, r.filePaths[0]);
      return;
    }
    case 'new': {
      const o = { title: 'New project', defaultPath: 'investigation.claque', filters: PROJECT_FILTER };
      const r = win ? await dialog.showSaveDialog(win, o) : await dialog.showSaveDialog(o);
      if (!r.canceled && r.filePath) await openProjectFile(ctx, r.filePath, true);
      return;
    }
    case 'open-recent':
      await openProjectFile(ctx, command.file);
      return;
    case 'clear-recent':
      ctx.recents.clear();
      ctx.refreshMenu();
      return;
    case 'open-demo': {
      const demo = ctx.demo();
      if (demo) await openProjectFile(ctx, demo);
      return;
    }
    case 'import': {
      const o = { title: 'Import data', properties: ['openFile' as const], filters: DATA_FILTERS };
      const r = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
      if (!r.canceled && r.filePaths[0])
        ctx.send({ type: 'app.command', command: 'import.open', file: r.filePaths[0] });
      return;
    }
    case 'analyze':
      ctx.send({ type: 'app.command', command: 'analysis.run' });
      return;
    case 'export': {
      const state = await ctx.backend.call('project.info', {});
      const base =
        state.ok && (state.value as ProjectState).file
          ? basename((state.value as ProjectState).file!).replace(/\.claque$/i, '')
          : 'claque';
      const ext = command.what === 'gexf' ? 'gexf' : 'csv';
      const o = {
        title: 'Export',
        defaultPath: command.what === 'gexf' ? `${base}.gexf` : `${base}-${command.what}.csv`,
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      };
      const r = win ? await dialog.showSaveDialog(win, o) : await dialog.showSaveDialog(o);
      if (r.canceled || !r.filePath) return;
      const result =
        command.what === 'gexf'
          ? await ctx.backend.call('export.gexf', { file: r.filePath })
          : await ctx.backend.call('export.csv', { table: command.what, file: r.filePath });
      if (!result.ok) fail('Export failed', result.error.message);
      return;
    }
  }
}
