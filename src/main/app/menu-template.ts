/**
 * The application menu as plain data (no Electron import), so its items, shortcuts and enabled states are
 * unit-tested; menu.ts turns it into an Electron Menu and wires each `command` to commands.ts.
 */
import type { CsvTable } from '../../shared/api/contract';

export type MenuCommand =
  | { kind: 'new' }
  | { kind: 'open' }
  | { kind: 'open-recent'; file: string }
  | { kind: 'clear-recent' }
  | { kind: 'open-demo' }
  | { kind: 'import' }
  | { kind: 'analyze' }
  | { kind: 'export'; what: 'gexf' | CsvTable };

export interface MenuSpec {
  label?: string;
  /** Electron menu roles (copy, zoomIn, quit, …): platform behaviour and labels come with them. */
  role?: string;
  accelerator?: string;
  type?: 'separator';
  enabled?: boolean;
  command?: MenuCommand;
  submenu?: MenuSpec[];
}

export interface MenuState {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  hasProject: boolean;
  hasAnalysis: boolean;
  hasDemo: boolean;
}

const SEP: MenuSpec = { type: 'separator' };

export function buildMenuTemplate(s: MenuState): MenuSpec[] {
  const mac = s.platform === 'darwin';
  const exportItem = (label: string, what: 'gexf' | CsvTable): MenuSpec => ({
    label,
    enabled: s.hasAnalysis,
    command: { kind: 'export', what },
  });
  const file: MenuSpec = {
    label: 'File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', command: { kind: 'new' } },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', command: { kind: 'open' } },
      {
        label: 'Open Recent',
        enabled: s.recent.length > 0,
        submenu: [
          ...s.recent.map((f) => ({ label: f, command: { kind: 'open-recent', file: f } }) satisfies MenuSpec),
          SEP,
          { label: 'Clear Recent', enabled: s.recent.length > 0, command: { kind: 'clear-recent' } },
        ],
      },
      { label: 'Open Demo Project', enabled: s.hasDemo, command: { kind: 'open-demo' } },
      SEP,
      { label: 'Import Data…', accelerator: 'CmdOrCtrl+I', enabled: s.hasProject, command: { kind: 'import' } },
      {
        label: 'Export',
        submenu: [
          exportItem('Graph as GEXF…', 'gexf'),
          exportItem('Communities as CSV…', 'communities'),
          exportItem('Accounts as CSV…', 'accounts'),
          exportItem('Edges as CSV…', 'edges'),
        ],
      },
      ...(mac ? [] : [SEP, { role: 'quit' }]),
    ],
  };
  const analysis: MenuSpec = {
    label: 'Analysis',
    submenu: [{ label: 'Analyze', accelerator: 'CmdOrCtrl+R', enabled: s.hasProject, command: { kind: 'analyze' } }],
  };
  // No reload or devtools items: Ctrl+R is Analyze, and a packaged app gives hostile data no console.
  const view: MenuSpec = {
    label: 'View',
    submenu: [
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      SEP,
      { role: 'togglefullscreen' },
    ],
  };
  const edit: MenuSpec = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      SEP,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const windowMenu: MenuSpec = { role: 'windowMenu' };
  const appMenu: MenuSpec = {
    label: s.appName,
    submenu: [
      { role: 'about' },
      SEP,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      SEP,
      { role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, analysis, view, windowMenu];
}

/** Every accelerator in the menu with its item, to check that none is used twice. */
export function accelerators(template: readonly MenuSpec[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (items: readonly MenuSpec[]) => {
    for (const i of items) {
      if (i.accelerator) {
        if (out.has(i.accelerator)) throw new Error(`accelerator ${i.accelerator} used twice`);
        out.set(i.accelerator, i.label ?? i.role ?? '?');
      }
      if (i.submenu) walk(i.submenu);
    }
  };
  walk(template);
  return out;
}
