import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../renderer/sync/bundle/read';
import { signSegment } from '../../../renderer/sync/bundle/segment';
import { writeBundle } from '../../../renderer/sync/bundle/write';
import { eraseOpValue, opHash } from '../../../renderer/sync/op';
import { everyone, makeOps, makeTestNetwork, META, type TestNetwork } from './fixtures';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeTestNetwork();
});

describe('erasure', () => {
  it("an op whose personal value was erased after signing still verifies under its origin's signature", async () => {
    const ops = makeOps(net.keys.A.station, 'net', 3, 1, (i) => ({ person: `Inspecteur ${i}`, phone: '+32 470 00 00 0' + i }));
    const segment = await signSegment(net.keys.A, net.network.id, ops);
    const erased = { ...segment, ops: segment.ops.map((op) => (op.seq === 2 ? eraseOpValue(op) : op)) };
    expect(opHash(erased.ops[1]!)).toBe(segment.hashes[1]);
    const bytes = await writeBundle({ sender: net.keys.R, roster: net.chain, recipients: [net.keys.B.station], segments: [erased], meta: META, mayReceive: everyone });
    const read = await readBundle(bytes, { roster: net.chain, keys: net.keys.B, acceptStream: everyone });
    if (!read.ok) throw new Error(read.detail);
    const op2 = read.segments[0]!.ops[1]!;
    expect(op2).toMatchObject({ seq: 2, value: null, salt: '', erased: true, valueHash: ops[1]!.valueHash });
    expect(read.segments[0]!.ops[0]!.value).toEqual(ops[0]!.value);
  });
});
