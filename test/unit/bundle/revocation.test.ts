import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../renderer/sync/bundle/read';
import { signSegment } from '../../../renderer/sync/bundle/segment';
import { writeBundle } from '../../../renderer/sync/bundle/write';
import type { SignedRoster } from '../../../renderer/sync/roster/roster';
import { everyone, makeOps, makeTestNetwork, META, nextVersion, revocation, sealUnchecked, type TestNetwork } from './fixtures';

let net: TestNetwork;
let revoked: SignedRoster[];
const N = 4;
beforeAll(async () => {
  net = await makeTestNetwork();
  const zoneStream = `zone:${net.zoneOf.X}`;
  const v2 = await nextVersion(net, { revocations: [revocation(net, net.keys.X.station, N, { [zoneStream]: 1 })] });
  revoked = [...net.chain, v2];
});

describe('revocation with a seq cutoff', () => {
  it("keeps the revoked station's ops up to N and refuses those after N, per stream", async () => {
    const zoneStream = `zone:${net.zoneOf.X}`;
    const segment = await signSegment(net.keys.X, net.network.id, [...makeOps(net.keys.X.station, 'net', 6), ...makeOps(net.keys.X.station, zoneStream, 3)]);
    const bytes = await writeBundle({ sender: net.keys.A, roster: revoked, recipients: [net.keys.B.station], segments: [segment], meta: META, mayReceive: everyone });
    const read = await readBundle(bytes, { roster: revoked, keys: net.keys.B, acceptStream: everyone });
    if (!read.ok) throw new Error(read.detail);
    const kept = read.segments.flatMap((s) => s.ops).map((op) => `${op.stream}#${op.seq}`);
    expect(kept).toEqual(['net#1', 'net#2', 'net#3', 'net#4', `${zoneStream}#1`]);
    expect(read.rejected.map((r) => r.key)).toEqual([
      `${net.keys.X.station}|net|5`,
      `${net.keys.X.station}|net|6`,
      `${net.keys.X.station}|${zoneStream}|2`,
      `${net.keys.X.station}|${zoneStream}|3`,
    ]);
    expect(read.rejected.every((r) => r.reason === 'unknownSigner')).toBe(true);
    // The segment keeps every hash the origin signed, so it can still be verified and relayed.
    expect(read.segments[0]!.hashes).toEqual(segment.hashes);
  });

  it('applies a revocation that arrives in the same bundle, to a reader that did not know it yet', async () => {
    const segment = await signSegment(net.keys.X, net.network.id, makeOps(net.keys.X.station, 'net', 6));
    const bytes = await writeBundle({ sender: net.keys.A, roster: revoked, recipients: [net.keys.B.station], segments: [segment], meta: META, mayReceive: everyone });
    const read = await readBundle(bytes, { roster: net.chain, keys: net.keys.B, acceptStream: everyone });
    if (!read.ok) throw new Error(read.detail);
    expect(read.roster.change).toBe('newer');
    expect(read.roster.chain.map((v) => v.document.version)).toEqual([1, 2]);
    expect(read.segments[0]!.ops.map((op) => op.seq)).toEqual([1, 2, 3, 4]);
    expect(read.rejected).toHaveLength(2);
  });

  it('refuses a whole bundle written by the revoked station', async () => {
    const segment = await signSegment(net.keys.X, net.network.id, makeOps(net.keys.X.station, 'net', 2));
    const bytes = await sealUnchecked(net, { sender: 'X', recipients: ['B'], segments: [segment], rosters: revoked });
    expect(await readBundle(bytes, { roster: revoked, keys: net.keys.B, acceptStream: everyone })).toMatchObject({ ok: false, reason: 'unknownSigner' });
  });

  it('no longer writes for a revoked station, nor lets it write', async () => {
    const args = { roster: revoked, segments: [], meta: META, mayReceive: everyone };
    await expect(writeBundle({ ...args, sender: net.keys.A, recipients: [net.keys.X.station] })).rejects.toMatchObject({ code: 'bundle.recipientUnknown' });
    await expect(writeBundle({ ...args, sender: net.keys.X, recipients: [net.keys.A.station] })).rejects.toMatchObject({ code: 'bundle.senderUnknown' });
  });
});
