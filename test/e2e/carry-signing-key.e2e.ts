import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signChange } from './helpers';
import { download, joinStation, newStation, upload } from './join-helpers';
import { usePlainFileDialogs } from './sync-helpers';

// A network administrator saves their signing key as a file at A and reads it at B (decision 0057).

test('the administrator carries their signing key from A to B and signs a network change at B alone', async ({ page: a, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  await usePlainFileDialogs(a);
  await completeFirstRun(a);
  const b = await newStation(browser, errors);
  await joinStation(a, b, 'Hoofdcommissariaat Diksmuide', 'Polder');

  // At B the key is not there: no change can be signed.
  await b.goto(routeUrl('/network'));
  await b.getByRole('button', { name: 'PZ Polder hernoemen' }).click();
  const rename = b.getByRole('dialog', { name: 'Zone hernoemen' });
  await rename.getByLabel('Naam van de zone').fill('PZ Polder-Noord');
  await signChange(rename, 'Opslaan');
  await expect(rename.getByLabel('Wachtzin netwerkbeheerder')).toHaveAccessibleDescription(/Op deze post is geen sleutel van een netwerkbeheerder\./);
  await rename.getByRole('button', { name: 'Annuleren' }).click();

  await a.goto(routeUrl('/people'));
  const cardA = a.getByRole('region', { name: 'Ondertekenen van netwerkwijzigingen' });
  await expect(cardA.getByRole('button', { name: 'Sleutel van een andere post inlezen' })).toHaveCount(0);
  const key = await download(a, () => cardA.getByRole('button', { name: 'Sleutel bewaren als bestand' }).click());
  await expect(a.getByRole('status')).toHaveText('Uw ondertekeningssleutel is bewaard als zonelink-signing-key.json. Bewaar het bestand veilig.');
  expect(Object.keys(JSON.parse(key.buffer.toString('utf8')) as object).sort()).toEqual(['format', 'iterations', 'person', 'publicKey', 'salt', 'version', 'wrapped']);

  await b.goto(routeUrl('/people'));
  const cardB = b.getByRole('region', { name: 'Ondertekenen van netwerkwijzigingen' });
  const read = cardB.getByRole('button', { name: 'Sleutel van een andere post inlezen' });
  await expect(cardB.getByRole('button', { name: 'Sleutel bewaren als bestand' })).toHaveCount(0);
  // A file that is not a key is refused before any passphrase is asked.
  await upload(b, () => read.click(), { name: 'zonelink-roster.json', buffer: Buffer.from('{"format":"zonelink-roster"}') });
  await expect(b.getByRole('alert')).toHaveText('Dit bestand is geen ondertekeningssleutel van Zonelink, of het is beschadigd.');
  await expect(b.getByRole('dialog')).toHaveCount(0);

  // Keyboard only: reach the button, choose the file, type the passphrase.
  await read.focus();
  await upload(b, () => b.keyboard.press('Enter'), key);
  const dialog = b.getByRole('dialog', { name: 'Ondertekeningssleutel inlezen' });
  const passphrase = dialog.getByLabel('Wachtzin netwerkbeheerder');
  await expect(passphrase).toBeFocused();
  // The hint says what this passphrase is for here: opening the key, not signing a change.
  await expect(passphrase).toHaveAccessibleDescription(/De wachtzin die u koos toen deze ondertekeningssleutel werd aangemaakt\. Er wordt niets ondertekend\./);
  await b.keyboard.type('niet de goede wachtzin');
  await b.keyboard.press('Enter');
  await expect(passphrase).toHaveAccessibleDescription(/De wachtzin van uw beheerderssleutel klopt niet\./);
  const axe = await new AxeBuilder({ page: b }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), 'axe on the read-key dialog').toEqual([]);
  await passphrase.fill(ADMIN.passphrase);
  await passphrase.press('Enter');
  await expect(b.getByRole('status')).toHaveText('Uw ondertekeningssleutel staat nu ook op deze post. U kunt hier wijzigingen van het netwerk ondertekenen.');
  await expect(cardB.getByRole('button', { name: 'Sleutel bewaren als bestand' })).toBeVisible();
  await expect(read).toHaveCount(0);

  // Now B signs a change of the network alone.
  await b.goto(routeUrl('/network'));
  await b.getByRole('button', { name: 'PZ Polder hernoemen' }).click();
  await rename.getByLabel('Naam van de zone').fill('PZ Polder-Noord');
  await signChange(rename, 'Opslaan');
  await expect(b.getByRole('status')).toHaveText('De zone heet nu PZ Polder-Noord.');
  expect(errors).toEqual([]);
});
