import { readFile } from 'node:fs/promises';
import type { Browser, Download, Page } from '@playwright/test';
import { expect } from './fixtures';
import { ADMIN, routeUrl, signIn } from './helpers';
import { usePlainFileDialogs } from './sync-helpers';

export interface FileData {
  name: string;
  buffer: Buffer;
}

/** A new station: its own browser context (its own IndexedDB), plain file dialogs, console errors collected. */
export async function newStation(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await usePlainFileDialogs(page);
  return page;
}

/** Clicks a button that saves a file and returns what was downloaded. */
export async function download(page: Page, click: () => Promise<void>): Promise<FileData> {
  const waiting: Promise<Download> = page.waitForEvent('download');
  await click();
  const file = await waiting;
  return { name: file.suggestedFilename(), buffer: await readFile(await file.path()) };
}

/** Clicks a button that opens a file and gives it the file. */
export async function upload(page: Page, click: () => Promise<void>, file: FileData): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await click();
  await (await choosing).setFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer });
}

/** The fingerprint shown in the section of that name. */
export async function fingerprintIn(page: Page, name: string): Promise<string> {
  const text = await page.getByRole('region', { name }).locator('.fingerprint-value').textContent();
  expect(text).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
  return text ?? '';
}

/** At the new station: the wizard's join path up to the saved request; returns it and the station's fingerprint. */
export async function askToJoin(page: Page, station: string, zone: string): Promise<{ request: FileData; fingerprint: string }> {
  await page.goto('/');
  await page.getByRole('radio', { name: /^Aansluiten bij een bestaand netwerk/ }).check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { name: 'Aansluiting aanvragen' })).toBeFocused();
  await page.getByLabel('Naam van deze post').fill(station);
  await page.getByLabel('Zone', { exact: true }).fill(zone);
  const request = await download(page, () => page.getByRole('button', { name: 'Aanvraag maken en bewaren…' }).click());
  await expect(page.getByRole('status').filter({ hasText: 'De aanvraag is bewaard' })).toBeVisible();
  return { request, fingerprint: await fingerprintIn(page, 'Vingerafdruk van deze post') };
}

/** At the administrator's station: reads the request on the network page; the dialog stays open. */
export async function readRequest(admin: Page, request: FileData) {
  await admin.goto(routeUrl('/network'));
  await upload(admin, () => admin.getByRole('button', { name: 'Aanvraag inlezen…' }).click(), request);
}

/**
 * Approves the open request after comparing its fingerprint, as the choice shown (by default the
 * existing station of that name), saves the roster file and returns it with the network's fingerprint.
 */
export async function approveRequest(
  admin: Page,
  stationFingerprint: string,
  station: string,
  choice = `Bestaande post ${station}`,
): Promise<{ roster: FileData; networkFingerprint: string }> {
  const dialog = admin.getByRole('dialog');
  expect(await fingerprintIn(admin, 'Vingerafdruk van de aanvraag')).toBe(stationFingerprint);
  await dialog.getByRole('checkbox', { name: 'De vingerafdruk komt overeen met wat de andere post voorleest' }).check();
  await expect(dialog.getByLabel('Goedkeuren als').locator('option:checked')).toHaveText(choice);
  await dialog.getByLabel('Wachtzin netwerkbeheerder').fill(ADMIN.passphrase);
  await dialog.getByRole('button', { name: 'Post toevoegen aan het netwerk' }).click();
  return saveApprovedRoster(admin, station);
}

/** After the approval: the station announced, the roster file saved and returned with the network's fingerprint, the dialog closed. */
export async function saveApprovedRoster(admin: Page, station: string): Promise<{ roster: FileData; networkFingerprint: string }> {
  const dialog = admin.getByRole('dialog');
  await expect(dialog.getByRole('status').first()).toHaveText(`${station} staat nu in het netwerk.`);
  const networkFingerprint = await fingerprintIn(admin, 'Vingerafdruk van het netwerk');
  const roster = await download(admin, () => dialog.getByRole('button', { name: 'Netwerkdefinitie bewaren…' }).click());
  await dialog.getByRole('button', { name: 'Sluiten' }).click();
  return { roster, networkFingerprint };
}

/** At the administrator's station: a start bundle for a station that just joined. */
export async function writeBootstrap(admin: Page, station: string): Promise<FileData> {
  await admin.goto(routeUrl('/sync'));
  await admin.getByRole('button', { name: 'Bundel maken…' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Bundel schrijven' });
  await dialog.getByRole('radio', { name: /^Een nieuwe post opstarten/ }).check();
  await dialog.getByLabel('Post', { exact: true }).selectOption({ label: station });
  await dialog.getByRole('button', { name: 'Overzicht tonen' }).click();
  return download(admin, () => dialog.getByRole('button', { name: 'Bundel schrijven' }).click());
}

/** At the new station: adopts the roster with the fingerprint read out, reads the start bundle, signs in. */
export async function completeJoin(page: Page, roster: FileData, networkFingerprint: string, bootstrap: FileData): Promise<void> {
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.getByRole('heading', { name: 'Het netwerk overnemen' })).toBeFocused();
  await upload(page, () => page.getByRole('button', { name: 'Netwerkdefinitie kiezen…' }).click(), roster);
  await page.getByLabel('Vingerafdruk van het netwerk').fill(networkFingerprint.toLowerCase());
  await page.getByRole('button', { name: 'Aansluiten' }).click();
  await expect(page.getByRole('heading', { name: 'De gegevens van het netwerk' })).toBeVisible();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bundel kiezen…' }).click();
  await (await choosing).setFiles({ name: bootstrap.name, mimeType: 'application/octet-stream', buffer: bootstrap.buffer });
  await page.getByRole('dialog', { name: 'Bundel inlezen?' }).getByRole('button', { name: 'Inlezen' }).click();
  await expect(page.getByRole('region', { name: 'Bundel inlezen' }).getByRole('status')).toContainText('Ingelezen:');
  await page.getByRole('button', { name: 'Naar het aanmelden' }).click();
}

/**
 * The whole join of a new station on the straight path: its request read and approved at the
 * administrator's station, roster and start bundle taken over, signed in up to the overview.
 */
export async function joinStation(admin: Page, page: Page, station: string, zone: string): Promise<void> {
  const asked = await askToJoin(page, station, zone);
  await readRequest(admin, asked.request);
  const approved = await approveRequest(admin, asked.fingerprint, station);
  await completeJoin(page, approved.roster, approved.networkFingerprint, await writeBootstrap(admin, station));
  await signIn(page, ADMIN.number, ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
}

/** Writes a bundle for every station of the network on the sync screen. */
export async function writeForNetwork(page: Page): Promise<FileData> {
  await page.goto(routeUrl('/sync'));
  await page.getByRole('button', { name: 'Bundel maken…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bundel schrijven' });
  await expect(dialog.getByRole('radio', { name: /^Alle posten van WVL4/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Overzicht tonen' }).click();
  return download(page, () => dialog.getByRole('button', { name: 'Bundel schrijven' }).click());
}

/** Reads a bundle on the sync screen (through the preview when there is one); returns the result's text. */
export async function readBundle(page: Page, file: FileData): Promise<string> {
  await page.goto(routeUrl('/sync'));
  const region = page.getByRole('region', { name: 'Bundel inlezen' });
  const preview = page.getByRole('dialog', { name: 'Bundel inlezen?' });
  const outcome = region.locator('.alert');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bundel kiezen…' }).click();
  await (await choosing).setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.buffer });
  await expect(preview.or(outcome)).toBeVisible();
  if (await preview.isVisible()) await preview.getByRole('button', { name: 'Inlezen' }).click();
  await expect(outcome).toBeVisible();
  return (await outcome.textContent()) ?? '';
}

/** Adds an account on the people screen. */
export async function addPerson(page: Page, person: { name: string; number: string; zone: string }): Promise<void> {
  await page.goto(routeUrl('/people'));
  await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Persoon toevoegen' });
  await dialog.getByLabel('Naam', { exact: true }).fill(person.name);
  await dialog.getByLabel('Personeelsnummer').fill(person.number);
  await dialog.getByLabel('Zone', { exact: true }).selectOption({ label: person.zone });
  await dialog.getByLabel('Wachtwoord', { exact: true }).fill('een lang wachtwoord 7');
  await dialog.getByLabel('Wachtwoord herhalen').fill('een lang wachtwoord 7');
  await dialog.getByRole('button', { name: 'Account aanmaken' }).click();
  await expect(page.getByRole('status')).toHaveText(`Het account van ${person.name} is aangemaakt.`);
}

/** Renames an account on the people screen. */
export async function renamePerson(page: Page, from: string, to: string): Promise<void> {
  await page.goto(routeUrl('/people'));
  await page.getByRole('button', { name: `${from} bewerken` }).click();
  const dialog = page.getByRole('dialog', { name: `${from} bewerken` });
  await dialog.getByLabel('Naam', { exact: true }).fill(to);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText(`De gegevens van ${to} zijn bewaard.`);
}

/** The names in the people screen's table. */
export async function peopleNames(page: Page): Promise<string[]> {
  await page.goto(routeUrl('/people'));
  const table = page.getByRole('table', { name: 'Personen' });
  await expect(table).toBeVisible();
  return (await table.locator('tbody tr td:first-child').allTextContents()).sort();
}
