import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, signChange, signIn } from './helpers';
import { approveRequest, askToJoin, completeJoin, download, fingerprintIn, newStation, readRequest, saveApprovedRoster, upload, writeBootstrap } from './join-helpers';
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

test('joining as a new station: the approval adds the post the request names, keyboard only, and the new station takes its start bundle and signs in', async ({ page: a, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  await usePlainFileDialogs(a);
  await completeFirstRun(a);
  const b = await newStation(browser, errors);
  const asked = await askToJoin(b, 'Post Oostduinkerke', 'Westkust');

  await readRequest(a, asked.request);
  const dialog = a.getByRole('dialog', { name: 'Aanvraag van Post Oostduinkerke' });
  const choice = dialog.getByLabel('Goedkeuren als');
  // The new station first and chosen; the stations of the zone without keys after it (not A's own).
  await expect(choice.locator('option')).toHaveText(['Nieuwe post Post Oostduinkerke in PZ Westkust', 'Bestaande post Post De Panne', 'Bestaande post Post Nieuwpoort']);
  await expect(choice.locator('option:checked')).toHaveText('Nieuwe post Post Oostduinkerke in PZ Westkust');
  await expect(choice).toHaveAccessibleDescription('Een nieuwe post met de naam uit de aanvraag, of een bestaande post van PZ Westkust die nog geen sleutels heeft.');
  await expectAxeClean(a, 'the approval dialog with a new station');
  expect(await fingerprintIn(a, 'Vingerafdruk van de aanvraag')).toBe(asked.fingerprint);
  await choice.focus();
  await a.keyboard.press('ArrowDown');
  await expect(choice.locator('option:checked')).toHaveText('Bestaande post Post De Panne');
  await a.keyboard.press('ArrowUp');
  await expect(choice.locator('option:checked')).toHaveText('Nieuwe post Post Oostduinkerke in PZ Westkust');
  await a.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('checkbox', { name: 'De vingerafdruk komt overeen met wat de andere post voorleest' })).toBeFocused();
  await a.keyboard.press('Space');
  await a.keyboard.press('Tab');
  await a.keyboard.press('Tab');
  await expect(dialog.getByLabel('Wachtzin netwerkbeheerder')).toBeFocused();
  await a.keyboard.type(ADMIN.passphrase);
  await a.keyboard.press('Enter');
  const approved = await saveApprovedRoster(a, 'Post Oostduinkerke');

  await expect(a.getByRole('table', { name: 'Posten van PZ Westkust' })).toContainText('Post Oostduinkerke');
  // The same request again: its keys are in the network now.
  await readRequest(a, asked.request);
  await expect(a.getByRole('region', { name: 'Aansluitingsaanvragen' }).getByRole('alert')).toHaveText(
    'Deze aanvraag werd al goedgekeurd: de sleutels staan in het netwerk bij Post Oostduinkerke.',
  );
  // A request under a name the network has: no new station offered, and why.
  const c = await newStation(browser, errors);
  const taken = await askToJoin(c, 'post de panne', 'PZ Westkust');
  await readRequest(a, taken.request);
  const other = a.getByRole('dialog', { name: 'Aanvraag van post de panne' });
  await expect(other.getByLabel('Goedkeuren als').locator('option')).toHaveText(['Bestaande post Post De Panne', 'Bestaande post Post Nieuwpoort']);
  await expect(other.getByLabel('Goedkeuren als')).toHaveAccessibleDescription('Er kan geen nieuwe post "post de panne" bij: het netwerk heeft al een actieve post met die naam.');
  await other.getByRole('button', { name: 'Sluiten' }).click();
  // With no station of the zone left without keys, a taken name has nowhere to go: said so, nothing to approve.
  for (const station of ['Post De Panne', 'Post Nieuwpoort']) {
    await a.getByRole('button', { name: `${station} deactiveren` }).click();
    await signChange(a.getByRole('dialog', { name: 'Post deactiveren?' }), 'Deactiveren');
    await expect(a.getByRole('status')).toHaveText(`Post ${station} is gedeactiveerd. U kunt ze opnieuw activeren.`);
  }
  const d = await newStation(browser, errors);
  await readRequest(a, (await askToJoin(d, 'centraal politiehuis koksijde', 'Westkust')).request);
  const nowhere = a.getByRole('dialog', { name: 'Aanvraag van centraal politiehuis koksijde' });
  await expect(nowhere.getByRole('alert')).toHaveText(
    'Geen enkele post kan deze aanvraag aannemen: PZ Westkust heeft geen post zonder sleutels meer. Er kan geen nieuwe post "centraal politiehuis koksijde" bij: het netwerk heeft al een actieve post met die naam.',
  );
  await expect(nowhere.getByRole('button', { name: 'Post toevoegen aan het netwerk' })).toHaveCount(0);
  await nowhere.getByRole('button', { name: 'Sluiten' }).click();

  await completeJoin(b, approved.roster, approved.networkFingerprint, await writeBootstrap(a, 'Post Oostduinkerke'));
  await signIn(b, ADMIN.number, ADMIN.password);
  await expect(b.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  await expect(b.locator('.station-label')).toHaveText(/PZ Westkust.*Post Oostduinkerke/);
  expect(errors).toEqual([]);
});
