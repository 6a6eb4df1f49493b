import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ROUTES } from '../../renderer/features/route-table';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, fillAdminPassphrase, routeUrl } from './helpers';
import { openDatabaseTooNew } from './recovery-helpers';

const ARTIFACTS = 'test/artifacts';

/** axe-core on the page as it is: no serious or critical violation. */
async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: false });
}

test('every route of the route table passes axe in Dutch and English (1280×800 screenshots kept)', async ({ page }) => {
  await completeFirstRun(page);
  for (const language of ['nl-BE', 'en'] as const) {
    if (language === 'en') {
      await page.goto(routeUrl('/settings'));
      await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    for (const route of ROUTES) {
      await page.goto(routeUrl(route.path));
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, `${route.path} (${language})`);
      await screenshot(page, `route-${route.id}-${language}`);
    }
  }
});

test('the wizard steps and the sign-in screen pass axe', async ({ page }) => {
  await page.goto('/');
  const steps = ['welcome', 'network', 'station', 'account'];
  for (const [i, step] of steps.entries()) {
    await expect(page.getByRole('listitem').filter({ has: page.locator('[aria-current="step"]') }).or(page.locator('[aria-current="step"]'))).toHaveCount(1);
    await expectNoSeriousViolations(page, `wizard step ${step}`);
    await screenshot(page, `wizard-${i + 1}-${step}`);
    if (step !== 'account') await page.getByRole('button', { name: 'Volgende' }).click();
  }
  // A form with its errors shown must pass too.
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();
  await expect(page.getByLabel('Naam', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page, 'wizard account step with errors');
  await screenshot(page, 'wizard-4-account-errors');
  await page.getByLabel('Naam', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('Personeelsnummer').fill(ADMIN.number);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Wachtwoord herhalen').fill(ADMIN.password);
  await fillAdminPassphrase(page);
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();
  await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
  await expectNoSeriousViolations(page, 'wizard done step');
  await screenshot(page, 'wizard-5-done');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await page.getByLabel('Personeelsnummer').fill(ADMIN.number);
  await page.getByLabel('Wachtwoord').fill('niet het wachtwoord');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, 'sign-in with an error');
  await screenshot(page, 'sign-in');
});

test('the dialogs pass axe', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/network'));
  await page.getByRole('button', { name: 'Zone toevoegen' }).click();
  await expect(page.getByRole('dialog', { name: 'Zone toevoegen' })).toBeVisible();
  await expectNoSeriousViolations(page, 'add-zone dialog');
  await screenshot(page, 'dialog-add-zone');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Post De Panne deactiveren' }).click();
  await expectNoSeriousViolations(page, 'confirm dialog');
  await screenshot(page, 'dialog-confirm');
  await page.keyboard.press('Escape');
  await page.goto(routeUrl('/people'));
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  await expect(page.getByRole('dialog', { name: 'Persoon toevoegen' })).toBeVisible();
  await expectNoSeriousViolations(page, 'add-person dialog');
  await screenshot(page, 'dialog-add-person');
});

test('the recovery screen passes axe', async ({ page }) => {
  await openDatabaseTooNew(page);
  await expect(page.getByRole('heading', { name: 'Zonelink kan de gegevens niet openen' })).toBeVisible();
  await expectNoSeriousViolations(page, 'recovery screen');
  await screenshot(page, 'recovery');
});
