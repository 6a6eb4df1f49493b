import { sha256 } from '@noble/hashes/sha2.js';
import { concat, fromHex, fromHexList, label, toHex, utf8 } from '../crypto/bytes';
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

/** The most ops one segment may list: its record then stays under 8 MiB. */
export const MAX_SEGMENT_OPS = 100_000;

/** "zonelink/v1/segment\0" ‖ network ‖ 0 ‖ origin ‖ 0 ‖ SHA-256(the hashes' 32-byte values, in order). */
export function segmentMessage(network: string, origin: string, hashes: readonly string[]): Uint8Array {
  const digest = sha256(fromHexList(hashes, 32));
  return concat(label('segment'), utf8(`${network}\0${origin}\0`), digest);
}

/** The origin signs a list of its own ops. */
export async function signSegment(keys: StationKeys, network: string, ops: readonly Op[]): Promise<SignedSegment> {
  if (ops.length === 0 || ops.length > MAX_SEGMENT_OPS) throw new RangeError(`signSegment: 1 to ${MAX_SEGMENT_OPS} ops`);
  if (ops.some((op) => op.origin !== keys.station)) throw new TypeError('signSegment: a station signs only its own ops');
  // Checked once here, writeBundle's check of each op costs no hashing; an op that fails is still signed as it is, and refused there.
  const hashes = ops.map((op) => checkOp(op) ?? opHash(op));
  const signature = await sign(keys.signing.privateKey, segmentMessage(network, keys.station, hashes));
  return { origin: keys.station, hashes, signature: toHex(signature), ops: [...ops] };
}

export async function verifySegmentSignature(segment: Omit<SignedSegment, 'ops'>, network: string, signingKey: string): Promise<boolean> {
  return verify(signingKey, fromHex(segment.signature), segmentMessage(network, segment.origin, segment.hashes));
}
