import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signChange, signIn, tabTo } from './helpers';

const BART = { name: 'Bart De Smet', number: 'PO-0002', password: 'permanentie-123', passphrase: 'de polder in de winter' };

/** Who signed the newest roster version, as a person's personnel number, read from IndexedDB. */
async function lastSigner(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('zonelink');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['rosters', 'people'], 'readonly');
          const last = tx.objectStore('rosters').openCursor(null, 'prev');
          last.onsuccess = () => {
            const issuedBy = (last.result?.value as { issuedBy: string }).issuedBy;
            const person = tx.objectStore('people').get(issuedBy);
            person.onsuccess = () => resolve((person.result as { personnelNumber: string } | undefined)?.personnelNumber);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test('a second network administrator gets a signing key through the people page and signs a network change alone', async ({ page }) => {
  await completeFirstRun(page);
  await page.goto(routeUrl('/people'));
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  const add = page.getByRole('dialog', { name: 'Persoon toevoegen' });
  await add.getByLabel('Naam', { exact: true }).fill(BART.name);
  await add.getByLabel('Personeelsnummer').fill(BART.number);
  await add.getByLabel('Zone', { exact: true }).selectOption({ label: 'PZ Polder' });
  await add.getByLabel('Netwerkbeheerder').check();
  await add.getByLabel('Wachtwoord', { exact: true }).fill(BART.password);
  await add.getByLabel('Wachtwoord herhalen').fill(BART.password);
  await add.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page.getByRole('status')).toHaveText(`Het account van ${BART.name} is aangemaakt.`);

  const signers = page.getByRole('region', { name: 'Ondertekenen van netwerkwijzigingen' });
  const bartRow = signers.getByRole('row').filter({ hasText: BART.name });
  const anRow = signers.getByRole('row').filter({ hasText: ADMIN.name });
  await expect(anRow).toContainText('Kan ondertekenen');
  await expect(bartRow).toContainText('Kan niet ondertekenen');
  // The only administrator who can sign is offered no withdrawal: nobody could sign any more
  // (the data layer refuses it too: roster.lastAdmin, test/db/roster/enrol-admin.test.ts).
  await expect(anRow.getByRole('button', { name: `Ondertekeningssleutel intrekken voor ${ADMIN.name}` })).toHaveCount(0);
  await expect(anRow).toContainText('Enige die kan ondertekenen: maak eerst een sleutel voor een tweede netwerkbeheerder');

  // Keyboard only: reach the action, open the dialog, fill the three fields, submit.
  const enrol = bartRow.getByRole('button', { name: `Ondertekeningssleutel aanmaken voor ${BART.name}` });
  await tabTo(page, enrol);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Ondertekeningssleutel voor ${BART.name}` });
  const fresh = dialog.getByLabel('Nieuwe wachtzin', { exact: true });
  const repeat = dialog.getByLabel('Nieuwe wachtzin herhalen');
  const signer = dialog.getByLabel('Wachtzin netwerkbeheerder');
  await expect(fresh).toBeFocused();
  await page.keyboard.type(BART.passphrase);
  await page.keyboard.press('Tab');
  await expect(repeat).toBeFocused();
  await page.keyboard.type('de polder in de zomer');
  await page.keyboard.press('Tab');
  await expect(signer).toBeFocused();
  await page.keyboard.type('niet de goede wachtzin');
  await page.keyboard.press('Enter');
  await expect(repeat).toHaveAccessibleDescription('De twee wachtzinnen zijn niet gelijk.');
  await repeat.fill(BART.passphrase);
  await signer.press('Enter');
  await expect(signer).toHaveAccessibleDescription(/De wachtzin van uw beheerderssleutel klopt niet\./);
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), 'axe on the enrol dialog').toEqual([]);
  await expect(repeat).toHaveAccessibleDescription('');
  await fresh.fill(BART.password);
  await repeat.fill(BART.password);
  await signer.fill(ADMIN.passphrase);
  await signer.press('Enter');
  await expect(fresh).toHaveAccessibleDescription(/De wachtzin mag niet gelijk zijn aan het wachtwoord van het account\./);
  await fresh.fill(BART.passphrase);
  await repeat.fill(BART.passphrase);
  await signer.press('Enter');
  await expect(page.getByRole('status')).toHaveText(`${BART.name} kan nu wijzigingen van het netwerk ondertekenen.`);
  await page.screenshot({ path: 'test/artifacts/people-signers.png' });
  await expect(bartRow).toContainText('Kan ondertekenen');
  await expect(bartRow.getByRole('button', { name: /Ondertekeningssleutel aanmaken/ })).toHaveCount(0);
  expect(await lastSigner(page)).toBe(ADMIN.number);

  // Bart signs in and changes the network with his own passphrase.
  await page.reload();
  await signIn(page, BART.number, BART.password);
  await page.goto(routeUrl('/network'));
  await page.getByRole('button', { name: 'PZ Polder hernoemen' }).click();
  const rename = page.getByRole('dialog', { name: 'Zone hernoemen' });
  await rename.getByLabel('Naam van de zone').fill('PZ Polder-Noord');
  await rename.getByLabel('Wachtzin netwerkbeheerder').fill(BART.passphrase);
  await rename.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('De zone heet nu PZ Polder-Noord.');
  expect(await lastSigner(page)).toBe(BART.number);

  // Bart is no network administrator any more: An sees his key still listed and withdraws it.
  await page.reload();
  await signIn(page, ADMIN.number, ADMIN.password);
  await page.goto(routeUrl('/people'));
  await page.getByRole('button', { name: `${BART.name} bewerken` }).click();
  const edit = page.getByRole('dialog', { name: `${BART.name} bewerken` });
  await edit.getByLabel('Netwerkbeheerder').uncheck();
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(bartRow).toContainText('Kan nog ondertekenen, maar is geen actieve netwerkbeheerder');
  await bartRow.getByRole('button', { name: `Ondertekeningssleutel intrekken voor ${BART.name}` }).click();
  await signChange(page.getByRole('dialog', { name: 'Ondertekeningssleutel intrekken?' }), 'Intrekken');
  await expect(page.getByRole('status')).toHaveText(`De ondertekeningssleutel van ${BART.name} is ingetrokken.`);
  await expect(bartRow).toHaveCount(0);
  await expect(signers.getByRole('row')).toHaveCount(2);
  await expect(anRow).toContainText('Enige die kan ondertekenen');
});
