import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signChange, signIn } from './helpers';

async function addPerson(page: Page, person: { name: string; number: string; zone: string; roles: string[]; password: string }) {
  await page.goto(routeUrl('/people'));
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Persoon toevoegen' });
  await dialog.getByLabel('Naam', { exact: true }).fill(person.name);
  await dialog.getByLabel('Personeelsnummer').fill(person.number);
  await dialog.getByLabel('Zone', { exact: true }).selectOption({ label: person.zone });
  await dialog.getByLabel('Medewerker post').setChecked(person.roles.includes('Medewerker post'));
  for (const role of person.roles) await dialog.getByLabel(role).check();
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill(person.password);
  await dialog.getByLabel('Wachtwoord herhalen').fill(person.password);
  await dialog.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page.getByRole('status')).toHaveText(`Het account van ${person.name} is aangemaakt.`);
}

test('a network administrator adds, renames, deactivates and reactivates a zone', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/network'));
  await page.getByRole('button', { name: 'Zone toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Zone toevoegen' });
  await dialog.getByLabel('Naam van de zone').fill('PZ Ieper');
  await dialog.getByLabel('Korte code').fill('westkust');
  await dialog.getByLabel('Gemeenten').fill('Ieper, Zonnebeke, Langemark-Poelkapelle');
  await signChange(dialog, 'Zone toevoegen');
  // The rule the domain enforces shows under the field it concerns.
  await expect(dialog.getByLabel('Korte code')).toHaveAccessibleDescription(/De korte code "westkust" is al in gebruik\./);
  await dialog.getByLabel('Korte code').fill('ieper');
  // A wrong passphrase signs nothing, and says so under its field.
  await dialog.getByLabel('Wachtzin netwerkbeheerder').fill('niet de goede wachtzin');
  await dialog.getByRole('button', { name: 'Zone toevoegen' }).click();
  await expect(dialog.getByLabel('Wachtzin netwerkbeheerder')).toHaveAccessibleDescription(/De wachtzin van uw beheerderssleutel klopt niet\./);
  await signChange(dialog, 'Zone toevoegen');
  await expect(page.getByRole('status')).toHaveText('Zone PZ Ieper is toegevoegd.');
  const zone = page.getByRole('region', { name: /PZ Ieper/ });
  await expect(zone).toContainText('Ieper, Zonnebeke, Langemark-Poelkapelle');
  await expect(zone).toContainText('Deze zone heeft nog geen posten.');

  await zone.getByRole('button', { name: 'Post toevoegen aan PZ Ieper' }).click();
  await page.getByLabel('Naam van de post').fill('Hoofdcommissariaat Ieper');
  await signChange(page.getByRole('dialog'), 'Post toevoegen');
  await expect(page.getByRole('status')).toHaveText('Post Hoofdcommissariaat Ieper is toegevoegd.');
  await page.getByRole('button', { name: 'PZ Ieper hernoemen' }).click();
  await page.getByLabel('Naam van de zone').fill('PZ Arro Ieper');
  await signChange(page.getByRole('dialog'), 'Opslaan');
  await expect(page.getByRole('status')).toHaveText('De zone heet nu PZ Arro Ieper.');

  const renamed = page.getByRole('region', { name: /PZ Arro Ieper/ });
  await page.getByRole('button', { name: 'PZ Arro Ieper deactiveren' }).click();
  const confirm = page.getByRole('dialog', { name: 'Zone deactiveren?' });
  await expect(confirm).toContainText('Zone PZ Arro Ieper en al haar posten worden gedeactiveerd.');
  await signChange(confirm, 'Deactiveren');
  await expect(page.getByRole('status')).toHaveText('Zone PZ Arro Ieper is gedeactiveerd. U kunt ze opnieuw activeren.');
  await expect(renamed.getByText('Gedeactiveerd')).toHaveCount(2);
  await expect(renamed.getByRole('button', { name: 'Post toevoegen aan PZ Arro Ieper' })).toHaveCount(0);

  await page.getByRole('button', { name: 'PZ Arro Ieper opnieuw activeren' }).click();
  await signChange(page.getByRole('dialog', { name: 'Zone opnieuw activeren?' }), 'Opnieuw activeren');
  await expect(page.getByRole('status')).toHaveText('Zone PZ Arro Ieper is opnieuw actief.');
  await page.getByRole('button', { name: 'Hoofdcommissariaat Ieper opnieuw activeren' }).click();
  await signChange(page.getByRole('dialog', { name: 'Post opnieuw activeren?' }), 'Opnieuw activeren');
  await expect(renamed.getByText('Gedeactiveerd')).toHaveCount(0);
  await page.goto(routeUrl('/'));
  await expect(page.getByRole('main')).toContainText('5 actieve zones, 14 actieve posten.');
});

test('the last active zone cannot be deactivated; the message says why', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/network'));
  for (const zone of ['PZ Polder', 'PZ RIHO', 'PZ VLAS']) {
    await page.getByRole('button', { name: `${zone} deactiveren` }).click();
    await signChange(page.getByRole('dialog'), 'Deactiveren');
    await expect(page.getByRole('status')).toHaveText(`Zone ${zone} is gedeactiveerd. U kunt ze opnieuw activeren.`);
  }
  await page.getByRole('button', { name: 'PZ Westkust deactiveren' }).click();
  await signChange(page.getByRole('dialog'), 'Deactiveren');
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('Dit is de laatste actieve zone: die kan niet gedeactiveerd worden.');
});

test('accounts: a manager adds people, roles limit what they see, deactivation stops sign-in', async ({ page }) => {
  await completeFirstRun(page);
  await addPerson(page, { name: 'Bert Claeys', number: 'PD5678', zone: 'PZ Polder', roles: ['Zonebeheerder'], password: 'polder en duinen 7' });
  await addPerson(page, { name: 'Carla Deprez', number: 'WK9012', zone: 'PZ Westkust', roles: ['Medewerker post'], password: 'kustlijn wandeling 3' });
  await expect(page.getByRole('row', { name: /Bert Claeys/ })).toContainText('PZ Polder');
  await expect(page.getByRole('row', { name: /Bert Claeys/ }).getByRole('cell').nth(3)).toHaveText('Zonebeheerder');

  // A taken personnel number is refused on its field.
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Persoon toevoegen' });
  await dialog.getByLabel('Naam', { exact: true }).fill('Dubbel');
  await dialog.getByLabel('Personeelsnummer').fill('pd5678');
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill('nog een wachtwoord');
  await dialog.getByLabel('Wachtwoord herhalen').fill('nog een wachtwoord');
  await dialog.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(dialog.getByLabel('Personeelsnummer')).toHaveAccessibleDescription('Personeelsnummer PD5678 is al in gebruik.');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();

  // Station staff: no people area, no editing of the network.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await signIn(page, 'WK9012', 'kustlijn wandeling 3');
  await expect(page.getByRole('navigation')).not.toContainText('Personen');
  await page.goto(routeUrl('/people'));
  await expect(page.getByText('Uw rollen geven geen toegang tot dit onderdeel.')).toBeVisible();
  await page.goto(routeUrl('/network'));
  await expect(page.getByRole('button', { name: /hernoemen|deactiveren|toevoegen/ })).toHaveCount(0);

  // A zone administrator of PZ Polder manages that zone's stations and people only.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await signIn(page, 'PD5678', 'polder en duinen 7');
  await page.goto(routeUrl('/network'));
  await expect(page.getByRole('button', { name: 'Zone toevoegen' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Post toevoegen aan PZ Polder' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Post toevoegen aan PZ Westkust' })).toHaveCount(0);
  await page.goto(routeUrl('/people'));
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row', { name: /Bert Claeys/ })).toBeVisible();
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  await expect(page.getByRole('dialog').getByLabel('Netwerkbeheerder')).toBeDisabled();
  await page.keyboard.press('Escape');

  // The network administrator deactivates Carla after a confirmation; she can no longer sign in.
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await signIn(page, ADMIN.number, ADMIN.password);
  await page.goto(routeUrl('/people'));
  await page.getByRole('button', { name: 'Carla Deprez deactiveren' }).click();
  await page.getByRole('dialog', { name: 'Account deactiveren?' }).getByRole('button', { name: 'Deactiveren' }).click();
  await expect(page.getByRole('status')).toHaveText('Het account van Carla Deprez is gedeactiveerd. U kunt het opnieuw activeren.');
  await expect(page.getByRole('row', { name: /Carla Deprez/ })).toContainText('Gedeactiveerd');
  await expect(page.getByRole('button', { name: 'An Vermeulen deactiveren' })).toHaveCount(0);

  // Setting a password for someone else.
  await page.getByRole('button', { name: 'Wachtwoord instellen voor Bert Claeys' }).click();
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('nieuw voor bert 11');
  await page.getByLabel('Wachtwoord herhalen').fill('nieuw voor bert 11');
  await page.getByRole('dialog').getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('Het wachtwoord is gewijzigd.');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await signIn(page, 'WK9012', 'kustlijn wandeling 3');
  await expect(page.getByRole('alert')).toHaveText('Personeelsnummer of wachtwoord klopt niet, of het account is gedeactiveerd.');
  await signIn(page, 'PD5678', 'nieuw voor bert 11');
  await expect(page.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Bert Claeys');
});
