import Dexie from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, importBundle, planExport } from '../../../renderer/data/sync';
import { PAGE_FILL, PAGE_MAX } from '../../../renderer/data/replicated/op-pages';
import type { StoredOp } from '../../../renderer/data/replicated/stores';
import { withHash } from '../../../renderer/sync/arrivals';
import { pageOf } from '../../../renderer/sync/bundle/op-page';
import { pageEntries } from '../../unit/bundle/page-entries';
import { testTable } from '../support/test-table';
import { carry, setUpNetwork, type SyncNetwork, type SyncStation } from './support';

// Decision 0058: a station's own ops are kept a second time as op pages, the records a bundle
// carries; an export copies them. These tests hold the pages to the ops store.

let net: SyncNetwork;
beforeAll(async () => {
  net = await setUpNetwork(['B', 'C']);
});

const ownOps = async (s: SyncStation): Promise<StoredOp[]> => s.db.ops.where('[origin+stream+seq]').between([s.id, Dexie.minKey, Dexie.minKey], [s.id, Dexie.maxKey, Dexie.maxKey]).toArray();

/** Every own stream's pages, read in key order and joined, are the page of its stored ops; pages of others' ops there are none. */
async function expectPagesMatchOps(s: SyncStation): Promise<void> {
  const pages = await s.db.opPages.toArray();
  expect(pages.every((page) => page.origin === s.id)).toBe(true);
  const streams = new Map<string, StoredOp[]>();
  for (const op of await ownOps(s)) streams.set(op.stream, [...(streams.get(op.stream) ?? []), op]);
  expect(new Set(pages.map((page) => page.stream))).toEqual(new Set(streams.keys()));
  for (const [stream, ops] of streams) {
    const ofStream = pages.filter((page) => page.stream === stream);
    const whole = pageOf(ops.map(withHash));
    expect(Buffer.concat(ofStream.map((page) => page.records))).toEqual(Buffer.from(whole.records));
    expect(ofStream.flatMap(pageEntries)).toEqual(pageEntries(whole));
    expect(ofStream.every((page) => page.seqs.length <= PAGE_MAX)).toBe(true);
    // A small write rewrites a small page only: every page but a stream's last has filled up.
    expect(ofStream.slice(0, -1).every((page) => page.seqs.length >= PAGE_FILL)).toBe(true);
  }
}

const insert = (s: SyncStation, i: number, scope = 'net') => s.test.insert(testTable, { ownerZone: s.zoneId, scope, title: `Warmtecamera ${i}`, contact: `gsm 0470 55 ${i}` }, net.admin);

describe('op pages (decision 0058)', () => {
  it('local writes, one by one and many in one transaction, keep the pages equal to the stored own ops', async () => {
    const { A } = net.stations;
    for (let i = 0; i < 40; i++) await insert(A, i, i % 3 ? 'net' : 'zone');
    await A.db.transaction('rw', A.test.scope, async () => {
      for (let i = 40; i < 700; i++) await insert(A, i);
    });
    expect((await ownOps(A)).length).toBeGreaterThan(PAGE_MAX);
    await expectPagesMatchOps(A);
  });

  it("pages only the station's own ops: what it imports stays in the ops store alone", async () => {
    const { A, B } = net.stations;
    await insert(B, 1);
    expect(await carry(A, B, { bootstrap: true })).toMatchObject({ status: 'imported' });
    expect(await carry(B, A)).toMatchObject({ status: 'imported' });
    await expectPagesMatchOps(A);
    await expectPagesMatchOps(B);
    // The ops store keeps no hash per op, made here or imported (decision 0058).
    expect([...(await A.db.ops.toArray()), ...(await B.db.ops.toArray())].some((op) => 'hash' in op)).toBe(false);
    expect(await B.db.opPages.where('[origin+stream+first]').between([A.id, Dexie.minKey, Dexie.minKey], [A.id, Dexie.maxKey, Dexie.maxKey]).count()).toBe(0);
  });

  it('erasing a row rewrites the records of its personal values in the pages', async () => {
    const { A } = net.stations;
    const row = await insert(A, 900);
    await A.test.erase(testTable, row.id, net.admin);
    const contact = (await ownOps(A)).find((op) => op.rowId === row.id && op.field === 'contact')!;
    expect(contact).toMatchObject({ erased: true, value: null });
    await expectPagesMatchOps(A);
  });

  it('after an acknowledgement, an export reads only the later part of a page', async () => {
    const { A, B } = net.stations;
    expect(await carry(A, B)).toMatchObject({ status: 'imported' });
    expect(await carry(B, A)).toMatchObject({ status: 'imported' });
    for (let i = 0; i < 3; i++) await insert(A, 1000 + i);
    const plan = await planExport(A.db, { recipients: [B.id] });
    expect(plan.ops).toEqual([]);
    // Four ops a row: owner zone, scope, title, contact.
    expect(plan.pages.flatMap((page) => [...page.seqs])).toHaveLength(3 * 4);
    expect(plan.summary).toMatchObject({ ops: 12, perOrigin: { [A.id]: 12 }, perTable: { testRecords: 12 } });
    expect(await carry(A, B)).toMatchObject({ status: 'imported', counts: { applied: 12, alreadyKnown: 0 } });
  });

  it('an export from the pages carries what an export from the ops carries; a stream whose pages do not match is read from the ops', async () => {
    const { A, B, C } = net.stations;
    const fromPages = await planExport(A.db, { recipients: [B.id], bootstrap: true });
    expect(fromPages.ops.filter((op) => op.origin === A.id)).toEqual([]);
    const paged = fromPages.pages.reduce((n, page) => n + page.seqs.length, 0);
    // The ops read are B's, relayed: A pages only its own.
    expect(fromPages.ops.every((op) => op.origin === B.id)).toBe(true);
    expect(paged + fromPages.ops.length).toBe(fromPages.summary.ops);
    expect(fromPages.summary.personalData).toContain('people.name');

    // One page of the 'net' stream gone: that stream is read op by op, the others still paged.
    const netPages = await A.db.opPages.where('[origin+stream+first]').between([A.id, 'net', Dexie.minKey], [A.id, 'net', Dexie.maxKey]).primaryKeys();
    expect(netPages.length).toBeGreaterThan(2);
    await A.db.opPages.delete(netPages[1]!);
    const fromOps = await planExport(A.db, { recipients: [C.id], bootstrap: true });
    expect(fromOps.pages.some((page) => page.stream === 'net')).toBe(false);
    expect(fromOps.ops.filter((op) => op.stream === 'net' && op.origin === A.id).length).toBeGreaterThan(PAGE_MAX);
    const same = ({ recipients: _r, estimatedBytes: _e, ...summary }: typeof fromOps.summary) => summary;
    expect(same(fromOps.summary)).toEqual(same(fromPages.summary));

    await importBundle(B.db, (await exportBundle(A.db, fromPages)).bytes);
    await importBundle(C.db, (await exportBundle(A.db, fromOps)).bytes);
    const ofA = async (s: SyncStation) => (await s.db.ops.toArray()).filter((op) => op.origin === A.id);
    const atC = await ofA(C);
    expect(atC.length).toBe(paged);
    expect(await ofA(B)).toEqual(atC);
  });
});
