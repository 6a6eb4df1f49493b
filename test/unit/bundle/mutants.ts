import { encodeHeader, encodePreamble, FORMAT_VERSION, inspectBundle, MAGIC, type BundleLayout } from '../../../renderer/sync/bundle/format';
import type { ReasonCode } from '../../../renderer/sync/bundle/reasons';

/**
 * Mutants of a valid bundle, each with the reason it must be refused for (docs/bundle-format.md
 * says which check catches what). Exported for reuse: the database-level import test runs the
 * same mutants against a real import and checks that every table's hash is unchanged.
 *
 * `reader` says who reads the mutant: 'recipient', a station the bundle was written for, or
 * 'claimed', the station a rewritten header now claims it is for.
 */
export interface Mutant {
  name: string;
  bytes: Uint8Array;
  reader: 'recipient' | 'claimed';
  expected: ReasonCode;
}

export interface MutantOptions {
  /** How many mutants in all; the systematic ones come first, random payload flips fill up. */
  total: number;
  /** Flip each bit of each header byte (8 mutants a byte) instead of each byte once. */
  everyBit: boolean;
  seed: number;
  /** A recipient whose stanza the rewritten header hands to `claimed`. */
  victim: string;
  claimed: string;
}

/** mulberry32: a small seeded PRNG, so a failing mutant can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function flipped(bundle: Uint8Array, at: number, mask: number): Uint8Array {
  const bytes = bundle.slice();
  bytes[at]! ^= mask;
  return bytes;
}

/** The reason for a flipped byte of the keyless part (preamble, header, header MAC). */
function headerFlipReason(bundle: Uint8Array, at: number, mask: number): ReasonCode {
  if (at < MAGIC.length) return 'notBundle';
  if (at === 8 || at === 9) {
    const bytes = flipped(bundle, at, mask);
    return ((bytes[8]! << 8) | bytes[9]!) > FORMAT_VERSION ? 'tooNew' : 'corrupted';
  }
  return 'corrupted';
}

function reorder(bundle: Uint8Array, layout: BundleLayout, order: number[]): Uint8Array {
  const parts = [bundle.subarray(0, layout.chunksStart), ...order.map((i) => bundle.subarray(...layout.chunks[i]!)), bundle.subarray(layout.signatureStart)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

/** A deliberate rewrite: the victim's stanza now names `claimed`, with the keyless checksums recomputed. */
async function claimRewrite(bundle: Uint8Array, options: MutantOptions): Promise<Uint8Array> {
  const { header, layout } = await inspectBundle(bundle);
  const rewritten = { ...header, recipients: header.recipients.map((r) => (r.station === options.victim ? { ...r, station: options.claimed } : r)) };
  const headerBytes = encodeHeader(rewritten);
  if (headerBytes.length !== layout.macStart - layout.headerStart) throw new Error('claimRewrite: station ids of different lengths');
  const out = bundle.slice();
  out.set(await encodePreamble(headerBytes, layout.totalLength), 0);
  out.set(headerBytes, layout.headerStart);
  return out;
}

export async function* mutants(bundle: Uint8Array, options: MutantOptions): AsyncGenerator<Mutant> {
  const { layout } = await inspectBundle(bundle);
  const random = prng(options.seed);
  const pick = (n: number) => Math.floor(random() * n);
  const chunkCount = layout.chunks.length;
  let made = 0;

  const claim = await claimRewrite(bundle, options);
  yield { name: 'header rewritten to claim another recipient, read by it', bytes: claim, reader: 'claimed', expected: 'notForThisStation' };
  yield { name: 'header rewritten to claim another recipient, read by a true recipient', bytes: claim, reader: 'recipient', expected: 'corrupted' };
  made += 2;

  for (let at = 0; at < layout.chunksStart; at++) {
    const masks = options.everyBit ? [1, 2, 4, 8, 16, 32, 64, 128] : [1 + pick(255)];
    for (const mask of masks) {
      yield { name: `header byte ${at} ^ ${mask}`, bytes: flipped(bundle, at, mask), reader: 'recipient', expected: headerFlipReason(bundle, at, mask) };
      made++;
    }
  }

  const cuts = new Set<number>([0, 1, MAGIC.length - 1, MAGIC.length, layout.headerStart - 1, layout.headerStart, layout.macStart, layout.chunksStart, layout.signatureStart, layout.totalLength - 1]);
  for (const [start, end] of layout.chunks) {
    cuts.add(start);
    cuts.add(end);
    for (let k = 0; k < 4; k++) cuts.add(start + 1 + pick(end - start - 1));
  }
  for (let k = 0; k < 20; k++) cuts.add(pick(layout.chunksStart));
  cuts.delete(layout.totalLength);
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield { name: `truncated to ${cut} bytes`, bytes: bundle.slice(0, cut), reader: 'recipient', expected: cut < MAGIC.length ? 'notBundle' : 'truncated' };
    made++;
  }

  const order = Array.from({ length: chunkCount }, (_, i) => i);
  for (let i = 0; i < chunkCount; i++) {
    for (let j = i + 1; j < chunkCount; j++) {
      const swapped = [...order];
      [swapped[i], swapped[j]] = [j, i];
      yield { name: `chunks ${i} and ${j} swapped`, bytes: reorder(bundle, layout, swapped), reader: 'recipient', expected: 'corrupted' };
      made++;
    }
    yield { name: `chunk ${i} duplicated after itself`, bytes: reorder(bundle, layout, [...order.slice(0, i + 1), i, ...order.slice(i + 1)]), reader: 'recipient', expected: 'corrupted' };
    made++;
    for (let j = 0; j < chunkCount - 1; j++) {
      if (j === i || i === chunkCount - 1) continue;
      const copied = [...order];
      copied[j] = i;
      yield { name: `chunk ${j} replaced by a copy of chunk ${i}`, bytes: reorder(bundle, layout, copied), reader: 'recipient', expected: 'corrupted' };
      made++;
    }
  }

  while (made < options.total) {
    const at = layout.chunksStart + pick(layout.totalLength - layout.chunksStart);
    yield { name: `payload byte ${at} flipped`, bytes: flipped(bundle, at, 1 + pick(255)), reader: 'recipient', expected: 'corrupted' };
    made++;
  }
}
