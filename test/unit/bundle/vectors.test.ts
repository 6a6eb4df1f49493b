import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectBundle } from '../../../renderer/sync/bundle/format';
import { readBundle } from '../../../renderer/sync/bundle/read';
import { writeBundle } from '../../../renderer/sync/bundle/write';
import { fromHex, sha256, toHex } from '../../../renderer/sync/crypto/bytes';
import { opHash } from '../../../renderer/sync/op';
import { readIndependently } from './independent-reader';
import { vectorKeys as keysOf, type BundleVector } from './vector';
import { everyone } from './fixtures';

const DIR = new URL('../../fixtures/bundle-vectors/', import.meta.url);

function load(name: string): { vector: BundleVector; file: Uint8Array } {
  const vector = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as BundleVector;
  return { vector, file: new Uint8Array(readFileSync(new URL(vector.file, DIR))) };
}


async function rewrite(vector: BundleVector): Promise<Uint8Array> {
  const r = vector.randomness;
  return writeBundle({
    sender: await keysOf(vector, vector.sender),
    roster: vector.roster,
    recipients: vector.recipients.map((n) => vector.stations[n]!.id),
    segments: vector.segments,
    meta: vector.meta,
    mayReceive: everyone,
    compression: vector.compression,
    chunkSize: vector.chunkSize,
    ...(vector.passphrase ? { passphrase: vector.passphrase } : {}),
    random: { bundle: r.bundle, fileKey: fromHex(r.fileKey), ephemeral: fromHex(r.ephemeral), passphraseSalt: fromHex(r.passphraseSalt) },
  });
}

describe.each(['stored', 'deflate'])('fixed test vector "%s"', (name) => {
  const { vector, file } = load(name);
  const ops = vector.segments.flatMap((s) => s.ops);

  it('is the file the vector describes, with keys that match their seeds', async () => {
    expect(toHex(await sha256(file))).toBe(vector.sha256);
    for (const station of Object.keys(vector.stations)) {
      expect((await keysOf(vector, station)).publicKeys).toEqual({ signing: vector.stations[station]!.signing, agreement: vector.stations[station]!.agreement });
    }
  });

  it('decodes to the expected ops for each recipient, and not for another station', async () => {
    for (const reader of vector.recipients) {
      const read = await readBundle(file, { roster: vector.roster, keys: await keysOf(vector, reader), acceptStream: everyone });
      if (!read.ok) throw new Error(`${read.reason}: ${read.detail}`);
      expect(read.segments.flatMap((s) => s.ops)).toEqual(ops);
      expect(read.segments).toEqual(vector.segments);
      expect(read.meta).toEqual(vector.meta);
    }
    const other = await readBundle(file, { roster: vector.roster, keys: await keysOf(vector, vector.notFor), acceptStream: everyone });
    expect(other).toMatchObject({ ok: false, reason: 'notForThisStation' });
  });

  it('is read by an independent implementation of docs/bundle-format.md (Node crypto and zlib)', () => {
    const signingKeyOf = (id: string) => Object.values(vector.stations).find((s) => s.id === id)!.signing;
    for (const reader of vector.recipients) {
      const { header, records } = readIndependently(Buffer.from(file), vector.stations[reader]!, signingKeyOf);
      expect(header.sender).toBe(vector.stations[vector.sender]!.id);
      expect(records.map((r) => r.type)).toEqual([0x01, ...vector.roster.map(() => 0x02), 0x03, 0x04, 0x04, 0x04, 0x03, 0x04, 0x04, 0x7f]);
      expect(records[0]!.body).toEqual(vector.meta);
      expect(records.filter((r) => r.type === 0x04).map((r) => r.body)).toEqual(ops);
      const signed = records.filter((r) => r.type === 0x03).flatMap((r) => (r.body as { hashes: string[] }).hashes);
      for (const op of ops) expect(signed).toContain(opHash(op));
    }
  });

  if (vector.compression === 'none') {
    it('is reproduced byte for byte by the writer from the same inputs and randomness', async () => {
      expect(toHex(await rewrite(vector))).toBe(toHex(file));
    });
  } else {
    // Deflate output may differ between zlib builds, so only the parts that do not depend on it are compared.
    it('is reproduced by the writer up to the compressor: same header stanzas, same contents', async () => {
      const again = await rewrite(vector);
      const [mine, theirs] = await Promise.all([inspectBundle(again), inspectBundle(file)]);
      expect({ ...mine.header, payloadLength: 0 }).toEqual({ ...theirs.header, payloadLength: 0 });
      const read = await readBundle(again, { roster: vector.roster, keys: await keysOf(vector, vector.recipients[0]!), acceptStream: everyone });
      expect(read.ok && read.segments).toEqual(vector.segments);
    });
  }

  if (vector.passphrase) {
    it('opens with its emergency passphrase alone', async () => {
      const read = await readBundle(file, { roster: vector.roster, passphrase: vector.passphrase!, acceptStream: everyone });
      expect(read.ok && read.segments.flatMap((s) => s.ops)).toEqual(ops);
    });
  }
});
