import { beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../../renderer/sync/bundle/read';
import { segmentMessage, signSegment, type SignedSegment } from '../../../renderer/sync/bundle/segment';
import { writeBundle } from '../../../renderer/sync/bundle/write';
import { sign } from '../../../renderer/sync/crypto/keys';
import { toHex } from '../../../renderer/sync/crypto/bytes';
import { computeValueHash, opHash, type Op } from '../../../renderer/sync/op';
import { everyone, makeOps, makeTestNetwork, META, sealUnchecked, type TestNetwork } from './fixtures';

let net: TestNetwork;
let original: SignedSegment;
beforeAll(async () => {
  net = await makeTestNetwork();
  original = await signSegment(net.keys.A, net.network.id, makeOps(net.keys.A.station, 'net', 5));
});

const readAsB = (bytes: Uint8Array) => readBundle(bytes, { roster: net.chain, keys: net.keys.B, acceptStream: everyone });

/** The relay changes op 3's value, consistently: new value hash, new op hash in the list. */
function tamper(segment: SignedSegment): { ops: Op[]; hashes: string[] } {
  const ops = segment.ops.map((op) => (op.seq === 3 ? { ...op, value: { name: 'Drone 3', note: 'lent to VLAS' }, valueHash: computeValueHash(op.salt, { name: 'Drone 3', note: 'lent to VLAS' }) } : op));
  return { ops, hashes: ops.map(opHash) };
}

describe('relay', () => {
  it("forwards another origin's segment with its signature, and B verifies it as A's", async () => {
    const bytes = await writeBundle({ sender: net.keys.R, roster: net.chain, recipients: [net.keys.B.station], segments: [original], meta: META, mayReceive: everyone });
    const read = await readAsB(bytes);
    expect(read.ok && read.segments).toEqual([original]);
  });

  it('refuses a changed value whose hash was left alone', async () => {
    const ops = original.ops.map((op) => (op.seq === 3 ? { ...op, value: { name: 'Drone 3 (changed)' } } : op));
    const bytes = await sealUnchecked(net, { sender: 'R', recipients: ['B'], segments: [{ ...original, ops }] });
    expect(await readAsB(bytes)).toMatchObject({ ok: false, reason: 'alteredByRelay' });
  });

  it("refuses a consistently changed op under the origin's old signature", async () => {
    const bytes = await sealUnchecked(net, { sender: 'R', recipients: ['B'], segments: [{ ...original, ...tamper(original) }] });
    expect(await readAsB(bytes)).toMatchObject({ ok: false, reason: 'alteredByRelay' });
  });

  it('refuses a segment the relay re-signed with its own key after changing one op', async () => {
    const changed = tamper(original);
    const signature = toHex(await sign(net.keys.R.signing.privateKey, await segmentMessage(net.network.id, net.keys.A.station, changed.hashes)));
    const bytes = await sealUnchecked(net, { sender: 'R', recipients: ['B'], segments: [{ ...original, ...changed, signature }] });
    expect(await readAsB(bytes)).toMatchObject({ ok: false, reason: 'alteredByRelay' });
  });

  it("refuses A's ops passed off in a segment the relay signed as its own", async () => {
    const changed = tamper(original);
    const signature = toHex(await sign(net.keys.R.signing.privateKey, await segmentMessage(net.network.id, net.keys.R.station, changed.hashes)));
    const bytes = await sealUnchecked(net, { sender: 'R', recipients: ['B'], segments: [{ origin: net.keys.R.station, ...changed, signature }] });
    expect(await readAsB(bytes)).toMatchObject({ ok: false, reason: 'alteredByRelay' });
  });

  it('refuses an op slipped into a segment whose hashes do not list it', async () => {
    const extra = makeOps(net.keys.A.station, 'net', 1, 6)[0]!;
    const bytes = await sealUnchecked(net, { sender: 'R', recipients: ['B'], segments: [{ ...original, ops: [...original.ops, extra] }] });
    expect(await readAsB(bytes)).toMatchObject({ ok: false, reason: 'alteredByRelay' });
  });

  it("calls the sender's own broken segment corrupted, not altered by a relay", async () => {
    const own = await signSegment(net.keys.R, net.network.id, makeOps(net.keys.R.station, 'net', 3));
    const bytes = await sealUnchecked(net, { sender: 'R', recipients: ['B'], segments: [{ ...own, ...tamper(own) }] });
    expect(await readAsB(bytes)).toMatchObject({ ok: false, reason: 'corrupted' });
  });

  it('writeBundle itself will not carry an op that is not in its segment', async () => {
    await expect(
      writeBundle({ sender: net.keys.R, roster: net.chain, recipients: [net.keys.B.station], segments: [{ ...original, ...tamper(original), hashes: original.hashes }], meta: META, mayReceive: everyone }),
    ).rejects.toThrow(/does not belong/);
  });
});
