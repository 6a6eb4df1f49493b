import type { BundleMeta } from '../../../renderer/sync/bundle/records';
import type { SignedSegment } from '../../../renderer/sync/bundle/segment';
import type { SignedRoster } from '../../../renderer/sync/roster/roster';
import type { StationKeys } from '../../../renderer/sync/crypto/keys';
import { fromHex } from '../../../renderer/sync/crypto/bytes';
import { stationKeysFromSeeds } from './fixtures';

/** A fixed test vector (test/fixtures/bundle-vectors/*.json): every input of the writer, and the bytes it gives. */
export interface BundleVector {
  description: string;
  /** The expected bundle, next to the JSON. */
  file: string;
  sha256: string;
  network: string;
  /** Station keys: 32-byte private seeds (RFC 8032 / RFC 7748) and raw public keys, hex. */
  stations: Record<string, { id: string; signingSeed: string; agreementSeed: string; signing: string; agreement: string }>;
  sender: string;
  recipients: string[];
  notFor: string;
  passphrase: string | null;
  compression: 'none' | 'deflate-raw';
  chunkSize: number;
  randomness: { bundle: string; fileKey: string; ephemeral: string; passphraseSalt: string };
  roster: SignedRoster[];
  meta: BundleMeta;
  /** The segments written; read back by A or B with every stream accepted, they are what readBundle returns. */
  segments: SignedSegment[];
}

/** The keys of one of the vector's stations ('A', 'B', 'C', 'R'), from its seeds. */
export function vectorKeys(vector: BundleVector, name: string): Promise<StationKeys> {
  const s = vector.stations[name]!;
  return stationKeysFromSeeds(s.id, fromHex(s.signingSeed), fromHex(s.agreementSeed));
}
