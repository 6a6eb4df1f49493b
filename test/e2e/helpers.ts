import { expect, type Locator, type Page } from '@playwright/test';
import type { ROUTES } from '../../renderer/features/route-table';

export const ADMIN = { name: 'An Vermeulen', number: 'WK1234', password: 'zonnige maandag 42', passphrase: 'het netwerk van de westkust' };

/** The address of a route of the table. */
export function routeUrl(path: (typeof ROUTES)[number]['path']): string {
  return `/#${path}`;
}

/**
 * Runs the first-run wizard in Dutch with the defaults (PZ Westkust, Centraal Politiehuis
 * Koksijde) and lands on the dashboard, signed in as ADMIN.
 */
export async function completeFirstRun(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welkom bij Zonelink' })).toBeVisible();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByLabel('Naam', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('Personeelsnummer').fill(ADMIN.number);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Wachtwoord herhalen').fill(ADMIN.password);
  await fillAdminPassphrase(page);
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();
  await page.getByRole('button', { name: 'Naar het overzicht' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
}

/** The network administrator's passphrase, twice, on the wizard's account step. */
export async function fillAdminPassphrase(page: Page): Promise<void> {
  await page.getByLabel('Wachtzin', { exact: true }).fill(ADMIN.passphrase);
  await page.getByLabel('Wachtzin herhalen').fill(ADMIN.passphrase);
}

/** Signs a change of the network in its dialog: the passphrase, then the dialog's button. */
export async function signChange(dialog: Locator, button: string): Promise<void> {
  await dialog.getByLabel('Wachtzin netwerkbeheerder').fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: button, exact: true }).click();
}

export async function signIn(page: Page, number: string, password: string): Promise<void> {
  await page.getByLabel('Personeelsnummer').fill(number);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

/** Presses Tab until the element has focus; fails when it is not reached within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`not reached with Tab: ${target.toString()}`);
}
