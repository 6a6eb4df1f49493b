import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { completeFirstRun, routeUrl } from './helpers';

test('the export dialog offers every kind of recipient and says when none can receive a bundle yet', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/sync'));
  await page.getByRole('button', { name: 'Bundel maken…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bundel schrijven' });
  const group = dialog.getByRole('group', { name: 'Voor wie?' });
  await expect(group.getByRole('radio', { name: /^Alle posten van WVL4/ })).toBeChecked();

  await group.getByRole('radio', { name: 'De posten van één zone' }).check();
  await expect(group.getByLabel('Zone', { exact: true })).toHaveValue(/.+/);
  await group.getByLabel('Zone', { exact: true }).selectOption({ label: 'PZ Polder' });

  await group.getByRole('radio', { name: 'De posten van meerdere zones' }).check();
  await group.getByRole('checkbox', { name: 'PZ RIHO' }).check();
  await group.getByRole('checkbox', { name: 'PZ VLAS' }).check();

  await group.getByRole('radio', { name: /^Een nieuwe post opstarten/ }).check();
  await group.getByLabel('Post', { exact: true }).selectOption({ label: 'Post Izegem' });
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test/artifacts/sync-export-choose.png' });

  // On a new network no other station has published its keys yet: nobody can be sent a bundle.
  await dialog.getByRole('button', { name: 'Overzicht tonen' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Geen enkele post van deze keuze kan al bundels ontvangen: hun sleutels staan nog niet in de netwerkdefinitie.',
  );
  await group.getByRole('radio', { name: /^Alle posten van WVL4/ }).check();
  await dialog.getByRole('button', { name: 'Overzicht tonen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Geen enkele post');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Bundel maken…' })).toBeFocused();
});
