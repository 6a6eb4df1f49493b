import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signIn, tabTo } from './helpers';
import { addPerson, joinStation, newStation, peopleNames, readBundle, writeForNetwork } from './join-helpers';
import { usePlainFileDialogs } from './sync-helpers';

// Two stations give the same personnel number offline; after the exchange the conflicts screen at
// both shows the accounts with who gave each number where; one station gives one of them another
// number through the conflict's link, and after the next exchange the conflict is gone at both
// (decision 0056). Someone who may change neither account sees it without a way to settle it.

const HEADING = 'Personeelsnummer WK2001 staat op 2 accounts';

async function duplicateCard(page: Page) {
  await page.goto(routeUrl('/conflicts'));
  const card = page.getByRole('region', { name: HEADING });
  await expect(card).toBeVisible();
  return card;
}

test('two accounts with one personnel number: shown at both stations, settled by giving one another number', async ({ page: a, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  await usePlainFileDialogs(a);
  await completeFirstRun(a);
  const b = await newStation(browser, errors);
  await joinStation(a, b, 'Hoofdcommissariaat Diksmuide', 'PZ Polder');

  // Each station gives the number before hearing of the other's account (B types it in lower case).
  await addPerson(a, { name: 'Jan Peeters', number: 'WK2001', zone: 'PZ Westkust' });
  await addPerson(b, { name: 'Els Claes', number: 'wk2001', zone: 'PZ Polder' });
  await addPerson(a, { name: 'Piet Maes', number: 'WK3001', zone: 'PZ Westkust' });
  for (const station of [a, b]) {
    await station.goto(routeUrl('/conflicts'));
    await expect(station.getByText('Geen open conflicten')).toBeVisible();
  }
  const fromA = await writeForNetwork(a);
  const fromB = await writeForNetwork(b);
  expect(await readBundle(b, fromA)).toMatch(/^Ingelezen: /);
  expect(await readBundle(a, fromB)).toMatch(/^Ingelezen: /);

  for (const station of [a, b]) {
    const card = await duplicateCard(station);
    const rows = card.getByRole('table', { name: 'De accounts met personeelsnummer WK2001' }).getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1).getByRole('cell')).toHaveText(['Els Claes', 'PZ Polder', ADMIN.name, 'Hoofdcommissariaat Diksmuide', /\d/, 'Ander nummer geven']);
    await expect(rows.nth(2).getByRole('cell')).toHaveText(['Jan Peeters', 'PZ Westkust', ADMIN.name, 'Centraal Politiehuis Koksijde', /\d/, 'Ander nummer geven']);
  }

  // At B, by keyboard: the link to Els's account opens its edit form on the people page.
  const card = await duplicateCard(b);
  await b.screenshot({ path: 'test/artifacts/conflict-duplicate-number.png' });
  const link = card.getByRole('link', { name: 'Els Claes een ander personeelsnummer geven' });
  await tabTo(b, link);
  await b.keyboard.press('Enter');
  const dialog = b.getByRole('dialog', { name: 'Els Claes bewerken' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Personeelsnummer')).toHaveValue('WK2001');
  await dialog.getByLabel('Personeelsnummer').fill('PO3001');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(b.getByRole('status')).toHaveText('De gegevens van Els Claes zijn bewaard.');
  await b.goto(routeUrl('/conflicts'));
  await expect(b.getByText('Geen open conflicten')).toBeVisible();

  // A still sees it until B's change arrives. Piet, station staff, sees it too, but may change neither account.
  await a.getByRole('button', { name: 'Vergrendelen' }).click();
  await signIn(a, 'WK3001', 'een lang wachtwoord 7');
  const seenByStaff = await duplicateCard(a);
  await expect(seenByStaff.getByRole('row', { name: /^Jan Peeters/ })).toBeVisible();
  await expect(seenByStaff.getByRole('link')).toHaveCount(0);
  await expect(seenByStaff).toContainText('Alleen wie deze accounts mag beheren (een beheerder van hun zone of een netwerkbeheerder), kan dit conflict oplossen.');
  await a.getByRole('button', { name: 'Vergrendelen' }).click();
  await signIn(a, ADMIN.number, ADMIN.password);
  await expect(a.getByRole('heading', { level: 1 })).toBeVisible();
  // After the exchange it is gone at A too.
  expect(await readBundle(a, await writeForNetwork(b))).toMatch(/^Ingelezen: /);
  await a.goto(routeUrl('/conflicts'));
  await expect(a.getByText('Geen open conflicten')).toBeVisible();
  await expect(a.getByRole('region', { name: HEADING })).toHaveCount(0);
  expect(await peopleNames(a)).toEqual([ADMIN.name, 'Els Claes', 'Jan Peeters', 'Piet Maes'].sort());

  expect(errors).toEqual([]);
});
