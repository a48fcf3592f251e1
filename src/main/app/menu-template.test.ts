import { describe, expect, it } from 'vitest';
import { accelerators, buildMenuTemplate, type MenuSpec, type MenuState } from './menu-template';

const base: MenuState = {
  platform: 'linux',
  appName: 'Claque',
  recent: ['/p/a.claque', '/p/b.claque'],
  hasProject: true,
  hasAnalysis: false,
  hasDemo: true,
};
const find = (items: readonly MenuSpec[], label: string): MenuSpec | undefined => {
  for (const i of items) {
    if (i.label === label) return i;
    const inner = i.submenu && find(i.submenu, label);
    if (inner) return inner;
  }
  return undefined;
};

describe('menu template', () => {
  it('has the documented shortcuts, each once', () => {
    const keys = accelerators(buildMenuTemplate(base));
    expect(keys.get('CmdOrCtrl+O')).toBe('Open Project…');
    expect(keys.get('CmdOrCtrl+N')).toBe('New Project…');
    expect(keys.get('CmdOrCtrl+I')).toBe('Import Data…');
    expect(keys.get('CmdOrCtrl+R')).toBe('Analyze');
    expect(keys.get('CmdOrCtrl+=')).toBe('zoomIn');
    expect(keys.get('CmdOrCtrl+-')).toBe('zoomOut');
    expect(keys.get('CmdOrCtrl+0')).toBe('resetZoom');
    expect(() => accelerators([{ accelerator: 'X' }, { submenu: [{ accelerator: 'X' }] }])).toThrow('used twice');
  });

  it('routes commands and enables items by state', () => {
    const t = buildMenuTemplate(base);
    expect(find(t, 'Open Project…')?.command).toEqual({ kind: 'open' });
    expect(find(t, '/p/b.claque')?.command).toEqual({ kind: 'open-recent', file: '/p/b.claque' });
    expect(find(t, 'Graph as GEXF…')).toMatchObject({ enabled: false, command: { kind: 'export', what: 'gexf' } });
    expect(find(t, 'Edges as CSV…')?.command).toEqual({ kind: 'export', what: 'edges' });
    const analysed = buildMenuTemplate({ ...base, hasAnalysis: true });
    expect(find(analysed, 'Graph as GEXF…')?.enabled).toBe(true);
    const empty = buildMenuTemplate({ ...base, hasProject: false, recent: [] });
    expect(find(empty, 'Import Data…')?.enabled).toBe(false);
    expect(find(empty, 'Analyze')?.enabled).toBe(false);
    expect(find(empty, 'Open Recent')?.enabled).toBe(false);
  });

  it('puts the app menu first on macOS and Quit under File elsewhere; no reload or devtools', () => {
    const mac = buildMenuTemplate({ ...base, platform: 'darwin' });
    expect(mac[0].label).toBe('Claque');
    expect(find(mac, 'File')?.submenu?.some((i) => i.role === 'quit')).toBe(false);
    const linux = buildMenuTemplate(base);
    expect(linux[0].label).toBe('File');
    expect(linux[0].submenu?.some((i) => i.role === 'quit')).toBe(true);
    const roles = JSON.stringify(linux);
    expect(roles).not.toMatch(/reload|toggleDevTools|forceReload/);
  });
});
