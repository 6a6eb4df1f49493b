import { DomainError } from '../../domain/errors';
import { PBKDF2_ITERATIONS, passwordProblem } from '../../domain/password';
import type { StationKeys } from '../crypto/keys';
import { opHash, valueMatchesHash } from '../op';
import { rosterStation, type SignedRoster } from '../roster/roster';
import { compress } from './compress';
import { CHUNK_SIZE, type Compression } from './format';
import { encodeRecords, type BundleMeta } from './records';
import { freshRandomness, sealBundle, type BundleRandomness } from './seal';
import type { OutgoingSegment } from './segment';

export interface WriteBundleInput {
  sender: StationKeys;
  /** The sender's current roster chain: carried in full, and its last version names everyone's keys. */
  roster: readonly SignedRoster[];
  /** Station ids the bundle is for; each must have keys in the roster and not be revoked. */
  recipients: readonly string[];
  /** Adds the emergency passphrase stanza. */
  passphrase?: string;
  segments: readonly OutgoingSegment[];
  meta: BundleMeta;
  /** Audience rule of the record layer: may this station receive ops of this stream? */
  mayReceive: (station: string, stream: string) => boolean;
  compression?: Compression;
  /** 64 KiB; smaller only in tests, to get many chunks from few ops. */
  chunkSize?: number;
  passphraseIterations?: number;
  /** Only for the fixed test vectors. */
  random?: BundleRandomness;
}

/**
 * Writes a bundle (docs/bundle-format.md). Checks first that the sender and every recipient
 * are in the roster with keys and not revoked, that every op is its segment origin's with a
 * matching value, and that every recipient may receive every op: a station never hands an op
 * outside its audience to anyone.
 */
export async function writeBundle(input: WriteBundleInput): Promise<Uint8Array> {
  const tip = input.roster[input.roster.length - 1];
  if (!tip) throw new TypeError('writeBundle: no roster');
  const roster = tip.document;
  const me = rosterStation(roster, input.sender.station);
  const revoked = (station: string) => roster.revocations.some((r) => r.station === station);
  const mine = input.sender.publicKeys;
  if (!me?.keys || me.keys.signing !== mine.signing || me.keys.agreement !== mine.agreement || revoked(me.id)) throw new DomainError('bundle.senderUnknown');
  if (input.recipients.length === 0 && !input.passphrase) throw new DomainError('bundle.noRecipient');
  const weak = input.passphrase === undefined ? null : passwordProblem(input.passphrase);
  if (weak) throw new DomainError(`password.${weak}`);
  const recipients = [...new Set(input.recipients)].map((station) => {
    const keys = rosterStation(roster, station)?.keys;
    if (!keys || revoked(station)) throw new DomainError('bundle.recipientUnknown', { station });
    return { station, agreement: keys.agreement };
  });
  // Per stream, the first recipient that may not receive it (or none): asked once per stream, not per op.
  const outsiders = new Map<string, string | undefined>();
  const checkAudience = (stream: string) => {
    if (!outsiders.has(stream)) outsiders.set(stream, recipients.find((r) => !input.mayReceive(r.station, stream))?.station);
    const outsider = outsiders.get(stream);
    if (outsider !== undefined) throw new TypeError(`writeBundle: ${outsider} may not receive stream ${stream}`);
  };
  for (const segment of input.segments) {
    const listed = new Set(segment.hashes);
    for (const op of segment.ops) {
      if (op.origin !== segment.origin || !listed.has(opHash(op)) || !valueMatchesHash(op)) {
        throw new TypeError(`writeBundle: op ${op.origin}|${op.stream}|${op.seq} does not belong to its segment`);
      }
      checkAudience(op.stream);
    }
    // Encoded ops are the sender's own, signed from the hashes stored with them (decision 0058).
    if (segment.encoded?.length && segment.origin !== input.sender.station) throw new TypeError('writeBundle: only the sender\'s own ops travel encoded');
    for (const e of segment.encoded ?? []) checkAudience(e.stream);
  }
  const compression = input.compression ?? 'deflate-raw';
  const plain = await encodeRecords({ meta: input.meta, rosters: input.roster, segments: input.segments });
  return sealBundle({
    sender: input.sender,
    network: roster.network,
    recipients,
    passphrase: input.passphrase ? { text: input.passphrase, iterations: input.passphraseIterations ?? PBKDF2_ITERATIONS } : null,
    payload: { bytes: await compress(plain, compression), compression, plainLength: plain.length },
    chunkSize: input.chunkSize ?? CHUNK_SIZE,
    random: input.random ?? freshRandomness(Date.parse(input.meta.createdAt)),
  });
}
