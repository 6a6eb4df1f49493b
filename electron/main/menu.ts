import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { UiLocale } from '../shared/ipc-contract';
import { MENU_MESSAGES } from '../shared/menu-messages';

interface MenuOptions {
  /** macOS puts an application menu first. */
  mac: boolean;
  /** Developer tools only in development. */
  packaged: boolean;
}

/**
 * The application menu in the UI language. Every item carries a label from MENU_MESSAGES, so
 * even the items with a role (whose default labels Electron writes in English) read in Dutch.
 */
export function menuTemplate(locale: UiLocale, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_MESSAGES[locale];
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const appMenu: MenuItemConstructorOptions = {
    label: t.appMenu,
    submenu: [
      { role: 'about', label: t.about },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      separator,
      { role: 'quit', label: t.quit },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [{ role: 'quit', label: t.quit }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { role: 'resetZoom', label: t.resetZoom },
      separator,
      { role: 'togglefullscreen', label: t.toggleFullScreen },
      ...(options.packaged ? [] : [separator, { role: 'toggleDevTools', label: t.toggleDevTools } as const]),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'close', label: t.close },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: t.help,
    submenu: [{ role: 'about', label: t.about }],
  };
  // macOS keeps About and Quit in the application menu; elsewhere they live in File and Help.
  return options.mac ? [appMenu, editMenu, viewMenu, windowMenu] : [fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

export function applyMenu(locale: UiLocale): void {
  const template = menuTemplate(locale, { mac: process.platform === 'darwin', packaged: app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
