import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { completeFirstRun } from './helpers';
import { approveRequest, download, fingerprintIn, newStation, readRequest, upload } from './join-helpers';
import { usePlainFileDialogs } from './sync-helpers';

async function expectAxeClean(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), `axe on ${what}`).toEqual([]);
}

test('joining: missing fields and an unknown zone are told where they belong, asking again keeps the keys, a wrong network fingerprint is refused', async ({ page: a, browser }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  await usePlainFileDialogs(a);
  await completeFirstRun(a);
  const b = await newStation(browser, errors);

  await b.goto('/');
  await b.getByRole('radio', { name: /^Aansluiten bij een bestaand netwerk/ }).check();
  await b.getByRole('button', { name: 'Volgende' }).click();
  await b.getByRole('button', { name: 'Aanvraag maken en bewaren…' }).click();
  await expect(b.getByLabel('Naam van deze post')).toBeFocused();
  await expect(b.getByLabel('Naam van deze post')).toHaveAccessibleDescription('Vul dit veld in.');
  await expect(b.getByLabel('Zone', { exact: true })).toHaveAccessibleDescription(/Vul dit veld in\./);
  await b.getByLabel('Naam van deze post').fill('Post Nieuwpoort');
  await b.getByLabel('Zone', { exact: true }).fill('PZ Brugge');
  const first = await download(b, () => b.getByRole('button', { name: 'Aanvraag maken en bewaren…' }).click());
  const fingerprint = await fingerprintIn(b, 'Vingerafdruk van deze post');
  await expectAxeClean(b, 'the join request step');

  await readRequest(a, first);
  await expect(a.getByRole('region', { name: 'Aansluitingsaanvragen' }).getByRole('alert')).toHaveText(
    'Het netwerk heeft geen actieve zone "PZ Brugge". Controleer de naam met de aanvrager.',
  );

  // Corrected and asked again: the same keys, so the same fingerprint.
  await b.getByLabel('Zone', { exact: true }).fill('westkust');
  const second = await download(b, () => b.getByRole('button', { name: 'Aanvraag maken en bewaren…' }).click());
  expect(await fingerprintIn(b, 'Vingerafdruk van deze post')).toBe(fingerprint);

  await readRequest(a, second);
  const dialog = a.getByRole('dialog', { name: 'Aanvraag van Post Nieuwpoort' });
  await expect(dialog).toContainText('Gevraagd: post "Post Nieuwpoort" in zone "westkust".');
  await dialog.getByRole('button', { name: 'Post toevoegen aan het netwerk' }).click();
  const check = dialog.getByRole('checkbox', { name: 'De vingerafdruk komt overeen met wat de andere post voorleest' });
  await expect(check).toBeFocused();
  await expect(check).toHaveAccessibleDescription('Vergelijk eerst de vingerafdruk met de andere post.');
  await expectAxeClean(a, 'the approval dialog');
  await dialog.getByLabel('Wachtzin netwerkbeheerder').fill('niet de goede wachtzin');
  await check.check();
  await dialog.getByRole('button', { name: 'Post toevoegen aan het netwerk' }).click();
  await expect(dialog.getByLabel('Wachtzin netwerkbeheerder')).toHaveAccessibleDescription(/De wachtzin van uw beheerderssleutel klopt niet\./);
  await dialog.getByLabel('Wachtzin netwerkbeheerder').fill('');
  await check.uncheck();
  const approved = await approveRequest(a, fingerprint, 'Post Nieuwpoort');

  await b.getByRole('button', { name: 'Volgende' }).click();
  await b.getByRole('button', { name: 'Aansluiten' }).click();
  await expect(b.getByText('Kies eerst het bestand met de netwerkdefinitie.')).toBeVisible();
  await upload(b, () => b.getByRole('button', { name: 'Netwerkdefinitie kiezen…' }).click(), approved.roster);
  await expect(b.getByText('Gekozen: zonelink-roster.json')).toBeVisible();
  await b.getByLabel('Vingerafdruk van het netwerk').fill('AAAA BBBB CCCC DDDD EEEE');
  await b.getByRole('button', { name: 'Aansluiten' }).click();
  await expect(b.getByLabel('Vingerafdruk van het netwerk')).toHaveAccessibleDescription(/De vingerafdruk van het netwerk klopt niet\./);
  await expectAxeClean(b, 'the roster step');
  await b.getByLabel('Vingerafdruk van het netwerk').fill(approved.networkFingerprint);
  await b.getByRole('button', { name: 'Aansluiten' }).click();
  await expect(b.getByRole('heading', { name: 'De gegevens van het netwerk' })).toBeVisible();
  await expect(b.getByText('Deze computer is nu de post Post Nieuwpoort van PZ Westkust.', { exact: false })).toBeVisible();
  await expectAxeClean(b, 'the start bundle step');
  expect(errors).toEqual([]);
});
