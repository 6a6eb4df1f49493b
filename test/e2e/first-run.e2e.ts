import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, signIn } from './helpers';

test('the first-run wizard shows the WVL4 network, sets up the station and survives a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');
  await expect(page.getByRole('heading', { name: 'Welkom bij Zonelink' })).toBeVisible();
  await page.getByRole('button', { name: 'Volgende' }).click();

  // The template's zones, municipalities and stations.
  await expect(page.getByRole('heading', { name: 'Het netwerk WVL4' })).toBeVisible();
  for (const zone of ['PZ Westkust', 'PZ Polder', 'PZ RIHO', 'PZ VLAS']) {
    await expect(page.getByRole('heading', { level: 3, name: zone })).toBeVisible();
  }
  await expect(page.getByText('Wijkpost Houthulst')).toBeVisible();
  await expect(page.getByText('Diksmuide, Koekelare, Kortemark, Houthulst')).toBeVisible();
  await page.getByRole('button', { name: 'Volgende' }).click();

  // This station: choosing a zone offers its own stations only.
  await page.getByLabel('Zone').selectOption({ label: 'PZ VLAS' });
  await expect(page.getByLabel('Post', { exact: true }).locator('option')).toHaveText([
    'Hoofdcommissariaat Kortrijk',
    'Post Kuurne',
    'Post Lendelede',
  ]);
  await page.getByLabel('Post', { exact: true }).selectOption({ label: 'Post Kuurne' });
  await page.getByRole('button', { name: 'Volgende' }).click();

  // The account: the password rules are checked before anything is written.
  await page.getByLabel('Naam', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('Personeelsnummer').fill(ADMIN.number);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('kort');
  await page.getByLabel('Wachtwoord herhalen').fill('kort');
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAccessibleDescription(/minstens 10 tekens/);
  await expect(page.getByLabel('Wachtwoord', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Wachtwoord', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Wachtwoord herhalen').fill(`${ADMIN.password}!`);
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();
  await expect(page.getByLabel('Wachtwoord herhalen')).toHaveAccessibleDescription('De twee wachtwoorden zijn niet gelijk.');
  await page.getByLabel('Wachtwoord herhalen').fill(ADMIN.password);
  // The administrator passphrase: its own rules, under its own fields.
  await page.getByLabel('Wachtzin', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Wachtzin herhalen').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();
  await expect(page.getByLabel('Wachtzin', { exact: true })).toHaveAccessibleDescription(/Kies een wachtzin die verschilt van uw wachtwoord\./);
  await page.getByLabel('Wachtzin', { exact: true }).fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();
  await expect(page.getByLabel('Wachtzin herhalen')).toHaveAccessibleDescription('De twee wachtzinnen zijn niet gelijk.');
  await page.getByLabel('Wachtzin herhalen').fill(ADMIN.passphrase);
  await page.getByRole('button', { name: 'Account aanmaken en afronden' }).click();

  await expect(page.getByRole('heading', { name: 'Klaar' })).toBeVisible();
  await expect(page.getByText('Deze computer is nu de post Post Kuurne van PZ VLAS in het netwerk WVL4.')).toBeVisible();
  await page.getByRole('button', { name: 'Naar het overzicht' }).click();
  await expect(page.getByRole('banner')).toContainText('PZ VLAS');
  await expect(page.getByRole('banner')).toContainText('Post Kuurne');
  await expect(page.getByRole('banner')).toContainText(ADMIN.name);

  // A reload keeps the station but not the session.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
  await expect(page.getByText('PZ VLAS')).toBeVisible();
  await signIn(page, ADMIN.number.toLowerCase(), ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Post Kuurne');
});

test('an abandoned wizard leaves no trace', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Zone').selectOption({ label: 'PZ RIHO' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Zonelink' })).toBeVisible();
  const stored = await page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('zonelink');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = Array.from(db.objectStoreNames);
          const counts: Record<string, number> = {};
          if (names.length === 0) return resolve(counts);
          const tx = db.transaction(names, 'readonly');
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (counts[name] = req.result);
          }
          tx.oncomplete = () => resolve(counts);
        };
      }),
  );
  expect(Object.keys(stored)).toEqual(expect.arrayContaining(['settings', 'rosters', 'people']));
  for (const [table, count] of Object.entries(stored)) expect(count, `rows in ${table}`).toBe(0);
});

test('the helper completes the first run', async ({ page }) => {
  await completeFirstRun(page);
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
});
