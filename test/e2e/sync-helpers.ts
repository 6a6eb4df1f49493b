import { expect, type Page } from '@playwright/test';

/**
 * Makes the browser adapter fall back to a download and a file input (no File System Access
 * pickers), which Playwright can drive: call before the first page.goto.
 */
export async function usePlainFileDialogs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as { showOpenFilePicker?: unknown; showSaveFilePicker?: unknown };
    delete w.showOpenFilePicker;
    delete w.showSaveFilePicker;
  });
}

/** Imports a file on the sync screen up to the preview or the refusal. */
export async function chooseBundle(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bundel kiezen…' }).click();
  await (await choosing).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
}

/** The sync history's rows (without the header row). */
export function historyRows(page: Page) {
  return page.getByRole('table', { name: 'Geschiedenis' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
}

export async function expectHistoryEmpty(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Geschiedenis' })).toContainText('Er werd op deze post nog geen bundel ingelezen of geschreven.');
}
