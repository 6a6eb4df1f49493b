import type { UiLocale } from './ipc-contract';

// The application menu's words, in the UI languages. Dutch is the reference; English must have
// exactly the same keys (the compiler checks it through MenuMessages, a test checks it again).

const nl = {
  appMenu: 'Zonelink',
  file: 'Bestand',
  quit: 'Zonelink afsluiten',
  edit: 'Bewerken',
  undo: 'Ongedaan maken',
  redo: 'Opnieuw',
  cut: 'Knippen',
  copy: 'Kopiëren',
  paste: 'Plakken',
  selectAll: 'Alles selecteren',
  view: 'Beeld',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  resetZoom: 'Ware grootte',
  toggleFullScreen: 'Volledig scherm',
  toggleDevTools: 'Ontwikkelaarshulpmiddelen',
  window: 'Venster',
  minimize: 'Minimaliseren',
  close: 'Venster sluiten',
  help: 'Help',
  about: 'Over Zonelink',
  hide: 'Zonelink verbergen',
  hideOthers: 'Andere verbergen',
  unhide: 'Alles tonen',
} as const;

export type MenuMessageKey = keyof typeof nl;
export type MenuMessages = Record<MenuMessageKey, string>;

const en: MenuMessages = {
  appMenu: 'Zonelink',
  file: 'File',
  quit: 'Quit Zonelink',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Actual size',
  toggleFullScreen: 'Full screen',
  toggleDevTools: 'Developer tools',
  window: 'Window',
  minimize: 'Minimise',
  close: 'Close window',
  help: 'Help',
  about: 'About Zonelink',
  hide: 'Hide Zonelink',
  hideOthers: 'Hide others',
  unhide: 'Show all',
};

export const MENU_MESSAGES: Record<UiLocale, MenuMessages> = { 'nl-BE': nl, en };
