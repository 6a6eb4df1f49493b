import { beforeAll, describe, expect, it } from 'vitest';
import { decompress } from '../../../renderer/sync/bundle/compress';
import { FORMAT_VERSION, inspectBundle } from '../../../renderer/sync/bundle/format';
import { readBundle, type ReadBundleOptions } from '../../../renderer/sync/bundle/read';
import { encodeRecords } from '../../../renderer/sync/bundle/records';
import { freshRandomness, sealBundle } from '../../../renderer/sync/bundle/seal';
import { signSegment } from '../../../renderer/sync/bundle/segment';
import { writeBundle, type WriteBundleInput } from '../../../renderer/sync/bundle/write';
import { fromHex, toHex } from '../../../renderer/sync/crypto/bytes';
import { rosterDocument, signRoster } from '../../../renderer/sync/roster/roster';
import { everyone, makeOps, makeTestNetwork, META, NOW, PASSPHRASE, nextVersion, sealUnchecked, type TestNetwork } from './fixtures';

let net: TestNetwork;
let bundle: Uint8Array;
let base: WriteBundleInput;
const asA = (): ReadBundleOptions => ({ roster: net.chain, keys: net.keys.A, acceptStream: everyone });

beforeAll(async () => {
  net = await makeTestNetwork();
  const segment = await signSegment(net.keys.R, net.network.id, makeOps(net.keys.R.station, 'net', 40));
  base = { sender: net.keys.R, roster: net.chain, recipients: [net.keys.A.station], segments: [segment], meta: META, mayReceive: everyone };
  bundle = await writeBundle(base);
});

async function deflateZeros(total: number): Promise<Uint8Array> {
  const piece = new Uint8Array(1 << 20);
  let sent = 0;
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (sent >= total) controller.close();
      else {
        controller.enqueue(piece.slice());
        sent += piece.length;
      }
    },
  });
  return new Uint8Array(await new Response(source.pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
}

describe('files that are not bundles', () => {
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['a ZIP', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])],
    ['random bytes', crypto.getRandomValues(new Uint8Array(4096))],
  ])('refuses %s as not a bundle', async (_name, bytes) => {
    expect(await readBundle(bytes, asA())).toMatchObject({ ok: false, reason: 'notBundle' });
  });
});

describe('refusals', () => {
  it('refuses a newer format, naming the version needed', async () => {
    const newer = bundle.slice();
    newer[9] = FORMAT_VERSION + 1;
    expect(await readBundle(newer, asA())).toMatchObject({ ok: false, reason: 'tooNew', params: { format: FORMAT_VERSION + 1, supported: FORMAT_VERSION, appVersion: '0.1.0' } });
  });

  it('refuses a network it does not know', async () => {
    const other = { ...net.network, id: '01900000-0000-7000-8000-000000000001' };
    const genesis = await signRoster(rosterDocument({ ...net.content, network: other }, { prev: null, issuedAt: NOW, issuedBy: net.admin.person }), null, net.admin.key, PASSPHRASE);
    expect(await readBundle(bundle, { ...asA(), roster: [genesis] })).toMatchObject({ ok: false, reason: 'unknownNetwork' });
  });

  it('refuses a sender that the roster has no keys for', async () => {
    const v2 = await nextVersion(net, { keys: { ...net.content.keys, [net.keys.R.station]: undefined! } });
    const bytes = await sealUnchecked(net, { sender: 'R', recipients: ['A'], segments: [], rosters: [...net.chain, v2] });
    expect(await readBundle(bytes, asA())).toMatchObject({ ok: false, reason: 'unknownSigner' });
  });

  it('refuses what exceeds a cap: file, header, unpacked payload, ops', async () => {
    expect(await readBundle(bundle, { ...asA(), limits: { maxFileBytes: bundle.length - 1 } })).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(await readBundle(bundle, { ...asA(), limits: { maxHeaderBytes: 100 } })).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(await readBundle(bundle, { ...asA(), limits: { maxPlainBytes: 1000 } })).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(await readBundle(bundle, { ...asA(), limits: { maxOps: 39 } })).toMatchObject({ ok: false, reason: 'tooLarge' });
    expect(await readBundle(bundle, { ...asA(), limits: { maxRecordBytes: 100 } })).toMatchObject({ ok: false, reason: 'tooLarge' });
  });

  it('stops a decompression bomb from a validly signed sender while unpacking', async () => {
    const bomb = await deflateZeros(64 << 20);
    expect(bomb.length).toBeLessThan(1 << 20);
    const bytes = await sealBundle({
      sender: net.keys.R,
      network: net.network.id,
      recipients: [{ station: net.keys.A.station, agreement: net.keys.A.publicKeys.agreement }],
      passphrase: null,
      payload: { bytes: bomb, compression: 'deflate-raw', plainLength: 1 << 20 },
      chunkSize: 65_536,
      random: freshRandomness(Date.parse(NOW)),
    });
    expect(await readBundle(bytes, asA())).toMatchObject({ ok: false, reason: 'tooLarge' });
  });

  it('decompresses to exactly the declared length: more is too large, less is corrupted', async () => {
    const plain = await encodeRecords({ meta: META, rosters: [], segments: [] });
    const packed = await deflateZeros(1 << 20);
    await expect(decompress(packed, 'deflate-raw', (1 << 20) - 1)).rejects.toMatchObject({ refusal: { reason: 'tooLarge' } });
    await expect(decompress(packed, 'deflate-raw', (1 << 20) + 1)).rejects.toMatchObject({ refusal: { reason: 'corrupted' } });
    expect((await decompress(packed, 'deflate-raw', 1 << 20)).every((b) => b === 0)).toBe(true);
    await expect(decompress(plain, 'deflate-raw', plain.length)).rejects.toMatchObject({ refusal: { reason: 'corrupted' } });
  });

  it('refuses a roster in the bundle with a forged signature, and a broken one', async () => {
    const v2 = await nextVersion(net, { minAppVersion: '0.2.0' });
    const sig = fromHex(v2.signature);
    sig[0]! ^= 1;
    const forged = await sealUnchecked(net, { sender: 'R', recipients: ['A'], segments: [], rosters: [...net.chain, { ...v2, signature: toHex(sig) }] });
    expect(await readBundle(forged, asA())).toMatchObject({ ok: false, reason: 'rosterForged' });
    const broken = await sealUnchecked(net, { sender: 'R', recipients: ['A'], segments: [], rosters: [...net.chain, { ...v2, document: { ...v2.document, minAppVersion: '0.1.0' } }] });
    expect(await readBundle(broken, asA())).toMatchObject({ ok: false, reason: 'rosterBroken' });
  });
});

describe('audience', () => {
  it('returns nothing outside the reader’s audience, and keeps the signed hashes', async () => {
    const polder = `zone:${net.zoneOf.B}`;
    const ops = [...makeOps(net.keys.R.station, 'net', 3), ...makeOps(net.keys.R.station, polder, 2)];
    const segment = await signSegment(net.keys.R, net.network.id, ops);
    const bytes = await writeBundle({ ...base, recipients: [net.keys.B.station], segments: [segment] });
    const read = await readBundle(bytes, { roster: net.chain, keys: net.keys.B, acceptStream: (stream) => stream === 'net' });
    if (!read.ok) throw new Error(read.detail);
    expect(read.segments[0]!.ops.map((op) => op.stream)).toEqual(['net', 'net', 'net']);
    expect(read.segments[0]!.hashes).toHaveLength(5);
    expect(read.outsideAudience).toBe(2);
  });

  it('writes no op for a recipient outside its audience', async () => {
    const segment = await signSegment(net.keys.R, net.network.id, makeOps(net.keys.R.station, `zone:${net.zoneOf.B}`, 1));
    await expect(writeBundle({ ...base, segments: [segment], mayReceive: (station) => station !== net.keys.A.station })).rejects.toThrow(/may not receive/);
  });
});

describe('the emergency passphrase stanza', () => {
  let withPassphrase: Uint8Array;
  beforeAll(async () => {
    withPassphrase = await writeBundle({ ...base, passphrase: 'noodgeval: Westkust-USB-17' });
  });

  it('opens the bundle without station keys', async () => {
    const read = await readBundle(withPassphrase, { roster: net.chain, passphrase: 'noodgeval: Westkust-USB-17', acceptStream: everyone });
    expect(read.ok && read.segments[0]!.ops).toHaveLength(40);
  });

  it('opens it for a station it was not written for, when that station has the passphrase', async () => {
    const read = await readBundle(withPassphrase, { roster: net.chain, keys: net.keys.C, passphrase: 'noodgeval: Westkust-USB-17', acceptStream: everyone });
    expect(read.ok && read.segments[0]!.ops).toHaveLength(40);
    expect(await readBundle(withPassphrase, { roster: net.chain, keys: net.keys.C, acceptStream: everyone })).toMatchObject({ ok: false, reason: 'notForThisStation' });
  });

  it('refuses a wrong passphrase as such, and a passphrase for a bundle without the stanza as not for this station', async () => {
    expect(await readBundle(withPassphrase, { roster: net.chain, passphrase: 'noodgeval', acceptStream: everyone })).toMatchObject({ ok: false, reason: 'wrongPassphrase' });
    expect(await readBundle(bundle, { roster: net.chain, passphrase: 'noodgeval: Westkust-USB-17', acceptStream: everyone })).toMatchObject({ ok: false, reason: 'notForThisStation' });
  });

  it('records at least 600,000 PBKDF2 iterations, and writes no weaker stanza', async () => {
    expect((await inspectBundle(withPassphrase)).header.passphrase?.iterations).toBeGreaterThanOrEqual(600_000);
    await expect(writeBundle({ ...base, passphrase: 'noodgeval: Westkust-USB-17', passphraseIterations: 1000 })).rejects.toThrow(/600000/);
    await expect(writeBundle({ ...base, passphrase: 'kort' })).rejects.toMatchObject({ code: 'password.tooShort' });
  });
});
