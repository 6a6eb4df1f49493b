import { beforeAll, describe, expect, it } from 'vitest';
import { importBundle, listSyncHistory } from '../../../renderer/data/sync';
import { inspectBundle } from '../../../renderer/sync/bundle/format';
import { testTable } from '../support/test-table';
import { mutants } from '../../unit/bundle/mutants';
import { hashTables, send, setUpNetwork, type SyncNetwork, type SyncStation } from './support';

const DEEP = process.env.ZONELINK_DEEP === '1';
const TOTAL = DEEP ? 20_000 : 2_000;
const HISTORY = ['syncHistory'];

let net: SyncNetwork;
let bundle: Uint8Array;
beforeAll(async () => {
  net = await setUpNetwork(['B', 'C', 'R']);
  const { A, B, C } = net.stations;
  for (let i = 0; i < 12; i++) await A.test.insert(testTable, { ownerZone: A.zoneId, scope: 'net', title: `Drone ${i}`, note: 'x'.repeat(i * 3) }, net.admin);
  bundle = await send(A, [B, C], { bootstrap: true, chunkSize: 256 });
});

/**
 * The mutation test of the bundle codec, run through a real import: every mutant is refused
 * with its expected reason, leaves every table but the history exactly as it was, and adds one
 * history entry with that reason.
 */
describe(`database-level mutation test (${TOTAL} mutants${DEEP ? ', deep' : ''})`, () => {
  it('refuses every mutant with its reason, every table unchanged, one history entry each', async () => {
    const { B, C, R } = net.stations;
    expect((await inspectBundle(bundle)).layout.chunks.length).toBeGreaterThanOrEqual(8);
    const readers: Record<'recipient' | 'claimed', SyncStation> = { recipient: B, claimed: R };
    const before = { recipient: await hashTables(B.db, HISTORY), claimed: await hashTables(R.db, HISTORY) };
    const wrong: string[] = [];
    let total = 0;
    for await (const mutant of mutants(bundle, { total: TOTAL, everyBit: DEEP, seed: 20260302, victim: C.id, claimed: R.id })) {
      total++;
      const reader = readers[mutant.reader];
      const entries = await reader.db.syncHistory.count();
      const result = await importBundle(reader.db, mutant.bytes);
      const latest = (await listSyncHistory(reader.db, 1))[0];
      if (result.status !== 'refused' || result.reason !== mutant.expected) wrong.push(`${mutant.name}: expected ${mutant.expected}, got ${JSON.stringify(result).slice(0, 200)}`);
      else if ((await reader.db.syncHistory.count()) !== entries + 1 || latest?.reason !== mutant.expected || latest.outcome !== 'refused') wrong.push(`${mutant.name}: no history entry`);
      if ((await hashTables(reader.db, HISTORY)) !== before[mutant.reader]) wrong.push(`${mutant.name}: a table changed`);
      if (wrong.length > 20) break;
    }
    expect(wrong).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(TOTAL);
  }, DEEP ? 1_800_000 : 120_000);

  it('positive control: the unmutated bundle imports and changes the tables', async () => {
    const { A, B } = net.stations;
    const before = await hashTables(B.db, HISTORY);
    expect(await importBundle(B.db, bundle)).toMatchObject({ status: 'imported', counts: { applied: (await A.db.ops.count()) } });
    expect(await hashTables(B.db, HISTORY)).not.toBe(before);
  });
});
