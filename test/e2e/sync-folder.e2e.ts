import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signIn } from './helpers';
import { expectHistoryEmpty } from './sync-helpers';

const VECTOR = readFileSync('test/fixtures/bundle-vectors/stored.zlb');

/** The folder picker answers with a folder of the origin private file system ("gedeeld"). */
async function useOpfsFolder(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.assign(window, {
      showDirectoryPicker: async () => (await navigator.storage.getDirectory()).getDirectoryHandle('gedeeld', { create: true }),
    });
  });
}

async function putFiles(page: Page, files: Record<string, number[]>): Promise<void> {
  await page.evaluate(async (all) => {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('gedeeld', { create: true });
    for (const [name, bytes] of Object.entries(all)) {
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      await writable.write(new Uint8Array(bytes));
      await writable.close();
    }
  }, files);
}

test('sync folder: chosen once and kept; half-written, foreign and other stations\' files are skipped', async ({ page }) => {
  await useOpfsFolder(page);
  await completeFirstRun(page);
  await page.goto(routeUrl('/sync'));
  const panel = page.getByRole('region', { name: 'Gedeelde map' });
  await expect(panel).toContainText('Er is nog geen map gekozen.');
  await expect(panel.getByRole('button', { name: 'Nu synchroniseren' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Map kiezen…' }).click();
  await expect(panel).toContainText('Map: gedeeld');

  await putFiles(page, {
    'notities.txt': [...Buffer.from('Boodschappen')],
    'zonelink-post-izegem-20261130-101500.zlb.zltmp': [...VECTOR.subarray(0, 100)],
    'vreemd.zlb': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
    'ander-netwerk.zlb': [...VECTOR],
  });
  await panel.getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Klaar: 0 bundels geschreven, 0 ingelezen, 0 al ingelezen, 0 geweigerd, 3 bestanden overgeslagen (niet voor deze post, van deze post of geen bundel), 0 oude bundels opgeruimd.',
  );
  await expectHistoryEmpty(page);

  // After a restart the folder is still chosen and usable.
  await page.reload();
  await signIn(page, ADMIN.number, ADMIN.password);
  await expect(page.getByRole('region', { name: 'Gedeelde map' })).toContainText('Map: gedeeld');
  await page.getByRole('region', { name: 'Gedeelde map' }).getByRole('button', { name: 'Nu synchroniseren' }).click();
  await expect(page.getByRole('region', { name: 'Gedeelde map' }).getByRole('status')).toContainText('3 bestanden overgeslagen');
});
