import { concat, fromHex, fromHexList, label, sha256, toHex, utf8 } from '../crypto/bytes';
import { sign, verify, type StationKeys } from '../crypto/keys';
import { checkOp, opHash, type Op } from '../op';

/**
 * Ops travel in segments: an origin's signature over a list of op hashes (decision 0031). A
 * relay forwards a segment with the origin's signature as it is, and may leave out ops (a
 * recipient outside their audience, or that already has them): the hashes stay, so the
 * signature still verifies. An erased op keeps its hash, so it verifies too.
 */
export interface SignedSegment {
  /** Station id that made the ops and signed the list. */
  origin: string;
  /** Hex op hashes (opHash) the origin signed. */
  hashes: string[];
  /** Hex Ed25519 signature of the origin. */
  signature: string;
  /** The ops carried: each one's hash is in `hashes`, each one's origin is `origin`. */
  ops: Op[];
}

/**
 * Ops of one stream already encoded as op records, exactly as a bundle carries them: an op page
 * of this station's own ops (decision 0058). The writer copies the bytes.
 */
export interface EncodedOps {
  stream: string;
  /** The op records, one after the other. */
  records: Uint8Array;
  count: number;
}

/** A segment as the writer takes it: its ops as objects, and for the sender's own, perhaps already encoded. */
export type OutgoingSegment = SignedSegment & { encoded?: readonly EncodedOps[] };

/** The most ops one segment may list: its record then stays under 8 MiB. */
export const MAX_SEGMENT_OPS = 100_000;

/** "zonelink/v1/segment\0" ‖ network ‖ 0 ‖ origin ‖ 0 ‖ SHA-256(the hashes' 32-byte values, in order). */
export async function segmentMessage(network: string, origin: string, hashes: readonly string[]): Promise<Uint8Array> {
  const digest = await sha256(fromHexList(hashes, 32));
  return concat(label('segment'), utf8(`${network}\0${origin}\0`), digest);
}

/** The origin signs a list of its own ops. */
export async function signSegment(keys: StationKeys, network: string, ops: readonly Op[]): Promise<SignedSegment> {
  if (ops.length === 0 || ops.length > MAX_SEGMENT_OPS) throw new RangeError(`signSegment: 1 to ${MAX_SEGMENT_OPS} ops`);
  if (ops.some((op) => op.origin !== keys.station)) throw new TypeError('signSegment: a station signs only its own ops');
  // Checked once here, writeBundle's check of each op costs no hashing; an op that fails is still signed as it is, and refused there.
  const hashes = ops.map((op) => checkOp(op) ?? opHash(op));
  const signature = await sign(keys.signing.privateKey, await segmentMessage(network, keys.station, hashes));
  return { origin: keys.station, hashes, signature: toHex(signature), ops: [...ops] };
}

/**
 * The origin signs the hashes of its own ops as stored with them, and carries them encoded:
 * the ops were checked when this station made them (an export of op pages, decision 0058).
 */
export async function signEncoded(keys: StationKeys, network: string, hashes: string[], encoded: readonly EncodedOps[]): Promise<OutgoingSegment> {
  const count = encoded.reduce((n, e) => n + e.count, 0);
  if (count === 0 || count > MAX_SEGMENT_OPS || count !== hashes.length) throw new RangeError(`signEncoded: 1 to ${MAX_SEGMENT_OPS} ops, a hash each`);
  const signature = await sign(keys.signing.privateKey, await segmentMessage(network, keys.station, hashes));
  return { origin: keys.station, hashes, signature: toHex(signature), ops: [], encoded };
}

export async function verifySegmentSignature(segment: Omit<SignedSegment, 'ops'>, network: string, signingKey: string): Promise<boolean> {
  return verify(signingKey, fromHex(segment.signature), await segmentMessage(network, segment.origin, segment.hashes));
}
