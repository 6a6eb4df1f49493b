import { WVL4_TEMPLATE } from '../../renderer/domain/wvl4-template';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signChange, signIn } from './helpers';

const OWN = 'Centraal Politiehuis Koksijde';

test('the sync screen lists every station of the network; on a fresh station none was ever heard from', async ({ page }) => {
  await completeFirstRun(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Synchronisatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Synchronisatie' })).toBeFocused();
  const table = page.getByRole('table', { name: 'Stand van de synchronisatie per post' });
  const all = WVL4_TEMPLATE.zones.flatMap((z) => z.stations.map((name) => ({ name, zone: z.name })));
  await expect(table.getByRole('row')).toHaveCount(all.length + 1);

  // This station comes first, marked, without figures of its own.
  const own = table.getByRole('row').nth(1);
  await expect(own.getByRole('rowheader')).toHaveText(`${OWN} Deze post`);
  await expect(own.getByRole('cell')).toHaveText(['PZ Westkust', '—', '—', '—']);

  // Every other station has not joined yet (no keys in the roster): nothing can be written for it.
  for (const { name, zone } of all.filter((s) => s.name !== OWN)) {
    const row = table.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row.getByRole('cell')).toHaveText([zone, 'Nog niet aangesloten', '—', '—']);
  }
  await expect(table.getByText('Lang niets gehoord')).toHaveCount(0);
  await expect(page.getByText('Posten die meer dan 7 dagen niets lieten horen, vallen op.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tegengehouden wijzigingen' })).toContainText('Er worden geen wijzigingen tegengehouden.');
});

test('a deactivated station shows as such and waits for nothing', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/network'));
  await page.getByRole('button', { name: 'Post De Panne deactiveren' }).click();
  await signChange(page.getByRole('dialog'), 'Deactiveren');
  await expect(page.getByRole('status')).toContainText('Post De Panne');
  await page.goto(routeUrl('/sync'));
  const row = page.getByRole('row', { name: /^Post De Panne/ });
  await expect(row.getByRole('rowheader')).toContainText('Gedeactiveerd');
  await expect(row.getByRole('cell')).toHaveText(['PZ Westkust', 'Nooit', 'Onbekend', '—']);
  // Deactivated stations come after the active ones.
  await expect(page.getByRole('row').last()).toHaveAccessibleName(/^Post De Panne/);
});

test('the stale-days setting is checked, kept and used by the sync screen', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/settings'));
  const field = page.getByLabel('Een post valt op na dit aantal dagen zonder nieuws');
  await expect(field).toHaveValue('7');
  await field.fill('0');
  await page.getByRole('region', { name: 'Synchronisatie' }).getByRole('button', { name: 'Opslaan' }).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Geef een geheel aantal dagen, van 1 tot 365\./);
  await field.fill('14');
  await field.press('Enter');
  await expect(page.getByRole('region', { name: 'Synchronisatie' }).getByRole('status')).toHaveText('Opgeslagen.');
  await expect(field).not.toHaveAttribute('aria-invalid');

  await page.reload();
  await signIn(page, ADMIN.number, ADMIN.password);
  await expect(page.getByLabel('Een post valt op na dit aantal dagen zonder nieuws')).toHaveValue('14');
  await page.goto(routeUrl('/sync'));
  await expect(page.getByText('Posten die meer dan 14 dagen niets lieten horen, vallen op.')).toBeVisible();
});

test('the conflicts screen says when there are none', async ({ page }) => {
  await completeFirstRun(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Conflicten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conflicten' })).toBeFocused();
  await expect(page.getByRole('main')).toContainText('Geen open conflicten');
  await expect(page.getByRole('main').getByRole('table')).toHaveCount(0);
});
