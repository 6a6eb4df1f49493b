import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { completeFirstRun, routeUrl } from './helpers';
import { expectHistoryEmpty, historyRows } from './sync-helpers';

// Vite emits the sync Worker (decision 0046) because the sync hooks start it through syncClient().
const workerAsset = readdirSync('dist/renderer/assets').find((name) => /^sync-worker-[\w-]+\.js$/.test(name));

test('the built sync Worker starts under the app CSP and its writes reach the sync screen', async ({ page }) => {
  expect(workerAsset, 'dist/renderer/assets has a sync-worker-*.js').toBeTruthy();
  await completeFirstRun(page);
  await page.goto(routeUrl('/sync'));
  await expectHistoryEmpty(page);
  // The protocol of sync-worker.ts spoken to the app's own Worker file, in the app's page and CSP.
  const answer = await page.evaluate(async (url) => {
    const worker = new Worker(new URL(`assets/${url}`, document.baseURI), { type: 'module' });
    const reply = new Promise<unknown>((resolve, reject) => {
      worker.addEventListener('message', (event) => resolve(event.data));
      worker.addEventListener('error', (event) => reject(new Error(`worker error: ${event.message}`)));
    });
    worker.postMessage({ id: 1, op: 'import', bytes: new TextEncoder().encode('Boodschappen: melk, brood'), options: {} });
    return reply;
  }, workerAsset!);
  expect(answer).toMatchObject({ id: 1, ok: true, value: { status: 'refused', reason: 'notBundle' } });
  // The Worker wrote the refusal in the shared database; the page's live query shows it.
  await expect(historyRows(page)).toHaveCount(1);
  await expect(historyRows(page).first().getByRole('cell').nth(1)).toHaveText('Geweigerd');
});
