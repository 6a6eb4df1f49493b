import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signIn } from './helpers';

test('a wrong password is refused with a message that does not tell whether the number exists', async ({ page }) => {
  await completeFirstRun(page);
  await page.reload();
  await signIn(page, ADMIN.number, 'niet mijn wachtwoord');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('Personeelsnummer of wachtwoord klopt niet, of het account is gedeactiveerd.');
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');

  await signIn(page, 'ONBEKEND99', 'niet mijn wachtwoord');
  await expect(alert).toHaveText('Personeelsnummer of wachtwoord klopt niet, of het account is gedeactiveerd.');

  await signIn(page, ADMIN.number, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('locking keeps the page: signing in again returns to it', async ({ page }) => {
  await completeFirstRun(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Netwerk' }).click();
  await expect(page).toHaveURL(/#\/network$/);
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { name: 'Het bureau is vergrendeld' })).toBeVisible();
  await expect(page.getByText('PZ Westkust')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await signIn(page, ADMIN.number, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Netwerk WVL4: zones en posten' })).toBeVisible();
});

test('the desk locks itself after the chosen idle time, and not before', async ({ page }) => {
  await page.clock.install();
  await completeFirstRun(page);
  await page.goto(routeUrl('/settings'));
  await page.getByRole('combobox', { name: 'Vergrendelen na' }).selectOption('2');
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();

  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  // Input resets the idle time.
  await page.keyboard.press('Shift');
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await page.clock.fastForward('00:45');
  await expect(page.getByRole('heading', { name: 'Het bureau is vergrendeld' })).toBeVisible();

  await signIn(page, ADMIN.number, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
});

test('auto-lock off never locks; the default locks after ten minutes', async ({ page }) => {
  await page.clock.install();
  await completeFirstRun(page);
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Het bureau is vergrendeld' })).toBeVisible();

  await signIn(page, ADMIN.number, ADMIN.password);
  await page.goto(routeUrl('/settings'));
  await page.getByRole('combobox', { name: 'Vergrendelen na' }).selectOption('0');
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  await page.clock.fastForward('02:00:00');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
});

test('settings show the storage state and change the own password', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/settings'));
  const storage = page.getByRole('region', { name: 'Opslag' });
  await expect(storage.getByText('Blijvend bewaard')).toBeVisible();
  await expect(storage.getByText(/van .* beschikbaar/)).toBeVisible();

  await page.getByLabel('Nieuw wachtwoord').fill('een nieuw lang wachtwoord');
  await page.getByLabel('Wachtwoord herhalen').fill('een nieuw lang wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het wachtwoord is gewijzigd.' })).toBeVisible();
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await signIn(page, ADMIN.number, ADMIN.password);
  await expect(page.getByRole('alert')).toBeVisible();
  await signIn(page, ADMIN.number, 'een nieuw lang wachtwoord');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
});
