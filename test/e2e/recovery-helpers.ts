import type { Page } from '@playwright/test';

/** The app's Dexie version(1) is IndexedDB version 10; a later app would have a higher one. */
export const NEWER_VERSION = 1000;

/**
 * Makes the database newer than this app, as a later version of Zonelink would leave it, then
 * loads the app: opening fails with a VersionError. The running app's connection closes itself
 * when another connection asks for a version change.
 */
export async function openDatabaseTooNew(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    (version) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('zonelink', version);
        open.onupgradeneeded = () => open.result.createObjectStore('fromTheFuture', { keyPath: 'id' }).put({ id: 'a', note: 'kept' });
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new Error('blocked'));
      }),
    NEWER_VERSION,
  );
  await page.reload();
}
