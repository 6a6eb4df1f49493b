import { test, expect } from './fixtures';
import { ADMIN, completeFirstRun, routeUrl, signIn } from './helpers';
import { addPerson, approveRequest, askToJoin, completeJoin, joinStation, newStation, peopleNames, readBundle, readRequest, renamePerson, writeBootstrap, writeForNetwork } from './join-helpers';
import { usePlainFileDialogs } from './sync-helpers';

test('three stations: A sets up the network, B and C join through request, fingerprint and approval', async ({ page: a, browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  await usePlainFileDialogs(a);
  await completeFirstRun(a);

  const b = await newStation(browser, errors);
  const asked = await askToJoin(b, 'Hoofdcommissariaat Diksmuide', 'Polder');

  // A tampered request (another station's name under B's signature) is refused with its message.
  const tampered = JSON.stringify({ ...(JSON.parse(asked.request.buffer.toString('utf8')) as object), stationName: 'Post De Panne' });
  await readRequest(a, { name: 'tampered.json', buffer: Buffer.from(tampered) });
  await expect(a.getByRole('region', { name: 'Aansluitingsaanvragen' }).getByRole('alert')).toHaveText(
    'Deze aanvraag is gewijzigd na het ondertekenen: de sleutels, de vingerafdruk en de handtekening passen niet bij elkaar. Vraag een nieuwe aanvraag.',
  );
  await expect(a.getByRole('dialog')).toHaveCount(0);

  await readRequest(a, asked.request);
  const approved = await approveRequest(a, asked.fingerprint, 'Hoofdcommissariaat Diksmuide');

  // The same request once more is a duplicate.
  await readRequest(a, asked.request);
  await expect(a.getByRole('region', { name: 'Aansluitingsaanvragen' }).getByRole('alert')).toHaveText(
    'Deze aanvraag werd al goedgekeurd: de sleutels staan in het netwerk bij Hoofdcommissariaat Diksmuide.',
  );

  const bootstrapB = await writeBootstrap(a, 'Hoofdcommissariaat Diksmuide');
  await completeJoin(b, approved.roster, approved.networkFingerprint, bootstrapB);
  await signIn(b, ADMIN.number, ADMIN.password);
  await expect(b.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  await expect(b.getByText('Hoofdcommissariaat Diksmuide').first()).toBeVisible();

  const c = await newStation(browser, errors);
  await joinStation(a, c, 'Hoofdcommissariaat Roeselare', 'PZ RIHO');

  // Data made at each station.
  await addPerson(a, { name: 'Jan Peeters', number: 'WK2001', zone: 'PZ Westkust' });
  await addPerson(b, { name: 'Els Claes', number: 'PO3001', zone: 'PZ Polder' });
  await addPerson(c, { name: 'Tom Maes', number: 'RI4001', zone: 'PZ RIHO' });
  const bBefore = await peopleNames(b);
  expect(bBefore).toEqual([ADMIN.name, 'Els Claes'].sort());

  // A's sync screen: B joined but was never heard from, with A's changes waiting for it; a post
  // that has not joined says so instead of counting changes nobody can send it.
  await a.goto(routeUrl('/sync'));
  const stationRow = (name: string) => a.getByRole('table', { name: 'Stand van de synchronisatie per post' }).getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(stationRow('Hoofdcommissariaat Diksmuide').getByRole('cell')).toHaveText(['PZ Polder', 'Nooit', 'Onbekend', /^\d+ wijzigingen$/]);
  await expect(stationRow('Post Kuurne').getByRole('cell')).toHaveText(['PZ VLAS', 'Nog niet aangesloten', '—', '—']);

  // A's bundle read at B; the same file again changes nothing; a damaged copy is refused.
  const fromA = await writeForNetwork(a);
  expect(await readBundle(b, fromA)).toMatch(/^Ingelezen: [1-9]\d* nieuwe wijzigingen/);
  expect(await peopleNames(b)).toEqual([ADMIN.name, 'Els Claes', 'Jan Peeters'].sort());
  // B heard from A just now; B's own account has not reached A yet and waits for it.
  await b.goto(routeUrl('/sync'));
  await expect(b.getByRole('row', { name: /^Centraal Politiehuis Koksijde/ }).getByRole('cell')).toHaveText(['PZ Westkust', /^minder dan een minuut geleden/, 'Nog niet', /^\d+ wijzigingen$/]);
  expect(await readBundle(b, fromA)).toBe('Deze bundel werd al ingelezen. Er is niets veranderd.');
  const damaged = Buffer.from(fromA.buffer);
  damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
  expect(await readBundle(b, { name: 'beschadigd.zlb', buffer: damaged })).toBe(
    'Het bestand is beschadigd of werd gewijzigd nadat het geschreven was. Er werd niets ingelezen. Vraag de verzendende post om een nieuwe bundel.',
  );
  expect(await peopleNames(b)).toEqual([ADMIN.name, 'Els Claes', 'Jan Peeters'].sort());

  // B relays: its bundle carries A's account on to C.
  expect(await readBundle(c, await writeForNetwork(b))).toMatch(/^Ingelezen: /);
  expect(await peopleNames(c)).toEqual([ADMIN.name, 'Els Claes', 'Jan Peeters', 'Tom Maes'].sort());

  // A and B rename the same account before they exchange: a conflict at both.
  await renamePerson(a, 'Jan Peeters', 'Jan Peeters-Vos');
  await renamePerson(b, 'Jan Peeters', 'Jan Peters');
  const renamedAtA = await writeForNetwork(a);
  const renamedAtB = await writeForNetwork(b);
  expect(await readBundle(b, renamedAtA)).toMatch(/ [1-9]\d* conflicten gevonden/);
  expect(await readBundle(a, renamedAtB)).toMatch(/ [1-9]\d* conflicten gevonden/);
  for (const station of [a, b]) {
    await station.goto(routeUrl('/conflicts'));
    await expect(station.getByRole('button', { name: /^Waarde Jan Peters kiezen voor / })).toBeVisible();
    await expect(station.getByRole('button', { name: /^Waarde Jan Peeters-Vos kiezen voor / })).toBeVisible();
  }

  // Settled at A; after the next exchange settled at B too.
  await a.getByRole('button', { name: /^Waarde Jan Peters kiezen voor / }).click();
  await expect(a.getByRole('status').filter({ hasText: /^Opgelost: / })).toContainText('Jan Peters');
  await expect(a.getByText('Geen open conflicten')).toBeVisible();
  expect(await readBundle(b, await writeForNetwork(a))).toMatch(/^Ingelezen: /);
  await b.goto(routeUrl('/conflicts'));
  await expect(b.getByText('Geen open conflicten')).toBeVisible();
  for (const station of [a, b]) expect(await peopleNames(station)).toContain('Jan Peters');
  expect(await peopleNames(b)).not.toContain('Jan Peeters-Vos');
  // C, which saw neither rename, gets both and the choice through B.
  expect(await readBundle(c, await writeForNetwork(b))).toMatch(/^Ingelezen: /);
  await c.goto(routeUrl('/conflicts'));
  await expect(c.getByText('Geen open conflicten')).toBeVisible();
  expect(await peopleNames(c)).toContain('Jan Peters');

  expect(errors).toEqual([]);
});
