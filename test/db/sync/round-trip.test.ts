import { beforeAll, describe, expect, it } from 'vitest';
import { zoneSees } from '../../../renderer/sync/audience';
import { importBundle, listSyncHistory, planExport, type ExportPlan } from '../../../renderer/data/sync';
import { opHash, opJson, type Op } from '../../../renderer/sync/op';
import { createPerson } from '../../../renderer/data/people';
import { testTable } from '../support/test-table';
import { carry, hashTables, send, setUpNetwork, type SyncNetwork, type SyncStation } from './support';

let net: SyncNetwork;
beforeAll(async () => {
  net = await setUpNetwork(['B']);
});

const opsOf = async (s: SyncStation) =>
  (await s.db.ops.toArray()).map((op) => `${op.origin}|${op.stream}|${op.seq}|${opHash(op)}`).sort();

describe('round trip between stations of different zones', () => {
  it('B holds exactly what A holds of the streams B may see, and the same accounts', async () => {
    const { A, B } = net.stations;
    await createPerson(A.db, net.admin, { name: 'Carla Deprez', personnelNumber: 'WK9012', zoneId: A.zoneId, roles: ['station_staff'], password: 'kustlijn wandeling 3' });
    await A.test.insert(testTable, { ownerZone: A.zoneId, scope: 'zone', title: 'Westkust only', contact: 'gsm 0470' }, net.admin);
    await A.test.insert(testTable, { ownerZone: A.zoneId, requesterZone: B.zoneId, scope: 'pair', title: 'Loan to Polder' }, net.admin);
    await A.test.insert(testTable, { ownerZone: A.zoneId, scope: 'net', title: 'For everyone' }, net.admin);

    const result = await carry(A, B, { bootstrap: true });
    expect(result).toMatchObject({ status: 'imported' });
    const seen = (await opsOf(A)).filter((key) => zoneSees(key.split('|')[1]!, B.zoneId));
    expect(await opsOf(B)).toEqual(seen);
    expect(seen.length).toBeLessThan((await opsOf(A)).length);
    expect((await B.db.people.orderBy('id').toArray()).map(({ password: _p, ...p }) => p)).toEqual(
      (await A.db.people.orderBy('id').toArray()).map(({ password: _p, ...p }) => p),
    );
    const [entry] = await listSyncHistory(B.db);
    expect(entry).toMatchObject({ direction: 'import', outcome: 'imported', sender: A.id, recipients: [B.id], reason: null });
    expect(entry!.counts.applied).toBe(seen.length);
    const [sent] = await listSyncHistory(A.db);
    expect(sent).toMatchObject({ direction: 'export', outcome: 'exported', recipients: [B.id] });
    expect(sent!.personalData).toEqual(['people.name', 'people.password', 'people.personnelNumber']);
    expect(sent!.fileName).toMatch(/^zonelink-centraal-politiehuis-koksijde-\d{8}-\d{6}-[0-9a-f]{6}\.zlb$/);
    expect(sent!.fileName?.slice(-10, -4)).toBe(sent!.bundle?.replace(/-/g, '').slice(-6));
  });

  it('importing the same bundle twice says "already imported" and changes nothing', async () => {
    const { A, B } = net.stations;
    const bytes = await send(A, [B], { bootstrap: true });
    expect(await importBundle(B.db, bytes)).toMatchObject({ status: 'imported' });
    const before = await hashTables(B.db);
    expect(await importBundle(B.db, bytes)).toEqual({ status: 'alreadyImported', bundle: expect.any(String) });
    expect(await hashTables(B.db)).toBe(before);
  });

  it('a later export carries only what B has not acknowledged', async () => {
    const { A, B } = net.stations;
    expect(await carry(B, A)).toMatchObject({ status: 'imported' });
    await createPerson(A.db, net.admin, { name: 'Dirk Everaert', personnelNumber: 'WK7777', zoneId: A.zoneId, roles: ['station_staff'], password: 'vissers aan zee 9' });
    const result = await carry(A, B);
    expect(result).toMatchObject({ status: 'imported', counts: { applied: 6, alreadyKnown: 0 } });
  });

  it("the summary's size estimate is within a tenth of what the records and listed hashes take, for own ops (paged) and relayed ones", async () => {
    const { A, B } = net.stations;
    for (let i = 0; i < 20; i++) await A.test.insert(testTable, { ownerZone: A.zoneId, scope: 'net', title: `Nachtkijker ${i}`, contact: `gsm 0470 12 34 ${i}` }, net.admin);
    const recordBytes = (ops: readonly Op[]) => ops.reduce((n, op) => n + new TextEncoder().encode(opJson(op)).length + 5 + 67, 0);
    /** What the planned ops take: the relayed ones as planned, the paged ones as stored. */
    const actual = async (s: SyncStation, plan: ExportPlan) => {
      const paged = await s.db.ops.bulkGet(plan.pages.flatMap((page) => Array.from(page.seqs, (seq): [string, string, number] => [page.origin, page.stream, seq])));
      expect(paged.every((op) => op !== undefined)).toBe(true);
      return recordBytes([...plan.ops, ...(paged as Op[])]);
    };
    const own = await planExport(A.db, { recipients: [B.id], bootstrap: true });
    expect(own.ops).toEqual([]);
    expect(own.summary.estimatedBytes / (await actual(A, own))).toBeCloseTo(1, 5);

    expect(await carry(A, B, { bootstrap: true })).toMatchObject({ status: 'imported' });
    const relayed = await planExport(B.db, { recipients: [A.id], bootstrap: true });
    expect(relayed.ops.filter((op) => op.origin === A.id).length).toBeGreaterThanOrEqual(20 * 4);
    const ratio = relayed.summary.estimatedBytes / (await actual(B, relayed));
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.1);
  });
});
