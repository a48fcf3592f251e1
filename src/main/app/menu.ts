import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuSpec } from './menu-template';

/** The data template (menu-template.ts) as Electron menu items, each command routed to `run`. */
export function toElectronMenu(template: readonly MenuSpec[], run: (command: MenuCommand) => void): Menu {
  const convert = (spec: MenuSpec): MenuItemConstructorOptions => {
    const { command, submenu, role, ...rest } = spec;
    return {
      ...rest,
      ...(role ? { role: role as MenuItemConstructorOptions['role'] } : {}),
      ...(submenu ? { submenu: submenu.map(convert) } : {}),
      ...(command ? { click: () => run(command) } : {}),
    };
  };
  return Menu.buildFromTemplate(template.map(convert));
}
