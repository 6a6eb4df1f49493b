import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_MESSAGES } from '../../../electron/shared/menu-messages';
import { menuTemplate } from '../../../electron/main/menu';

vi.mock('electron', () => import('./fake-electron'));

function labels(items: MenuItemConstructorOptions[]): (string | undefined)[] {
  return items.flatMap((item) => {
    if (item.type === 'separator') return [];
    const sub = Array.isArray(item.submenu) ? labels(item.submenu) : [];
    return [item.label, ...sub];
  });
}

const VARIANTS = [
  { mac: false, packaged: true },
  { mac: false, packaged: false },
  { mac: true, packaged: true },
  { mac: true, packaged: false },
];

describe('menu catalogue', () => {
  it('has exactly the same keys in nl-BE and en', () => {
    expect(Object.keys(MENU_MESSAGES.en).sort()).toEqual(Object.keys(MENU_MESSAGES['nl-BE']).sort());
  });

  it('has a text for every key in both languages', () => {
    for (const messages of Object.values(MENU_MESSAGES)) {
      for (const text of Object.values(messages)) expect(text.trim()).not.toBe('');
    }
  });
});

describe('application menu', () => {
  it.each(VARIANTS)('takes every label from the catalogue of its language (%o)', (options) => {
    for (const locale of ['nl-BE', 'en'] as const) {
      const all = labels(menuTemplate(locale, options));
      expect(all.length).toBeGreaterThan(5);
      const catalogue = Object.values(MENU_MESSAGES[locale]);
      for (const label of all) expect(catalogue).toContain(label);
    }
  });

  it('reads Dutch or English as asked', () => {
    const options = { mac: false, packaged: true };
    expect(labels(menuTemplate('nl-BE', options))).toEqual(expect.arrayContaining(['Bestand', 'Bewerken', 'Kopiëren', 'Over Zonelink']));
    expect(labels(menuTemplate('en', options))).toEqual(expect.arrayContaining(['File', 'Edit', 'Copy', 'About Zonelink']));
  });

  it('offers the developer tools only outside a packaged app', () => {
    const devTools = (packaged: boolean) => labels(menuTemplate('en', { mac: false, packaged })).includes(MENU_MESSAGES.en.toggleDevTools);
    expect(devTools(false)).toBe(true);
    expect(devTools(true)).toBe(false);
  });

  it('starts with the application menu on macOS only', () => {
    expect(menuTemplate('en', { mac: true, packaged: true })[0]?.label).toBe(MENU_MESSAGES.en.appMenu);
    expect(menuTemplate('en', { mac: false, packaged: true })[0]?.label).toBe(MENU_MESSAGES.en.file);
  });
});
