import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../renderer/data/db';
import { pagesAfter, repageOwnOps } from '../../renderer/data/replicated/op-pages';
import { withHash, type HashedOp } from '../../renderer/sync/arrivals';
import { pageOf } from '../../renderer/sync/bundle/op-page';
import { pageEntries } from '../unit/bundle/page-entries';
import { eraseOpValue } from '../../renderer/sync/op';
import { makeOps } from '../unit/bundle/fixtures';

const OWN = '019c1c38-a40f-7f0f-8f0f-0f0f0f0f0f0f';

// Own ops can arrive out of order (a station restored from a backup gets its own ops back from
// others), so a stream's pages may interleave: an erasure must still reach the page that holds
// the erased op, or an export from the pages would carry the value the erasure removed.
describe('op pages that interleave (decision 0058)', () => {
  it('an erased op is rewritten in whichever page holds it, and the export reads the stream from the ops when pages interleave', async () => {
    const db = new ZonelinkDb('repage', { indexedDB: new IDBFactory(), IDBKeyRange });
    const ops = makeOps(OWN, 'net', 6).map(withHash);
    const at = (seq: number) => ops[seq - 1]!;
    // One page of seqs 1, 5 and 6, one of 2 to 4 (written later): the second starts inside the first.
    await db.opPages.bulkPut([pageOf([at(1), at(5), at(6)]), pageOf([at(2), at(3), at(4)])]);
    await db.ops.bulkPut(ops.map(({ hash: _hash, ...op }) => op));
    const erased = { ...(eraseOpValue(at(5)) as HashedOp), hash: at(5).hash };
    await repageOwnOps(db.opPages, OWN, [erased]);
    const [first] = await db.opPages.toArray();
    expect(pageEntries(first!).find((e) => e.seq === 5)).toMatchObject({ erased: true });
    expect(new TextDecoder().decode(first!.records)).not.toContain('Drone 5');
    // From the start, both pages are found and hold every op; after seq 2 the first page's tail
    // is missed, so the count differs and the ops are read instead.
    expect((await pagesAfter(db.opPages, db.ops, OWN, 'net', 0))?.reduce((n, p) => n + p.seqs.length, 0)).toBe(6);
    expect(await pagesAfter(db.opPages, db.ops, OWN, 'net', 2)).toBeNull();
    db.close();
  });
});
