import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl } from './helpers';

test('the language switches at once, persists across a reload and follows <html lang>', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/settings'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toContainText('Overview');
  await expect(page).toHaveTitle('Settings · Zonelink');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Personnel number').fill(ADMIN.number);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('nl-BE');
  await expect(page.getByRole('heading', { level: 1, name: 'Instellingen' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
});

test('the language chosen in the wizard is kept after the first run', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Welcome to Zonelink' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Name', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('Personnel number').fill(ADMIN.number);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat password').fill(ADMIN.password);
  await page.getByLabel('Passphrase', { exact: true }).fill(ADMIN.passphrase);
  await page.getByLabel('Repeat passphrase').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Create account and finish' }).click();
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible();
  await page.getByRole('button', { name: 'Go to the overview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  // Dates follow the language too (date-fns, Europe/Brussels, ISO week).
  await expect(page.getByRole('main')).toContainText(/(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4} · week \d{2}/);

  // The settings table holds the choice: clearing the mirror does not lose it.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
