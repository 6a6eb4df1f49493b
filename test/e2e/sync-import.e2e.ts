import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { completeFirstRun, routeUrl } from './helpers';
import { chooseBundle, expectHistoryEmpty, historyRows, usePlainFileDialogs } from './sync-helpers';

const VECTOR = readFileSync('test/fixtures/bundle-vectors/stored.zlb');

test.beforeEach(async ({ page }) => {
  await usePlainFileDialogs(page);
  await completeFirstRun(page);
  await page.goto(routeUrl('/sync'));
});

test('a file that is not a bundle is refused with its reason, written in the history, and nothing changes', async ({ page }) => {
  await expectHistoryEmpty(page);
  const waitingBefore = await page.getByRole('row', { name: /^Post De Panne/ }).getByRole('cell').last().textContent();
  await chooseBundle(page, { name: 'notities.txt', buffer: Buffer.from('Boodschappen: melk, brood') });
  await expect(page.getByRole('region', { name: 'Bundel inlezen' }).getByRole('alert')).toHaveText(
    'Dit bestand is geen Zonelink-bundel. Controleer of u het juiste bestand hebt gekozen.',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(historyRows(page)).toHaveCount(1);
  await expect(historyRows(page).first().getByRole('cell')).toHaveText([/\d{4} \d\d:\d\d$/, 'Geweigerd', '—', /geen Zonelink-bundel/, '—']);
  await expect(page.getByRole('row', { name: /^Post De Panne/ }).getByRole('cell').last()).toHaveText(waitingBefore ?? '');
  await page.screenshot({ path: 'test/artifacts/sync-refused.png', fullPage: true });
});

test('a bundle of another network is refused with a message a clerk understands', async ({ page }) => {
  await chooseBundle(page, { name: 'vector.zlb', buffer: VECTOR });
  await expect(page.getByRole('region', { name: 'Bundel inlezen' }).getByRole('alert')).toHaveText(
    'Deze bundel komt uit een ander netwerk dan dat van deze post. Er werd niets ingelezen.',
  );
  await expect(historyRows(page).first().getByRole('cell').nth(1)).toHaveText('Geweigerd');
  await expect(historyRows(page).first().getByRole('cell').nth(3)).toHaveText('Deze bundel komt uit een ander netwerk dan dat van deze post. Er werd niets ingelezen.');
});
