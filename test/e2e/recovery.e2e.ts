import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { completeFirstRun } from './helpers';
import { openDatabaseTooNew } from './recovery-helpers';

test('a database newer than the app: the screen explains, exports what it can read, and retries', async ({ page }) => {
  // Without a save picker the browser platform downloads the file, which the test can read.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await completeFirstRun(page);
  await openDatabaseTooNew(page);

  await expect(page.getByRole('heading', { level: 1, name: 'Zonelink kan de gegevens niet openen' })).toBeVisible();
  await expect(page.getByText('gemaakt met een nieuwere versie van Zonelink')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Opnieuw proberen' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Leesbare gegevens bewaren' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^zonelink-herstel-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const saved = JSON.parse(await readFile(await file.path(), 'utf8'));
  expect(saved.format).toBe('zonelink-recovery');
  expect(saved.version).toBe(1000);
  expect(saved.unreadable).toEqual([]);
  expect(saved.tables.fromTheFuture).toEqual([{ id: 'a', note: 'kept' }]);
  expect(saved.tables.people).toHaveLength(1);
  expect(saved.tables.people[0].personnelNumber).toBe('WK1234');
  expect(saved.tables.people[0]).not.toHaveProperty('password');
  expect(saved.tables.rosters[0].network.name).toBe('WVL4');
  await expect(page.getByRole('status').filter({ hasText: /^Bewaard als zonelink-herstel-.*\.json: \d+ tabellen, \d+ records\.$/ })).toBeVisible();

  // The app did not touch the newer database.
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zonelink kan de gegevens niet openen' })).toBeVisible();
  const version = await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'zonelink')?.version);
  expect(version).toBe(1000);

  // Once the cause is gone (here: the data removed), trying again starts the app.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('zonelink');
        del.onsuccess = () => resolve();
        del.onerror = () => reject(del.error);
      }),
  );
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom bij Zonelink' })).toBeVisible();
});

test('a corrupt record leads to the recovery screen, in the language chosen before', async ({ page }) => {
  await completeFirstRun(page);
  await page.evaluate(() => localStorage.setItem('zonelink.locale', 'en'));
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('zonelink');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'station', value: 'not a station' });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Zonelink cannot open its data' })).toBeVisible();
  await expect(page.getByText('Part of the data on this computer is damaged or incomplete.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save readable data' })).toBeVisible();
  await page.getByText('Technical details').click();
  await expect(page.getByText('unexpected shape in settings.station')).toBeVisible();
});
