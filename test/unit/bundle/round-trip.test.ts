import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../renderer/sync/bundle/read';
import { signSegment } from '../../../renderer/sync/bundle/segment';
import { writeBundle } from '../../../renderer/sync/bundle/write';
import { validateOp } from '../../../renderer/sync/validate';
import { everyone, makeOps, makeTestNetwork, NOW, type TestNetwork } from './fixtures';

let net: TestNetwork;
beforeAll(async () => {
  net = await makeTestNetwork();
});

describe('bundle round trip', () => {
  it('is read back identically by A and B, and refused by C as not for this station', async () => {
    const ops = makeOps(net.keys.R.station, 'net', 50);
    const segment = await signSegment(net.keys.R, net.network.id, ops);
    const meta = { createdAt: NOW, appVersion: '0.1.0', acks: { [`${net.keys.A.station}|net`]: 3, [`${net.keys.R.station}|net`]: 50 } };
    const bytes = await writeBundle({
      sender: net.keys.R,
      roster: net.chain,
      recipients: [net.keys.A.station, net.keys.B.station],
      segments: [segment],
      meta,
      mayReceive: everyone,
    });
    for (const reader of [net.keys.A, net.keys.B]) {
      const read = await readBundle(bytes, { roster: net.chain, keys: reader, acceptStream: everyone });
      if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
      expect(read.segments).toEqual([segment]);
      expect(read.meta).toEqual(meta);
      expect(read.sender).toBe(net.keys.R.station);
      expect(read.recipients).toEqual([net.keys.A.station, net.keys.B.station]);
      expect(read.rejected).toEqual([]);
      expect(read.roster.change).toBe('none');
      // What the codec returns passes the record layer's own check of ops from outside.
      for (const op of read.segments[0]!.ops) expect(validateOp(op)).toEqual(op);
    }
    const refused = await readBundle(bytes, { roster: net.chain, keys: net.keys.C, acceptStream: everyone });
    expect(refused).toMatchObject({ ok: false, reason: 'notForThisStation' });
  });
});
